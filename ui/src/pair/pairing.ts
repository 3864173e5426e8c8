// Pairing this screen: the code from the link (`/pair/ABCD2345`), where to go afterwards, and
// what to say when it does not work.

import { ApiError } from '../api/http';
import type { StaffRole } from '../api/types';

/** The code in `/pair/{code}`, as the owner's screen shows it (upper case); '' when absent. */
export function pairingCodeFromPath(pathname: string): string {
  const match = /^\/pair\/([^/]+)/.exec(pathname);
  if (!match?.[1]) return '';
  try {
    return decodeURIComponent(match[1]).trim().toUpperCase();
  } catch {
    return '';
  }
}

/** The page a freshly paired screen opens: the kitchen view for a kitchen screen. */
export function pageAfterPairing(role: StaffRole): string {
  return role === 'kitchen' ? '/staff?view=kitchen' : '/staff';
}

export interface PairProblem {
  /** The input the message belongs to (`pair-code` or `pair-name`); none for the page. */
  inputId: 'pair-code' | 'pair-name' | null;
  text: string;
  /** The server's own words, when they help (they say what to do next). */
  detail?: string;
}

export function pairProblem(error: unknown): PairProblem {
  if (!(error instanceof ApiError)) {
    return {
      inputId: null,
      text: 'De kassa is niet bereikbaar. Controleer of dit scherm op de wifi van de zaak zit en probeer het opnieuw.',
    };
  }
  switch (error.status) {
    case 404:
      return {
        inputId: 'pair-code',
        text: 'Deze koppelcode werkt niet (meer): verlopen, al gebruikt of verkeerd getypt. Maak op de kassa een nieuwe code (Instellingen) en scan die.',
        ...(error.detail ? { detail: error.detail } : {}),
      };
    case 422:
      return error.field === 'name'
        ? { inputId: 'pair-name', text: 'Geef dit scherm een naam, zoals Keuken.' }
        : { inputId: null, text: `Koppelen lukt niet: ${error.message}` };
    case 429:
      return {
        inputId: null,
        text: 'Te veel pogingen. Wacht een minuut en probeer het dan opnieuw.',
      };
    default:
      return { inputId: null, text: `Koppelen lukt niet: ${error.message}` };
  }
}
