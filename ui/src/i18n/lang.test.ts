import { describe, expect, it } from 'vitest';
import { addressLang, browserLang, LangStore, type Lang, type LangEnvironment } from './lang';

describe('browserLang', () => {
  it('takes the first Dutch or English language the browser asks for', () => {
    expect(browserLang(['nl-NL', 'en-US'])).toBe('nl');
    expect(browserLang(['nl-BE'])).toBe('nl');
    expect(browserLang(['en-GB', 'nl'])).toBe('en');
    expect(browserLang(['de-DE', 'en-US', 'nl'])).toBe('en');
    expect(browserLang(['fr', 'NL'])).toBe('nl');
  });

  it('is Dutch, the shop’s language, for a browser that asks for neither', () => {
    expect(browserLang(['de-DE', 'fr'])).toBe('nl');
    expect(browserLang([])).toBe('nl');
  });
});

describe('addressLang', () => {
  it('reads ?lang= when it names a language the pages speak', () => {
    expect(addressLang('?lang=en')).toBe('en');
    expect(addressLang('?token=x&lang=nl')).toBe('nl');
    expect(addressLang('?lang=de')).toBeNull();
    expect(addressLang('')).toBeNull();
  });
});

/** A browser in memory: address, languages, storage, <html lang>, other tabs. */
function browser(start: { search?: string; languages?: string[]; stored?: string | null }) {
  const state = {
    search: start.search ?? '',
    stored: start.stored ?? null,
    documentLang: '',
    /** What another tab's switch sends (set by the store when it listens). */
    otherTab: null as ((value: string | null) => void) | null,
  };
  const env: LangEnvironment = {
    search: () => state.search,
    replaceSearch: (search) => {
      state.search = search;
    },
    languages: () => start.languages ?? ['nl-NL'],
    load: () => state.stored,
    save: (lang) => {
      state.stored = lang;
    },
    setDocumentLang: (lang) => {
      state.documentLang = lang;
    },
    onStoredChange: (callback) => {
      state.otherTab = callback;
    },
  };
  return { env, state };
}

describe('LangStore', () => {
  it('starts from the browser, and marks the page with it', () => {
    const { env, state } = browser({ languages: ['en-US'] });
    expect(new LangStore(env).current).toBe('en');
    expect(state.documentLang).toBe('en');
    expect(state.stored).toBeNull(); // nothing chosen yet
  });

  it('prefers what was chosen before over the browser', () => {
    const { env } = browser({ languages: ['en-US'], stored: 'nl' });
    expect(new LangStore(env).current).toBe('nl');
  });

  it('ignores a stored value it does not know', () => {
    const { env } = browser({ languages: ['en-US'], stored: 'klingon' });
    expect(new LangStore(env).current).toBe('en');
  });

  it('takes ?lang= over everything, and remembers it as a choice', () => {
    const { env, state } = browser({ search: '?lang=en', languages: ['nl'], stored: 'nl' });
    expect(new LangStore(env).current).toBe('en');
    expect(state.stored).toBe('en');
  });

  it('switches: tells its listeners, remembers, marks the page, keeps ?lang= in step', () => {
    const { env, state } = browser({ search: '?token=t&lang=nl' });
    const store = new LangStore(env);
    const heard: Lang[] = [];
    store.subscribe((lang) => heard.push(lang));

    store.set('en');

    expect(store.current).toBe('en');
    expect(heard).toEqual(['en']);
    expect(state.stored).toBe('en');
    expect(state.documentLang).toBe('en');
    expect(state.search).toBe('?token=t&lang=en');
  });

  it('leaves an address without ?lang= alone', () => {
    const { env, state } = browser({ search: '?view=kitchen' });
    new LangStore(env).set('en');
    expect(state.search).toBe('?view=kitchen');
  });

  it('follows a switch made in another tab of the shop', () => {
    const { env, state } = browser({});
    const store = new LangStore(env);
    const heard: Lang[] = [];
    store.subscribe((lang) => heard.push(lang));

    state.otherTab?.('en');
    state.otherTab?.('nonsense');

    expect(store.current).toBe('en');
    expect(heard).toEqual(['en']);
  });
});
