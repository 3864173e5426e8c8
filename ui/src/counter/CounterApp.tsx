// The counter (`/counter`): log in at the tiles and PIN pad, then the register. The screen locks
// itself (logs the cashier out) after the idle time chosen on this counter.

import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { currentStaff, logOut, mayDo } from '../api/session';
import { setupStatus } from '../api/shop-settings';
import type { StaffMember } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useText, useTitle } from '../i18n/preact';
import { useFeed } from '../live/preact';
import { startStaffFeed } from '../live/staff-feed';
import { sharedText } from '../shared/text';
import { CounterLogin } from './Login';
import { Register } from './Register';
import { lockMinutes } from './lock';
import { counterText } from './text';

const RETRY_MS = 5_000;

type Screen =
  | { kind: 'checking' }
  | { kind: 'login'; ended?: boolean }
  | { kind: 'register'; staff: StaffMember }
  | { kind: 'unreachable' };

export function CounterApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'checking' });
  const t = useText(counterText);
  const shared = useText(sharedText);
  useTitle(t.title);

  useEffect(() => {
    if (screen.kind !== 'checking' && screen.kind !== 'unreachable') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      currentStaff().then(
        async (staff) => {
          if (staff) {
            if (!cancelled) setScreen({ kind: 'register', staff });
            return;
          }
          const status = await setupStatus().catch(() => null);
          if (cancelled) return;
          if (status?.needs_setup) window.location.replace('/setup');
          else setScreen({ kind: 'login' });
        },
        () => {
          if (cancelled) return;
          setScreen({ kind: 'unreachable' });
          timer = setTimeout(check, RETRY_MS);
        },
      );
    };
    if (screen.kind === 'checking') check();
    else timer = setTimeout(check, RETRY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [screen.kind]);

  if (screen.kind === 'register') {
    return (
      <LiveRegister
        staff={screen.staff}
        onLocked={(ended) => {
          setScreen({ kind: 'login', ...(ended ? { ended } : {}) });
        }}
      />
    );
  }
  return (
    <>
      <header class="topbar">
        <p class="topbar__shop">Forno</p>
        <div class="topbar__end">
          <LanguageSwitch />
        </div>
      </header>
      {screen.kind === 'checking' && <p class="page-note">{shared.loading}</p>}
      {screen.kind === 'unreachable' && (
        <p class="alert" role="alert">
          {t.unreachable}
        </p>
      )}
      {screen.kind === 'login' && (
        <>
          {screen.ended && (
            <p class="alert" role="alert">
              {t.sessionEnded}
            </p>
          )}
          <CounterLogin
            onLoggedIn={(staff) => {
              setScreen({ kind: 'register', staff });
            }}
          />
        </>
      )}
    </>
  );
}

function LiveRegister({
  staff,
  onLocked,
}: {
  staff: StaffMember;
  onLocked: (ended?: boolean) => void;
}) {
  const t = useText(counterText);
  const shared = useText(sharedText);
  const state = useFeed({
    start: () =>
      startStaffFeed({
        onSessionEnded: () => {
          onLocked(true);
        },
      }),
    isFinal: (error) => error instanceof ApiError && error.status === 401,
  });

  useEffect(() => {
    if (state.kind === 'failed') onLocked(true);
  }, [state.kind]);

  const lock = () => {
    if (state.kind === 'running') state.feed.stop();
    logOut().then(
      () => {
        onLocked();
      },
      () => {
        onLocked();
      },
    );
  };

  // The idle lock: any touch, click or key restarts the countdown.
  const [minutes, setMinutes] = useState(lockMinutes());
  useEffect(() => {
    const changed = () => {
      setMinutes(lockMinutes());
    };
    window.addEventListener('forno-lock-changed', changed);
    return () => {
      window.removeEventListener('forno-lock-changed', changed);
    };
  }, []);
  useEffect(() => {
    if (minutes <= 0) return;
    let timer = setTimeout(lock, minutes * 60_000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, restart);
    };
  }, [minutes]);

  if (!mayDo(staff, 'take_orders')) {
    return (
      <main class="page-note">
        <p class="alert" role="alert">
          <a href="/staff">{t.bar.staffPage}</a>
        </p>
      </main>
    );
  }
  if (state.kind === 'running') {
    return <Register staff={staff} feed={state.feed} onLock={lock} />;
  }
  return (
    <main class="page-note">
      <p role={state.kind === 'retrying' ? 'alert' : 'status'}>
        {state.kind === 'retrying' ? t.unreachable : shared.loading}
      </p>
    </main>
  );
}
