// One way to call the shop server: JSON in, JSON out, errors as problem+json (docs/api.md).
// Every request says the page's language (`Accept-Language`), so the server's own words (the
// problem's `detail`) come back in the language the page shows.

import { pageLang } from '../i18n/lang';

/** An error answer from the server, with the problem+json fields a page can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    readonly field: string | null,
    /** The language of `detail`/`title` (`Content-Language`), when the server said. */
    readonly lang: string | null = null,
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on `POST /orders`. */
  headers?: Record<string, string>;
}

export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': pageLang().current,
    ...options.headers,
  };
  // A file (a menu photo) goes as its own bytes; everything else as JSON.
  const file = options.body instanceof Blob ? options.body : null;
  if (file) headers['Content-Type'] = file.type || 'application/octet-stream';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: file ?? (options.body === undefined ? null : JSON.stringify(options.body)),
    credentials: 'same-origin',
    cache: 'no-store',
    signal: options.signal ?? null,
  });
  if (!response.ok) throw await problemFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function problemFrom(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === 'object' && parsed !== null) problem = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status line below.
  }
  const text = (key: string) => (typeof problem[key] === 'string' ? problem[key] : null);
  return new ApiError(
    response.status,
    text('title') ?? (response.statusText || `HTTP ${response.status}`),
    text('detail'),
    text('field'),
    response.headers.get('Content-Language'),
  );
}
