// The desktop app's own commands, for a page shown in its counter window: Tauri puts
// `window.__TAURI__` on the pages it shows, and the shell grants the counter window two commands
// (src-tauri/capabilities). In a browser, or in a window without that grant, there is no shell.

export interface ShellStatus {
  /** The shop's address on its network, for pairing screens; null while the server starts. */
  lan_url: string | null;
  kitchen_window_open: boolean;
}

interface TauriGlobal {
  core: { invoke<T>(command: string): Promise<T> };
}

function tauri(): TauriGlobal | null {
  return (window as { __TAURI__?: TauriGlobal }).__TAURI__ ?? null;
}

/** The shell's state, or null when this page does not run in the desktop app's counter window. */
export async function shellStatus(): Promise<ShellStatus | null> {
  const shell = tauri();
  if (!shell) return null;
  try {
    return await shell.core.invoke<ShellStatus>('shell_status');
  } catch {
    return null; // a window the shell grants nothing (the kitchen window)
  }
}

/** This page does not run in the desktop app, so there is no kitchen window to open. */
export class NoDesktopShell extends Error {
  constructor() {
    super('not in the Forno desktop app');
    this.name = 'NoDesktopShell';
  }
}

/** Opens or closes the kitchen window; answers whether it is open now. */
export async function toggleKitchenWindow(): Promise<boolean> {
  const shell = tauri();
  if (!shell) throw new NoDesktopShell();
  return shell.core.invoke<boolean>('toggle_kitchen_window');
}
