import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import type { StaffMember } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useText, useTitle } from '../i18n/preact';
import { useFeed } from '../live/preact';
import { startStaffFeed } from '../live/staff-feed';
import { sharedText } from '../shared/text';
import { LoginForm } from './LoginForm';
import { OrderBoard } from './OrderBoard';
import { currentStaff, logOut } from '../api/session';
import { setupStatus } from '../api/shop-settings';
import { staffView, withoutSession, type LoginNote } from './first-run';
import { staffText } from './text';

/** While the server cannot be reached at start-up, try again this often. */
const RETRY_MS = 5_000;

type Screen =
  | { kind: 'checking' }
  /** `ended`: the session ended (say so); `info`: a note that is no problem. */
  | { kind: 'login'; ended?: boolean; info?: LoginNote }
  | { kind: 'board'; staff: StaffMember }
  | { kind: 'unreachable' };

export function StaffApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'checking' });
  const t = useText(staffText);
  const shared = useText(sharedText);

  useEffect(() => {
    if (screen.kind !== 'checking' && screen.kind !== 'unreachable') return;
    let cancelled = false;
    const check = () => {
      currentStaff().then(
        async (staff) => {
          if (staff) {
            if (!cancelled) setScreen({ kind: 'board', staff });
            return;
          }
          // Nobody logged in: a shop that is not set up yet has nobody who could.
          const status = await setupStatus().catch(() => null);
          if (cancelled) return;
          const view = staffView(window.location.search);
          const next = withoutSession(view, status?.needs_setup ?? null);
          if (next.kind === 'setup') window.location.replace('/setup');
          else setScreen(next.info ? { kind: 'login', info: next.info } : { kind: 'login' });
        },
        () => {
          if (cancelled) return;
          setScreen({ kind: 'unreachable' });
          timer = setTimeout(check, RETRY_MS);
        },
      );
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (screen.kind === 'checking') check();
    else timer = setTimeout(check, RETRY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [screen.kind]);

  if (screen.kind === 'board') {
    return (
      <LiveBoard
        staff={screen.staff}
        onLoggedOut={(ended) => {
          setScreen(ended ? { kind: 'login', ended } : { kind: 'login' });
        }}
      />
    );
  }
  return (
    <>
      <StaffBar />
      {screen.kind === 'checking' && <p class="page-note">{shared.loading}</p>}
      {screen.kind === 'unreachable' && (
        <main class="page-note">
          <h1>{t.unreachableTitle}</h1>
          <p role="alert">{t.unreachable}</p>
        </main>
      )}
      {screen.kind === 'login' && (
        <>
          {screen.ended && (
            <p class="alert" role="alert">
              {t.sessionEnded}
            </p>
          )}
          {screen.info && (
            <p class="login-note" role="status" data-testid="login-info">
              {t[screen.info]}
            </p>
          )}
          <LoginForm
            onLoggedIn={(staff) => {
              setScreen({ kind: 'board', staff });
            }}
          />
        </>
      )}
    </>
  );
}

/**
 * The bar on top of the staff page before the board shows: the brand and the language. It sets
 * the tab's title too; the board sets its own (with the count of new orders).
 */
function StaffBar() {
  useTitle(useText(staffText).title);
  return (
    <header class="topbar">
      <p class="topbar__shop">Forno</p>
      <div class="topbar__end">
        <LanguageSwitch />
      </div>
    </header>
  );
}

/** Starts the staff feed for the logged-in member and shows the board once it has loaded. */
function LiveBoard({
  staff,
  onLoggedOut,
}: {
  staff: StaffMember;
  /** `ended`: the server ended the session (rather than a log-out). */
  onLoggedOut: (ended?: boolean) => void;
}) {
  const t = useText(staffText);
  const sessionEnded = () => {
    onLoggedOut(true);
  };
  const state = useFeed({
    start: () => startStaffFeed({ onSessionEnded: sessionEnded }),
    isFinal: (error) => error instanceof ApiError && error.status === 401,
  });

  useEffect(() => {
    if (state.kind === 'failed') sessionEnded();
    // Only when the start failed for good (401): a fresh closure each render must not repeat it.
  }, [state.kind]);

  const leave = () => {
    if (state.kind === 'running') state.feed.stop();
    logOut().then(
      () => {
        onLoggedOut();
      },
      () => {
        onLoggedOut();
      },
    );
  };

  if (state.kind === 'running') {
    return <OrderBoard feed={state.feed} staff={staff} onLogOut={leave} />;
  }
  return (
    <>
      <StaffBar />
      <main class="page-note">
        {state.kind === 'retrying' ? (
          <p class="alert" role="alert">
            {state.error instanceof ApiError
              ? t.feed.failed(state.error.message)
              : t.feed.unreachable}
          </p>
        ) : (
          <p>{t.feed.loading}</p>
        )}
      </main>
    </>
  );
}
