import { useEffect, useState } from 'preact/hooks';
import { NoDesktopShell, shellStatus, toggleKitchenWindow } from '../api/desktop';
import { useText } from '../i18n/preact';
import { staffText } from './text';

/** The tray can open and close the kitchen window too: look again this often. */
const REFRESH_MS = 3_000;

/**
 * In the desktop app's counter window: opens and closes the kitchen window (on the second
 * monitor when there is one). Shows nothing in a browser.
 */
export function KitchenWindowButton() {
  const [open, setOpen] = useState<boolean | null>(null);
  /** Why the last toggle failed, worded when shown. */
  const [problem, setProblem] = useState<{ error: unknown } | null>(null);
  const t = useText(staffText).kitchenWindow;

  useEffect(() => {
    let cancelled = false;
    const look = () => {
      void shellStatus().then((status) => {
        if (!cancelled) setOpen(status ? status.kitchen_window_open : null);
      });
    };
    look();
    const timer = window.setInterval(look, REFRESH_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, []);

  if (open === null) return null;
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-pressed={open}
        data-testid="kitchen-window-toggle"
        onClick={() => {
          toggleKitchenWindow().then(
            (nowOpen) => {
              setOpen(nowOpen);
              setProblem(null);
            },
            (error: unknown) => {
              setProblem({ error });
            },
          );
        }}
      >
        {open ? t.close : t.open}
      </button>
      {problem && (
        <p class="topbar__problem" role="alert">
          {problem.error instanceof NoDesktopShell ? t.notInApp : t.failed(String(problem.error))}
        </p>
      )}
    </>
  );
}
