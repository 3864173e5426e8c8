import { useEffect, useState } from 'preact/hooks';
import { shellStatus, toggleKitchenWindow } from '../api/desktop';

/** The tray can open and close the kitchen window too: look again this often. */
const REFRESH_MS = 3_000;

/**
 * In the desktop app's counter window: opens and closes the kitchen window (on the second
 * monitor when there is one). Shows nothing in a browser.
 */
export function KitchenWindowButton() {
  const [open, setOpen] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

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
              setProblem(`Het keukenscherm lukte niet: ${String(error)}`);
            },
          );
        }}
      >
        {open ? 'Keukenscherm sluiten' : 'Keukenscherm openen'}
      </button>
      {problem && (
        <p class="topbar__problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
