import { useEffect, useState } from 'preact/hooks';
import { setupStatus } from '../api/shop-settings';
import type { SetupStatus } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang, useTitle } from '../i18n/preact';
import { sharedText } from '../shared/text';
import { SetupWizard } from './SetupWizard';
import { setupText } from './text';

type Screen =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'wizard'; status: SetupStatus & { shop: NonNullable<SetupStatus['shop']> } };

/** `/setup`: the first-run wizard, or on to the counter when the shop is already set up. */
export function SetupApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const lang = useLang();
  const t = setupText[lang];
  useTitle(`${t.title} · Forno`);

  useEffect(() => {
    setupStatus().then(
      (status) => {
        if (!status.needs_setup || !status.shop) {
          window.location.replace('/staff');
          return;
        }
        setScreen({ kind: 'wizard', status: { ...status, shop: status.shop } });
      },
      () => {
        setScreen({ kind: 'unreachable' });
      },
    );
  }, []);

  return (
    <>
      <header class="pagebar">
        <p class="pagebar__brand">Forno</p>
        <p class="pagebar__title">{t.title}</p>
        <div class="pagebar__end">
          <LanguageSwitch />
        </div>
      </header>
      <main class="page">
        <h1>{t.welcome}</h1>
        {screen.kind === 'loading' && <p>{sharedText[lang].loading}</p>}
        {screen.kind === 'unreachable' && (
          <p class="alert" role="alert">
            {t.unreachable}
          </p>
        )}
        {screen.kind === 'wizard' && (
          <SetupWizard status={screen.status} start={screen.status.shop} />
        )}
      </main>
    </>
  );
}
