// What the tracking page reads from its address: `/track/{token}` (the language, `?lang=en`,
// is the i18n module's, as on every page).

/** The tracking token: the last path segment after `/track/`, or `?token=` (handy in `vite dev`). */
export function trackingToken(pathname: string, search: string): string | null {
  const match = /\/track\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(search).get('token');
}
