// What the "pair a kitchen screen" block says: until when a code works, and what went wrong.

import { ApiError } from '../api/http';
import { formatClock } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { pairingText } from './text';

export interface Validity {
  expired: boolean;
  text: string;
}

/** "Geldig tot 18:13", or that it has expired and what to do. */
export function pairingValidity(expiresAt: string, now: Date, lang: Lang): Validity {
  const text = pairingText[lang];
  const until = formatClock(expiresAt, lang);
  if (new Date(expiresAt).getTime() <= now.getTime()) {
    return { expired: true, text: text.expiredAt(until) };
  }
  return { expired: false, text: text.validUntil(until) };
}

/** A sentence for when no code could be made. */
export function pairingCodeProblem(error: unknown, lang: Lang): string {
  const text = pairingText[lang];
  if (!(error instanceof ApiError)) return text.unreachable;
  switch (error.status) {
    case 401:
      return text.loggedOut;
    case 403:
      return text.ownerOnly;
    default:
      return text.failed(error.message);
  }
}
