import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useText, useTitle } from '../i18n/preact';
import { homeText } from './text';

/** `/`: where the shop's pages start. The ordering page (issue 15) takes its place later. */
export function HomeApp() {
  const t = useText(homeText);
  useTitle('Forno');
  return (
    <>
      <header class="pagebar">
        <p class="pagebar__brand">Forno</p>
        <div class="pagebar__end">
          <LanguageSwitch />
        </div>
      </header>
      <main class="page home">
        <h1>Forno</h1>
        <p>{t.tagline}</p>
        <p>
          <a class="button" href="/staff">
            {t.toStaff}
          </a>
        </p>
        <p>{t.track}</p>
      </main>
    </>
  );
}
