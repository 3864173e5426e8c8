import type { Section } from '../settings-form/inputs';
import { STEP_TITLES, STEPS, stepCount } from './steps';

/** "Stap 2 van 4" and the list of steps, with the current one and the finished ones in words. */
export function StepIndicator({ step }: { step: Section }) {
  const current = STEPS.indexOf(step);
  return (
    <nav class="steps" aria-label="Voortgang">
      <p class="steps__count" data-testid="step-count">
        {stepCount(step)}
      </p>
      <ol class="steps__list">
        {STEPS.map((each, index) => (
          <li
            key={each}
            class={
              index === current
                ? 'steps__item steps__item--current'
                : index < current
                  ? 'steps__item steps__item--done'
                  : 'steps__item'
            }
            aria-current={index === current ? 'step' : undefined}
          >
            <span class="steps__number" aria-hidden="true">
              {index < current ? '✓' : index + 1}
            </span>
            {STEP_TITLES[each]}
            {index < current && <span class="visually-hidden"> (ingevuld)</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
