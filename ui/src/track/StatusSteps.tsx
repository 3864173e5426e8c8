import { fulfilmentType } from '../api/orders';
import type { TrackedOrder } from '../api/types';
import { formatClock } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { customerSteps, statusName } from '../shared/status';
import { trackText } from './text';

type StepState = 'done' | 'now' | 'todo';

const MARKS: Record<StepState, string> = { done: '✓', now: '●', todo: '○' };

/** Where the order is on its way to the customer; each step says in words whether it is done. */
export function StatusSteps({ order }: { order: TrackedOrder }) {
  const lang = useLang();
  const text = trackText[lang];
  const steps = customerSteps(fulfilmentType(order));
  const current = steps.indexOf(order.status);
  const finished = order.status === 'completed';

  const stateOf = (index: number): StepState => {
    if (index < current || (finished && index === current)) return 'done';
    return index === current ? 'now' : 'todo';
  };

  return (
    <ol class="steps">
      {steps.map((status, index) => {
        const state = stateOf(index);
        // When the step was reached, from the order's history (the latest time it got there).
        const at = order.status_history.filter((h) => h.status === status).pop()?.at;
        return (
          <li key={status} class={`step step--${state}`} aria-current={state === 'now' ? 'step' : undefined}>
            <span class="step__mark" aria-hidden="true">
              {MARKS[state]}
            </span>
            <span class="step__name">{statusName(status, lang)}</span>
            {state !== 'todo' && at && <time class="step__time" dateTime={at}>{formatClock(at, lang)}</time>}
            {state !== 'todo' && (
              <span class="step__state">({state === 'done' ? text.stepDone : text.stepNow})</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
