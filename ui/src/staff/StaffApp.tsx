import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import type { StaffMember } from '../api/types';
import { startStaffFeed, type StaffFeed } from '../live/staff-feed';
import { LoginForm } from './LoginForm';
import { OrderBoard } from './OrderBoard';
import { currentStaff, logOut } from '../api/session';
import { setupStatus } from '../api/shop-settings';
import { staffView, withoutSession } from './first-run';

/** While the server cannot be reached at start-up, try again this often. */
const RETRY_MS = 5_000;

type Screen =
  | { kind: 'checking' }
  /** `notice`: something went wrong (an ended session); `info`: a note that is no problem. */
  | { kind: 'login'; notice?: string; info?: string }
  | { kind: 'board'; staff: StaffMember }
  | { kind: 'unreachable' };

export function StaffApp() {
  const [screen, setScreen] = useState<Screen>({ kind: 'checking' });

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

  switch (screen.kind) {
    case 'checking':
      return <p class="page-note">Laden…</p>;
    case 'unreachable':
      return (
        <main class="page-note">
          <h1>Kassa niet bereikbaar</h1>
          <p role="alert">
            Deze pagina kan de Forno-server niet bereiken. Controleer of Forno draait; we proberen
            het elke paar seconden opnieuw.
          </p>
        </main>
      );
    case 'login':
      return (
        <>
          {screen.notice && (
            <p class="alert" role="alert">
              {screen.notice}
            </p>
          )}
          {screen.info && (
            <p class="login-note" role="status" data-testid="login-info">
              {screen.info}
            </p>
          )}
          <LoginForm
            onLoggedIn={(staff) => {
              setScreen({ kind: 'board', staff });
            }}
          />
        </>
      );
    case 'board':
      return (
        <LiveBoard
          staff={screen.staff}
          onLoggedOut={(notice) => {
            setScreen(notice ? { kind: 'login', notice } : { kind: 'login' });
          }}
        />
      );
  }
}

/** Starts the staff feed for the logged-in member and shows the board once it has loaded. */
function LiveBoard({
  staff,
  onLoggedOut,
}: {
  staff: StaffMember;
  onLoggedOut: (notice?: string) => void;
}) {
  const [feed, setFeed] = useState<StaffFeed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [tries, setTries] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let started: StaffFeed | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const sessionEnded = () => {
      onLoggedOut('Je sessie is verlopen. Log opnieuw in.');
    };
    startStaffFeed({ onSessionEnded: sessionEnded }).then(
      (feed) => {
        if (cancelled) {
          feed.stop();
          return;
        }
        started = feed;
        setFeed(feed);
        setProblem(null);
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) {
          sessionEnded();
          return;
        }
        setProblem(
          error instanceof ApiError
            ? `De bestellingen laden niet: ${error.message}. We proberen het zo opnieuw.`
            : 'De kassa is niet bereikbaar. We proberen het elke paar seconden opnieuw.',
        );
        retry = setTimeout(() => {
          setTries((n) => n + 1);
        }, RETRY_MS);
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(retry);
      started?.stop();
    };
    // Deliberately keyed on `tries` only: onLoggedOut is a fresh closure every render, and
    // restarting the feed for it would drop the live connection.
  }, [tries]);

  const leave = () => {
    feed?.stop();
    logOut().then(
      () => {
        onLoggedOut();
      },
      () => {
        onLoggedOut();
      },
    );
  };

  if (!feed) {
    return (
      <main class="page-note">
        {problem ? (
          <p class="alert" role="alert">
            {problem}
          </p>
        ) : (
          <p>Bestellingen laden…</p>
        )}
      </main>
    );
  }
  return <OrderBoard feed={feed} staff={staff} onLogOut={leave} />;
}
