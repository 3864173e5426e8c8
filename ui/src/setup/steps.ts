// The first-run wizard's steps and what it says when finishing goes wrong. The form itself is
// the shared settings form (settings-form/); the steps are its sections, then the owner.

import { ApiError } from '../api/http';
import type { Lang } from '../i18n/lang';
import type { FieldErrors, Section } from '../settings-form/inputs';
import { inputIds, sectionOfInput } from '../settings-form/inputs';
import { setupText } from './text';

/** The steps with something to fill in, in order; "Klaar" comes after them. */
export const STEPS: readonly Section[] = ['profile', 'hours', 'sales', 'owner'];

/** "Openingstijden", "Opening hours". */
export function stepTitle(step: Section, lang: Lang): string {
  // Typed as the form's sections: a step the catalogue lacks does not compile.
  const titles: Record<Section, string> = setupText[lang].steps;
  return titles[step];
}

/** "Stap 2 van 4". */
export function stepCount(step: Section, lang: Lang): string {
  return setupText[lang].stepCount(STEPS.indexOf(step) + 1, STEPS.length);
}

/** The messages that belong to one step. */
export function errorsInStep(errors: FieldErrors, step: Section): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([id]) => sectionOfInput(id) === step));
}

export interface OwnerForm {
  name: string;
  pin: string;
  pinAgain: string;
}

/** What the page itself checks before sending: the PIN typed the same way twice. */
export function ownerErrors(owner: OwnerForm): FieldErrors {
  if (owner.pin !== owner.pinAgain) {
    return { [inputIds.ownerPinAgain]: (lang) => setupText[lang].owner.pinsDiffer };
  }
  return {};
}

export interface SetupProblem {
  text: string;
  /** Where to go to do what the text says. */
  link?: { href: string; label: string };
}

/** A sentence for an answer to finishing the setup that names no field. */
export function setupProblem(error: unknown, setupUrl: string, lang: Lang): SetupProblem {
  const text = setupText[lang].problem;
  if (!(error instanceof ApiError)) return { text: text.unreachable };
  switch (error.status) {
    case 403:
      return {
        text: text.notHere(setupUrl),
        link: { href: setupUrl, label: text.notHereLink },
      };
    case 409:
      return { text: text.alreadySetUp, link: { href: '/staff', label: text.toCounter } };
    case 429:
      return { text: text.tooMany };
    default:
      return { text: text.failed(error.message) };
  }
}
