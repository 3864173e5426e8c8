import { useLang } from '../i18n/preact';
import type { Section } from '../settings-form/inputs';
import { stepCount, stepTitle, STEPS } from './steps';
import { setupText } from './text';

/** "Stap 2 van 4" and the list of steps, with the current one and the finished ones in words. */
export function StepIndicator({ step }: { step: Section }) {
  const current = STEPS.indexOf(step);
  const lang = useLang();
  const t = setupText[lang];
  return (
    <nav class="steps" aria-label={t.progress}>
      <p class="steps__count" data-testid="step-count">
        {stepCount(step, lang)}
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
            {stepTitle(each, lang)}
            {index < current && <span class="visually-hidden">{t.stepDone}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
