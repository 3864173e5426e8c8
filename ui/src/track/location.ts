// What the tracking page reads from its address: `/track/{token}?lang=en`.

import type { Lang } from '../shared/format';

/** The tracking token: the last path segment after `/track/`, or `?token=` (handy in `vite dev`). */
export function trackingToken(pathname: string, search: string): string | null {
  const match = /\/track\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(search).get('token');
}

/** Dutch unless the address asks for English. */
export function pageLanguage(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'nl';
}

/** The same address in the other language, for the language switch. */
export function addressInLanguage(pathname: string, search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  if (lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
