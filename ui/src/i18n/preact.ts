// Preact bindings: components re-render in the new language when the switch is used.

import { useEffect, useState } from 'preact/hooks';
import { pageLang, type Lang } from './lang';
import type { Catalogue, MessageTree } from './messages';

/** The page's language; re-renders on a switch (also one made in another tab). */
export function useLang(): Lang {
  const store = pageLang();
  const [lang, setLang] = useState(store.current);
  useEffect(() => {
    setLang(store.current);
    return store.subscribe(setLang);
  }, [store]);
  return lang;
}

/** A catalogue's texts in the page's language. */
export function useText<T extends MessageTree>(catalogue: Catalogue<T>): T {
  return catalogue[useLang()];
}

/** Sets the tab's title in the page's language. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
