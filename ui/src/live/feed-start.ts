// Starting a page's feed and keeping at it: what every live page does before it can show
// anything. Framework-free (useFeed in preact.ts binds it to a component) and tested with fake
// timers.
//
// A start that fails because the server cannot be reached (or answered 5xx) is tried again every
// few seconds, and the page says so meanwhile; a failure that trying again cannot fix (an
// unknown tracking link, an ended session: `isFinal`) stops there. Once started, the feed's own
// LiveClient keeps it live; stopping stops whichever of the two is running.

/** What a page built on a feed shows before (and instead of) the feed. */
export type FeedState<F> =
  /** The first try is under way. */
  | { kind: 'starting' }
  /** Started: the feed is live (its LiveClient says how live). */
  | { kind: 'running'; feed: F }
  /** The last try failed with `error`; try number `attempt + 1` comes at `retryAt` (ms). */
  | { kind: 'retrying'; error: unknown; attempt: number; retryAt: number }
  /** Failed with an error that trying again will not fix. */
  | { kind: 'failed'; error: unknown };

export interface Stoppable {
  stop(): void;
}

export interface FeedStartOptions<F extends Stoppable> {
  /** Starts the feed (loads, connects); rejects when it cannot. */
  start: () => Promise<F>;
  /** Errors not worth another try (say, a 404 for the tracking link). Default: none. */
  isFinal?: (error: unknown) => boolean;
  /** Wait between tries. */
  retryMs?: number;
  /** Tests pass fake clocks; the defaults are the browser's. */
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Time between tries to start a feed when the server cannot be reached. */
export const FEED_RETRY_MS = 5_000;

export class FeedStart<F extends Stoppable> {
  private current: FeedState<F> = { kind: 'starting' };
  private readonly listeners = new Set<(state: FeedState<F>) => void>();
  private timer: unknown = null;
  private stopped = false;
  private attempt = 0;
  private readonly options: Required<FeedStartOptions<F>>;

  constructor(options: FeedStartOptions<F>) {
    this.options = {
      isFinal: () => false,
      retryMs: FEED_RETRY_MS,
      now: () => Date.now(),
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (timer) => {
        clearTimeout(timer as ReturnType<typeof setTimeout>);
      },
      ...options,
    };
  }

  get state(): FeedState<F> {
    return this.current;
  }

  /** Starts trying; call once. */
  begin(): this {
    this.attempt = 0;
    this.tryOnce();
    return this;
  }

  /** Stops the feed, or the tries: nothing of it runs after this. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timer = null;
    if (this.current.kind === 'running') this.current.feed.stop();
    this.listeners.clear();
  }

  subscribe(listener: (state: FeedState<F>) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private tryOnce(): void {
    this.timer = null;
    this.options.start().then(
      (feed) => {
        if (this.stopped) {
          // Stopped while it was starting: the page is gone, so is the feed.
          feed.stop();
          return;
        }
        this.set({ kind: 'running', feed });
      },
      (error: unknown) => {
        if (this.stopped) return;
        if (this.options.isFinal(error)) {
          this.set({ kind: 'failed', error });
          return;
        }
        this.attempt += 1;
        const retryAt = this.options.now() + this.options.retryMs;
        this.set({ kind: 'retrying', error, attempt: this.attempt, retryAt });
        this.timer = this.options.setTimer(() => {
          this.tryOnce();
        }, this.options.retryMs);
      },
    );
  }

  private set(state: FeedState<F>): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
