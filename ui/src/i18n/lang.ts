// The page's language: Dutch first, English available, the same on every page of the shop.
//
// Where it comes from, first match wins:
//   1. `?lang=nl` / `?lang=en` in the address (a link that says which language, e.g. from a
//      confirmation); it counts as a choice and is remembered.
//   2. The choice remembered in this browser (localStorage `forno.lang`), from the switch on any
//      page: one choice for all pages of the shop.
//   3. The browser's languages (`navigator.languages`, in order): the first that is Dutch (nl,
//      nl-BE, ...) or English (en, en-GB, ...) decides.
//   4. Dutch: the shop is Dutch, so a browser that asks for neither (de, fr, C) gets Dutch, with
//      the switch to English at the top of every page.
//
// Framework-free: the store below is what `useLang` (preact.ts) and the API client read.

export type Lang = 'nl' | 'en';

/** Dutch first. */
export const LANGS: readonly Lang[] = ['nl', 'en'];

/** Where the choice is remembered (localStorage). */
export const STORAGE_KEY = 'forno.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/** The language a browser asks for: the first Dutch or English one in its list, else Dutch. */
export function browserLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return 'nl';
}

/** `?lang=` in a query string, when it names a language the pages speak. */
export function addressLang(search: string): Lang | null {
  const asked = new URLSearchParams(search).get('lang');
  return isLang(asked) ? asked : null;
}

/** The same address with `?lang=` set to `lang`, for an address that already carries one. */
export function withAddressLang(search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  if (!params.has('lang')) return search;
  params.set('lang', lang);
  return `?${params.toString()}`;
}

/** The parts of the browser the language needs; tests pass their own. */
export interface LangEnvironment {
  search: () => string;
  replaceSearch: (search: string) => void;
  languages: () => readonly string[];
  load: () => string | null;
  save: (lang: Lang) => void;
  setDocumentLang: (lang: Lang) => void;
  /** Calls back when another tab of the shop changed the choice. */
  onStoredChange: (callback: (value: string | null) => void) => void;
}

/** Follows the page's language: read once, changed by the switch, heard by every listener. */
export class LangStore {
  private lang: Lang;
  private readonly listeners = new Set<(lang: Lang) => void>();

  constructor(private readonly env: LangEnvironment) {
    const fromAddress = addressLang(env.search());
    const stored = env.load();
    this.lang = fromAddress ?? (isLang(stored) ? stored : browserLang(env.languages()));
    if (fromAddress) env.save(fromAddress);
    env.setDocumentLang(this.lang);
    env.onStoredChange((value) => {
      if (isLang(value)) this.apply(value);
    });
  }

  get current(): Lang {
    return this.lang;
  }

  /** The switch: this page now, every page from now on (remembered). */
  set(lang: Lang): void {
    this.env.save(lang);
    const search = this.env.search();
    const next = withAddressLang(search, lang);
    if (next !== search) this.env.replaceSearch(next);
    this.apply(lang);
  }

  subscribe(listener: (lang: Lang) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private apply(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.env.setDocumentLang(lang);
    for (const listener of this.listeners) listener(lang);
  }
}

/** The browser's side of LangEnvironment; without a window (tests under Node), a quiet stand-in. */
export function browserEnvironment(): LangEnvironment {
  const hasWindow = typeof window !== 'undefined';
  const storage = (): Storage | null => {
    try {
      return hasWindow ? window.localStorage : null;
    } catch {
      return null; // storage switched off: the choice lasts as long as the page
    }
  };
  return {
    search: () => (hasWindow ? window.location.search : ''),
    replaceSearch: (search) => {
      if (!hasWindow) return;
      const { pathname, hash } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
    },
    languages: () => {
      const navigator = globalThis.navigator as Navigator | undefined;
      if (!navigator) return [];
      return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
    },
    load: () => {
      try {
        return storage()?.getItem(STORAGE_KEY) ?? null;
      } catch {
        return null;
      }
    },
    save: (lang) => {
      try {
        storage()?.setItem(STORAGE_KEY, lang);
      } catch {
        // Full or switched off: this page still switches.
      }
    },
    setDocumentLang: (lang) => {
      if (typeof document !== 'undefined') document.documentElement.lang = lang;
    },
    onStoredChange: (callback) => {
      if (!hasWindow) return;
      window.addEventListener('storage', (event) => {
        if (event.key === STORAGE_KEY) callback(event.newValue);
      });
    },
  };
}

let shared: LangStore | null = null;

/** The one language store of this page. */
export function pageLang(): LangStore {
  shared ??= new LangStore(browserEnvironment());
  return shared;
}
