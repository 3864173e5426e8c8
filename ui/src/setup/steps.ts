// The first-run wizard's steps and what it says when finishing goes wrong. The form itself is
// the shared settings form (settings-form/); the steps are its sections, then the owner.

import { ApiError } from '../api/http';
import type { FieldErrors, Section } from '../settings-form/inputs';
import { inputIds, sectionOfInput } from '../settings-form/inputs';

/** The steps with something to fill in, in order; "Klaar" comes after them. */
export const STEPS: readonly Section[] = ['profile', 'hours', 'sales', 'owner'];

export const STEP_TITLES: Record<Section, string> = {
  profile: 'Uw zaak',
  hours: 'Openingstijden',
  sales: 'Afhalen en bezorgen',
  owner: 'Eigenaar',
};

/** "Stap 2 van 4". */
export function stepCount(step: Section): string {
  return `Stap ${STEPS.indexOf(step) + 1} van ${STEPS.length}`;
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
    return {
      [inputIds.ownerPinAgain]:
        'De twee pincodes zijn niet gelijk. Typ dezelfde pincode nog een keer.',
    };
  }
  return {};
}

export interface SetupProblem {
  text: string;
  /** Where to go to do what the text says. */
  link?: { href: string; label: string };
}

/** A sentence for an answer to finishing the setup that names no field. */
export function setupProblem(error: unknown, setupUrl: string): SetupProblem {
  if (!(error instanceof ApiError)) {
    return {
      text: 'Forno is niet bereikbaar, dus de zaak is nog niet ingesteld. Controleer of Forno draait en probeer het opnieuw; wat u invulde blijft staan.',
    };
  }
  switch (error.status) {
    case 403:
      return {
        text: `Voor de veiligheid rondt u het instellen af op de computer waarop Forno draait, niet op een ander apparaat. Open daar ${setupUrl} en vul de stappen opnieuw in.`,
        link: { href: setupUrl, label: 'Adres op de computer van de zaak' },
      };
    case 409:
      return {
        text: 'Deze zaak is al ingesteld. De eigenaar logt in bij de kassa en wijzigt de instellingen onder Instellingen.',
        link: { href: '/staff', label: 'Naar de kassa' },
      };
    case 429:
      return { text: 'Te veel pogingen achter elkaar. Wacht even en probeer het dan opnieuw.' };
    default:
      return { text: `De zaak is nog niet ingesteld: ${error.message}` };
  }
}
