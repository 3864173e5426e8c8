import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError, requestJson, serverLanguage } from './http';

describe('the language the server answers in', () => {
  it('follows the page, Dutch unless the page is English', () => {
    expect(serverLanguage('nl')).toBe('nl');
    expect(serverLanguage('en')).toBe('en');
    expect(serverLanguage('en-GB')).toBe('en');
    expect(serverLanguage('')).toBe('nl');
    expect(serverLanguage(undefined)).toBe('nl');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is sent with every request, and the problem comes back as an ApiError', async () => {
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    const fetch = vi.fn().mockResolvedValue(
      new Response(
        JSON.stringify({ title: 'Invalid input', detail: 'Fill in your name.', field: 'contact.name' }),
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const error = await requestJson('/api/v1/orders', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).field).toBe('contact.name');
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en');
  });
});
