// Test support only: not imported by any page.
// A stand-in for the browser's WebSocket that a test drives by hand: it records what the client
// sends and lets the test play the server (open, messages, close).

import type { OpenSocket, WebSocketLike } from './live-client';

export class FakeSocket implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: unknown[] = [];
  closedByClient = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closedByClient = true;
  }

  // --- the server's side ---

  open(): void {
    this.onopen?.({});
  }

  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  /** Open, then welcome: the usual successful connect. */
  accept(headSeq: number): void {
    this.open();
    this.receive({ type: 'welcome', head_seq: headSeq });
  }

  drop(code = 1006, reason = ''): void {
    this.onclose?.({ code, reason });
  }

  /** A connection that never opens (server down): the browser reports a close. */
  refuse(): void {
    this.drop(1006);
  }
}

/** Records every socket the client opens. */
export function fakeSockets(): { open: OpenSocket; all: FakeSocket[]; latest: () => FakeSocket } {
  const all: FakeSocket[] = [];
  return {
    all,
    open: (url) => {
      const socket = new FakeSocket(url);
      all.push(socket);
      return socket;
    },
    latest: () => {
      const socket = all.at(-1);
      if (!socket) throw new Error('the client opened no socket');
      return socket;
    },
  };
}
