import { useEffect, useState } from 'preact/hooks';
import { setupStatus } from '../api/shop-settings';
import type { SetupStatus } from '../api/types';
import { SetupWizard } from './SetupWizard';

type Screen =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'wizard'; status: SetupStatus & { shop: NonNullable<SetupStatus['shop']> } };

/** `/setup`: the first-run wizard, or on to the counter when the shop is already set up. */
export function SetupApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });

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
        <p class="pagebar__title">Zaak instellen</p>
      </header>
      <main class="page">
        <h1>Welkom bij Forno</h1>
        {screen.kind === 'loading' && <p>Laden…</p>}
        {screen.kind === 'unreachable' && (
          <p class="alert" role="alert">
            Forno is niet bereikbaar. Controleer of Forno draait en laad deze pagina opnieuw.
          </p>
        )}
        {screen.kind === 'wizard' && (
          <SetupWizard status={screen.status} start={screen.status.shop} />
        )}
      </main>
    </>
  );
}
