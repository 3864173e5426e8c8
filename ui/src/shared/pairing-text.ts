// What the "pair a kitchen screen" block says: until when a code works, and what went wrong.

import { ApiError } from '../api/http';
import { formatClock } from './format';

export interface Validity {
  expired: boolean;
  text: string;
}

/** "Geldig tot 18:13", or that it has expired and what to do. */
export function pairingValidity(expiresAt: string, now: Date): Validity {
  const until = formatClock(expiresAt);
  if (new Date(expiresAt).getTime() <= now.getTime()) {
    return { expired: true, text: `Verlopen om ${until}. Maak een nieuwe code.` };
  }
  return { expired: false, text: `Geldig tot ${until}, voor één scherm.` };
}

/** A sentence for when no code could be made. */
export function pairingCodeProblem(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'De kassa is niet bereikbaar, dus er is geen koppelcode. Probeer het zo opnieuw.';
  }
  switch (error.status) {
    case 401:
      return 'U bent niet meer ingelogd. Log opnieuw in bij de kassa om een scherm te koppelen.';
    case 403:
      return 'Alleen de eigenaar kan schermen koppelen.';
    default:
      return `Er is geen koppelcode gemaakt: ${error.message}`;
  }
}
