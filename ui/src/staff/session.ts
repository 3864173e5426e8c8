// What the login form says when logging in fails. The calls themselves are in api/session.ts.

import { ApiError } from '../api/http';
import type { Lang } from '../i18n/lang';
import { staffText } from './text';

/** A sentence for the login form: what went wrong and what to do. */
export function loginProblem(error: unknown, lang: Lang): string {
  const text = staffText[lang].login;
  if (!(error instanceof ApiError)) return text.unreachable;
  switch (error.status) {
    case 401:
      return text.wrong;
    case 423:
      return text.locked;
    case 429:
      return text.tooMany;
    default:
      return text.failed(error.message);
  }
}
