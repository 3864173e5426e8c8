import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLang } from '../i18n/lang';
import { ApiError, requestJson } from './http';

afterEach(() => {
  pageLang().set('nl');
  vi.unstubAllGlobals();
});

/** Records the requests, answers each with `answer`. */
function server(answer: () => Response) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string, init: RequestInit) => {
      requests.push(new Request(`http://shop${path}`, init));
      return Promise.resolve(answer());
    }),
  );
  return requests;
}

describe('requestJson', () => {
  it('asks for the page’s language, and follows the switch', async () => {
    const requests = server(() => Response.json({}));
    await requestJson('/api/v1/shop');
    pageLang().set('en');
    await requestJson('/api/v1/shop');

    expect(requests.map((r) => r.headers.get('Accept-Language'))).toEqual(['nl', 'en']);
  });

  it('turns a problem into an ApiError that knows the language of its words', async () => {
    server(
      () =>
        new Response(
          JSON.stringify({ title: 'Ongeldige invoer', detail: 'Vul een naam in.', field: 'name' }),
          { status: 422, headers: { 'Content-Language': 'nl', 'Content-Type': 'application/problem+json' } },
        ),
    );
    const error = await requestJson('/api/v1/devices/pair', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, detail: 'Vul een naam in.', field: 'name', lang: 'nl' });
  });
});
