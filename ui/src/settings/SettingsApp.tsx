import { useEffect, useState } from 'preact/hooks';
import { currentStaff } from '../api/session';
import { loadSettings } from '../api/shop-settings';
import type { SettingsDto, StaffMember } from '../api/types';
import { KitchenPairing } from '../shared/KitchenPairing';
import { DeviceList } from './DeviceList';
import { ROLE_NAMES } from '../shared/roles';
import { settingsAccess } from './settings-text';
import { ShopSettingsForm } from './ShopSettingsForm';

type Screen =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'not-logged-in' }
  | { kind: 'not-allowed'; staff: StaffMember }
  | { kind: 'ready'; staff: StaffMember; settings: SettingsDto; devices: boolean };

/** `/settings`: the shop's settings for the owner and the manager; pairing for the owner. */
export function SettingsApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });

  useEffect(() => {
    const open = async (): Promise<Screen> => {
      const staff = await currentStaff();
      const access = settingsAccess(staff);
      if (!staff || access === 'not-logged-in') return { kind: 'not-logged-in' };
      if (access === 'not-allowed') return { kind: 'not-allowed', staff };
      return {
        kind: 'ready',
        staff,
        settings: await loadSettings(),
        devices: access === 'edit-and-devices',
      };
    };
    open().then(setScreen, () => {
      setScreen({ kind: 'unreachable' });
    });
  }, []);

  const staff = screen.kind === 'ready' || screen.kind === 'not-allowed' ? screen.staff : null;
  return (
    <>
      <header class="pagebar">
        <p class="pagebar__brand">Forno</p>
        <p class="pagebar__title">Instellingen</p>
        <div class="pagebar__end">
          {staff && (
            <p>
              {staff.name} <span class="pagebar__role">({ROLE_NAMES[staff.role]})</span>
            </p>
          )}
          <a class="button secondary" href="/staff">
            Naar de kassa
          </a>
        </div>
      </header>
      <main class="page">
        <h1>Instellingen</h1>
        {screen.kind === 'loading' && <p>Laden…</p>}
        {screen.kind === 'unreachable' && (
          <p class="alert" role="alert">
            De kassa is niet bereikbaar. Controleer of Forno draait en laad deze pagina opnieuw.
          </p>
        )}
        {screen.kind === 'not-logged-in' && (
          <div class="note" role="status">
            <p>
              U bent niet ingelogd. Log in bij de kassa met uw naam en pincode en kies daar
              ‘Instellingen’.
            </p>
            <p>
              <a href="/staff">Naar inloggen</a>
            </p>
          </div>
        )}
        {screen.kind === 'not-allowed' && (
          <p class="note" role="status">
            U bent ingelogd als {screen.staff.name} ({ROLE_NAMES[screen.staff.role]}). Die rol mag
            de instellingen van de zaak niet wijzigen; vraag de eigenaar of de bedrijfsleider.
          </p>
        )}
        {screen.kind === 'ready' && (
          <>
            <ShopSettingsForm loaded={screen.settings} />
            {screen.devices && (
              <section class="panel" aria-labelledby="devices-heading" data-testid="devices">
                <h2 id="devices-heading">Apparaten</h2>
                <h3>Keukenscherm koppelen</h3>
                <KitchenPairing />
                <h3>Gekoppelde schermen</h3>
                <DeviceList />
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}
