// Pairing this screen: the code from the link (`/pair/ABCD2345`), where to go afterwards, and
// what to say when it does not work.

import { ApiError } from '../api/http';
import type { StaffRole } from '../api/types';
import type { Lang } from '../i18n/lang';
import { pairText } from './text';

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

/** The page a freshly paired screen opens: the kitchen board for a kitchen screen. */
export function pageAfterPairing(role: StaffRole): string {
  return role === 'kitchen' ? '/kitchen' : '/staff';
}

export interface PairProblem {
  /** The input the message belongs to (`pair-code` or `pair-name`); none for the page. */
  inputId: 'pair-code' | 'pair-name' | null;
  text: string;
  /** The server's own words, when they help (they say what to do next), and their language. */
  detail?: { text: string; lang: string };
}

export function pairProblem(error: unknown, lang: Lang): PairProblem {
  const text = pairText[lang];
  if (!(error instanceof ApiError)) return { inputId: null, text: text.unreachable };
  switch (error.status) {
    case 404:
      return {
        inputId: 'pair-code',
        text: text.codeNotValid,
        // A server that does not say its language speaks English (it did before it could choose).
        ...(error.detail ? { detail: { text: error.detail, lang: error.lang ?? 'en' } } : {}),
      };
    case 422:
      return error.field === 'name'
        ? { inputId: 'pair-name', text: text.nameMissing }
        : { inputId: null, text: text.failed(error.message) };
    case 429:
      return { inputId: null, text: text.tooMany };
    default:
      return { inputId: null, text: text.failed(error.message) };
  }
}
