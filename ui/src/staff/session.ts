// What the login form says when logging in fails. The calls themselves are in api/session.ts.

import { ApiError } from '../api/http';

/** A sentence for the login form: what went wrong and what to do. */
export function loginProblem(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'De kassa is niet bereikbaar. Controleer of Forno draait en probeer het opnieuw.';
  }
  switch (error.status) {
    case 401:
      return 'Naam of pincode klopt niet. Probeer het opnieuw.';
    case 423:
      return 'Te vaak een verkeerde pincode: dit account is 5 minuten geblokkeerd. Vraag de eigenaar of wacht even.';
    case 429:
      return 'Te veel pogingen. Wacht even en probeer het dan opnieuw.';
    default:
      return `Inloggen lukt niet: ${error.message}`;
  }
}
