// LiveClient keeps one screen in step with the shop's event log.
//
// It owns the connection, not the data: it opens the WebSocket, says hello with the last seq it
// passed on, hands every later event to its handlers exactly once and in order, and when the
// socket drops it reconnects with backoff and resumes from that seq. When the socket keeps
// failing (a proxy that blocks WebSocket, a captive portal) it also polls over plain HTTP until
// the socket works again: polling is the fallback, never the design. What the events mean is
// the business of whoever handles them (see OrderStore).
//
// Framework-free on purpose: the same class runs the staff screens, the customer's tracking
// page and (later) the kitchen screen, and is tested with a fake socket and fake timers.

import { DEFAULT_BACKOFF, reconnectDelay, type BackoffPolicy } from './backoff';
import { sameState, type ConnectionState } from './connection-state';
import {
  CLOSE_RESYNC,
  CLOSE_UNAUTHORIZED,
  parseServerMessage,
  type Hello,
  type LiveEvent,
  type Snapshot,
} from './protocol';

/** The part of the browser's WebSocket the client uses; tests pass a fake. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type OpenSocket = (url: string) => WebSocketLike;

/** What one HTTP poll brought: the events after the given seq, or the whole state. */
export type PollResult = { events: LiveEvent[] } | { snapshot: Snapshot };

export interface LiveHandlers {
  /** Every event with a seq above the last one passed on, in order, once. */
  event?: (event: LiveEvent) => void;
  /** Replace everything with this state. */
  snapshot?: (snapshot: Snapshot) => void;
  /**
   * The server accepted the hello. `resumedFrom` is the seq the client resumed after (`null` for
   * a live-only start: a caller that loaded its state before connecting should reload it now,
   * because changes between that load and this moment were not sent).
   */
  welcome?: (headSeq: number, resumedFrom: number | null) => void;
  /** The server refused the session or token (close 4001); retrying alone will not fix it. */
  unauthorized?: () => void;
}

export interface LiveClientOptions {
  /** `/api/v1/ws`, `/api/v1/ws/track/{token}`, or a full `ws://` URL. */
  url: string;
  /** Device or bearer token, sent in the hello (staff screens without a cookie session). */
  token?: string;
  /** The last seq the caller's state already contains; `null` = start live-only. */
  after: number | null;
  handlers: LiveHandlers;
  /** HTTP fallback; without it the client only retries the socket. */
  poll?: (after: number | null) => Promise<PollResult>;
  /** Opens a socket; `null` when the browser has no WebSocket. Defaults to the global one. */
  openSocket?: OpenSocket | null;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Failed socket attempts in a row before polling starts alongside the retries. */
  failuresBeforePolling?: number;
  pollIntervalMs?: number;
  /** Give up on a socket that has not been welcomed within this time. */
  connectTimeoutMs?: number;
  /** Give up on a live socket that has been silent this long (the server pings every 15 s). */
  silenceTimeoutMs?: number;
}

type Timer = ReturnType<typeof setTimeout>;

/** A connection up for this long counts as healthy again: the next drop retries quickly. */
const STABLE_AFTER_MS = 5_000;

function defaultOpenSocket(): OpenSocket | null {
  if (typeof WebSocket === 'undefined') return null;
  return (url) => new WebSocket(url) as unknown as WebSocketLike;
}

/** Turns a path into a ws:// or wss:// URL on the page's own host. */
export function socketUrl(pathOrUrl: string): string {
  if (/^wss?:\/\//.test(pathOrUrl)) return pathOrUrl;
  const location = globalThis.location as Location | undefined;
  if (!location) return pathOrUrl;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${pathOrUrl}`;
}

/** The window, in a browser; tests under Node have none. */
function browserWindow(): Window | undefined {
  return typeof window === 'undefined' ? undefined : window;
}

function browserSaysOffline(): boolean {
  const navigator = globalThis.navigator as Navigator | undefined;
  return navigator?.onLine === false;
}

export class LiveClient {
  private readonly options: Required<
    Pick<
      LiveClientOptions,
      | 'backoff'
      | 'random'
      | 'failuresBeforePolling'
      | 'pollIntervalMs'
      | 'connectTimeoutMs'
      | 'silenceTimeoutMs'
    >
  >;
  private readonly openSocket: OpenSocket | null;
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  private seq: number | null;
  private state: ConnectionState = { kind: 'connecting' };
  private socket: WebSocketLike | null = null;
  private welcomed = false;
  private started = false;
  private stopped = false;
  /** Socket attempts in a row that never got a welcome (polling starts after a few). */
  private failures = 0;
  /** Reconnects since the connection was last stably up; sets the backoff window. */
  private retries = 0;
  /** When the current socket was welcomed (ms since epoch). */
  private liveSince = 0;
  /** When the screen stopped being live (or first failed to become live). */
  private disconnectedSince: Date | null = null;
  private polling = false;
  /** Bumped whenever polling starts or stops, so an answer to an older poll is dropped. */
  private pollRun = 0;
  /** Outcome of the latest poll while polling; `null` before the first one returns. */
  private lastPollOk: boolean | null = null;

  private retryTimer: Timer | null = null;
  private pollTimer: Timer | null = null;
  private watchdogTimer: Timer | null = null;

  constructor(private readonly config: LiveClientOptions) {
    this.seq = config.after;
    this.openSocket = config.openSocket === undefined ? defaultOpenSocket() : config.openSocket;
    this.options = {
      backoff: config.backoff ?? DEFAULT_BACKOFF,
      random: config.random ?? Math.random,
      failuresBeforePolling: config.failuresBeforePolling ?? 3,
      pollIntervalMs: config.pollIntervalMs ?? 4_000,
      connectTimeoutMs: config.connectTimeoutMs ?? 10_000,
      silenceTimeoutMs: config.silenceTimeoutMs ?? 45_000,
    };
  }

  /** The last seq passed to the handlers (or given as `after`). */
  get lastSeq(): number | null {
    return this.seq;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** Calls `listener` on every change of the connection state; returns the unsubscribe. */
  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    browserWindow()?.addEventListener('online', this.onBrowserOnline);
    browserWindow()?.addEventListener('offline', this.onBrowserOffline);
    if (this.openSocket) {
      this.connect();
    } else {
      // No WebSocket at all: polling is all there is.
      this.disconnectedSince = new Date();
      this.startPolling();
    }
  }

  stop(): void {
    this.stopped = true;
    browserWindow()?.removeEventListener('online', this.onBrowserOnline);
    browserWindow()?.removeEventListener('offline', this.onBrowserOffline);
    this.clearTimer('retryTimer');
    this.clearTimer('watchdogTimer');
    this.stopPolling();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      detach(socket);
      socket.close(1000, 'page closed');
    }
  }

  // --- the socket -------------------------------------------------------------------------

  private connect(): void {
    this.clearTimer('retryTimer');
    if (this.stopped || this.socket || !this.openSocket) return;
    let socket: WebSocketLike;
    try {
      socket = this.openSocket(socketUrl(this.config.url));
    } catch {
      // A URL the browser refuses counts as a failed attempt, like a refused connection.
      this.onSocketClosed(1006, '');
      return;
    }
    this.socket = socket;
    const hello: Hello = { type: 'hello', after: this.seq };
    if (this.config.token) hello.token = this.config.token;
    socket.onopen = () => {
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (message) => {
      if (typeof message.data === 'string') this.onSocketMessage(message.data);
    };
    socket.onclose = (close) => {
      if (this.socket === socket) this.onSocketClosed(close.code, close.reason);
    };
    // An error is always followed by a close; the close decides what happens next.
    socket.onerror = null;
    this.armWatchdog(this.options.connectTimeoutMs);
  }

  private onSocketMessage(text: string): void {
    const message = parseServerMessage(text);
    if (!message) return;
    this.armWatchdog(this.welcomed ? this.options.silenceTimeoutMs : this.options.connectTimeoutMs);
    switch (message.type) {
      case 'welcome': {
        const resumedFrom = this.seq;
        this.welcomed = true;
        this.failures = 0;
        this.liveSince = Date.now();
        this.disconnectedSince = null;
        // Live-only start: from here on the server sends everything after its head.
        this.seq ??= message.headSeq;
        this.stopPolling();
        this.armWatchdog(this.options.silenceTimeoutMs);
        this.config.handlers.welcome?.(message.headSeq, resumedFrom);
        this.updateState();
        break;
      }
      case 'snapshot':
        this.passSnapshot(message.snapshot);
        break;
      case 'ping':
        // The server drops clients that miss pongs.
        this.socket?.send(JSON.stringify({ type: 'pong' }));
        break;
      case 'event':
        this.passEvent(message.event);
        break;
    }
  }

  private onSocketClosed(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) detach(socket);
    this.clearTimer('watchdogTimer');
    const wasLive = this.welcomed;
    this.welcomed = false;
    if (this.stopped) return;

    this.disconnectedSince ??= new Date();
    if (code === CLOSE_RESYNC && reason === 'resync') {
      // We fell behind; the server wants us back at once, resuming from our seq.
      this.updateState();
      this.connect();
      return;
    }
    if (!wasLive) this.failures += 1;
    // Only a connection that stayed up a while resets the backoff: a server that welcomes and
    // then drops every client (crash loop) must not be hammered every 250 ms.
    if (wasLive && Date.now() - this.liveSince >= STABLE_AFTER_MS) this.retries = 0;
    if (this.failures >= this.options.failuresBeforePolling) this.startPolling();
    this.scheduleReconnect();
    this.updateState();
    // Last, because the owner may well stop this client in response.
    if (code === CLOSE_UNAUTHORIZED) this.config.handlers.unauthorized?.();
  }

  private scheduleReconnect(): void {
    this.retries += 1;
    const delay = reconnectDelay(this.retries, this.options.backoff, this.options.random);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  /** Closes a socket that stopped talking; a dead link on a phone may never report a close. */
  private armWatchdog(ms: number): void {
    this.clearTimer('watchdogTimer');
    this.watchdogTimer = setTimeout(() => {
      this.watchdogTimer = null;
      const socket = this.socket;
      if (!socket) return;
      detach(socket);
      socket.close(1000, 'silent');
      this.onSocketClosed(1006, 'silent');
    }, ms);
  }

  private readonly onBrowserOnline = (): void => {
    // The network is back: try now rather than at the end of a long backoff.
    if (!this.socket && !this.stopped && this.openSocket) this.connect();
    this.updateState();
  };

  private readonly onBrowserOffline = (): void => {
    this.updateState();
  };

  // --- polling ----------------------------------------------------------------------------

  private startPolling(): void {
    if (this.polling || !this.config.poll) return;
    this.polling = true;
    this.pollRun += 1;
    this.lastPollOk = null;
    void this.pollOnce(this.pollRun);
  }

  private stopPolling(): void {
    this.polling = false;
    this.pollRun += 1;
    this.lastPollOk = null;
    this.clearTimer('pollTimer');
  }

  private async pollOnce(run: number): Promise<void> {
    const poll = this.config.poll;
    if (!poll || run !== this.pollRun) return;
    try {
      const result = await poll(this.seq);
      // The socket may have come back while the request was out; it is the better source.
      if (run !== this.pollRun) return;
      if ('snapshot' in result) {
        this.passSnapshot(result.snapshot);
      } else {
        for (const event of [...result.events].sort((a, b) => a.seq - b.seq)) this.passEvent(event);
      }
      this.lastPollOk = true;
    } catch {
      if (run !== this.pollRun) return;
      this.lastPollOk = false;
    }
    this.updateState();
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      void this.pollOnce(run);
    }, this.options.pollIntervalMs);
  }

  // --- passing data on --------------------------------------------------------------------

  private passEvent(event: LiveEvent): void {
    if (this.seq !== null && event.seq <= this.seq) return;
    this.seq = event.seq;
    this.config.handlers.event?.(event);
  }

  private passSnapshot(snapshot: Snapshot): void {
    if (snapshot.seq !== null) this.seq = snapshot.seq;
    this.config.handlers.snapshot?.(snapshot);
  }

  // --- state ------------------------------------------------------------------------------

  private updateState(): void {
    const next = this.deriveState();
    if (sameState(next, this.state)) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  private deriveState(): ConnectionState {
    if (this.welcomed) return { kind: 'live' };
    const since = this.disconnectedSince;
    if (!since) return { kind: 'connecting' };
    if (browserSaysOffline()) return { kind: 'offline', since };
    if (this.polling && this.lastPollOk === true) return { kind: 'polling', since };
    if (this.polling && this.lastPollOk === false) return { kind: 'offline', since };
    return { kind: 'reconnecting', since, attempt: this.retries };
  }

  private clearTimer(name: 'retryTimer' | 'pollTimer' | 'watchdogTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }
}

function detach(socket: WebSocketLike): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  socket.onerror = null;
}
