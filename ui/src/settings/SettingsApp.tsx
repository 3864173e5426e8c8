import { useEffect, useState } from 'preact/hooks';
import { currentStaff } from '../api/session';
import { loadSettings } from '../api/shop-settings';
import type { SettingsDto, StaffMember } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang, useTitle } from '../i18n/preact';
import { KitchenPairing } from '../shared/KitchenPairing';
import { sharedText } from '../shared/text';
import { DeviceList } from './DeviceList';
import { roleName } from '../shared/roles';
import { settingsAccess } from './settings-text';
import { ShopSettingsForm } from './ShopSettingsForm';
import { NotifySettingsForm } from './NotifySettingsForm';
import { StationsEditor } from './StationsEditor';
import { settingsText } from './text';

type Screen =
  | { kind: 'loading' }
  | { kind: 'unreachable' }
  | { kind: 'not-logged-in' }
  | { kind: 'not-allowed'; staff: StaffMember }
  | { kind: 'ready'; staff: StaffMember; settings: SettingsDto; devices: boolean };

/** `/settings`: the shop's settings for the owner and the manager; pairing for the owner. */
export function SettingsApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const lang = useLang();
  const t = settingsText[lang];
  useTitle(`${t.title} · Forno`);

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
        <p class="pagebar__title">{t.title}</p>
        <div class="pagebar__end">
          {staff && (
            <p>
              {staff.name} <span class="pagebar__role">({roleName(staff.role, lang)})</span>
            </p>
          )}
          <a class="button secondary" href="/staff">
            {t.toCounter}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main class="page">
        <h1>{t.title}</h1>
        {screen.kind === 'loading' && <p>{sharedText[lang].loading}</p>}
        {screen.kind === 'unreachable' && (
          <p class="alert" role="alert">
            {t.unreachable}
          </p>
        )}
        {screen.kind === 'not-logged-in' && (
          <div class="note" role="status">
            <p>{t.notLoggedIn}</p>
            <p>
              <a href="/staff">{t.toLogin}</a>
            </p>
          </div>
        )}
        {screen.kind === 'not-allowed' && (
          <p class="note" role="status">
            {t.notAllowed(screen.staff.name, roleName(screen.staff.role, lang))}
          </p>
        )}
        {screen.kind === 'ready' && (
          <>
            <ShopSettingsForm loaded={screen.settings} />
            <StationsEditor />
            <NotifySettingsForm />
            {screen.devices && (
              <section class="panel" aria-labelledby="devices-heading" data-testid="devices">
                <h2 id="devices-heading">{t.sections.devices}</h2>
                <h3>{t.sections.pairKitchen}</h3>
                <KitchenPairing />
                <h3>{t.sections.paired}</h3>
                <DeviceList />
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}
