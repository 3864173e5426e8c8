import { pageLang, LANGS, type Lang } from './lang';
import { useLang } from './preact';
import './language-switch.css';

/** Each language named in itself, so a reader finds their own whatever the page shows now. */
const NAMES: Record<Lang, string> = { nl: 'Nederlands', en: 'English' };

/**
 * NL | EN at the top of every page: two buttons, the current one pressed. Switching changes the
 * page at once (no reload, live connections stay up) and is remembered for every page.
 */
export function LanguageSwitch() {
  const current = useLang();
  return (
    <div class="language-switch" role="group" aria-label="Taal / Language" data-testid="language-switch">
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          class="language-switch__option"
          lang={lang}
          aria-pressed={lang === current}
          data-lang={lang}
          onClick={() => {
            pageLang().set(lang);
          }}
        >
          {lang.toUpperCase()}
          <span class="visually-hidden"> {NAMES[lang]}</span>
        </button>
      ))}
    </div>
  );
}
