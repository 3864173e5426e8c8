import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from './connection-state';
import { fakeSockets } from './fake-socket';
import { LiveClient, type LiveClientOptions, type PollResult } from './live-client';
import type { LiveEvent, Snapshot } from './protocol';

const event = (seq: number, type = 'order.status_changed'): LiveEvent => ({
  seq,
  type,
  at: '2026-11-25T17:00:00Z',
  data: {},
});

/** A client on fake sockets with the longest backoff delays (random ≈ 1), and what it passed on. */
function setUp(options: Partial<LiveClientOptions> = {}) {
  const sockets = fakeSockets();
  const events: number[] = [];
  const snapshots: Snapshot[] = [];
  const welcomes: [number, number | null][] = [];
  const states: ConnectionState[] = [];
  const client = new LiveClient({
    url: 'ws://shop.test/api/v1/ws',
    after: 10,
    openSocket: sockets.open,
    random: () => 0.999999,
    handlers: {
      event: (e) => events.push(e.seq),
      snapshot: (s) => snapshots.push(s),
      welcome: (head, resumedFrom) => welcomes.push([head, resumedFrom]),
    },
    ...options,
  });
  client.subscribe((state) => states.push(state));
  client.start();
  return { client, sockets, events, snapshots, welcomes, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-25T17:03:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('LiveClient on a healthy socket', () => {
  it('says hello with its last seq and its token, then is live', () => {
    const { client, sockets } = setUp({ token: 'device-token' });
    expect(client.connectionState.kind).toBe('connecting');

    sockets.latest().accept(12);

    expect(sockets.latest().url).toBe('ws://shop.test/api/v1/ws');
    expect(sockets.latest().sent).toEqual([{ type: 'hello', after: 10, token: 'device-token' }]);
    expect(client.connectionState).toEqual({ kind: 'live' });
  });

  it('passes each event on once, in order, and remembers the last seq', () => {
    const { client, sockets, events } = setUp();
    const socket = sockets.latest();
    socket.accept(12);

    for (const seq of [11, 12, 12, 9, 13]) socket.receive(event(seq));

    expect(events).toEqual([11, 12, 13]);
    expect(client.lastSeq).toBe(13);
  });

  it('answers pings so the server keeps it', () => {
    const { sockets } = setUp();
    const socket = sockets.latest();
    socket.accept(10);

    socket.receive({ type: 'ping' });

    expect(socket.sent.at(-1)).toEqual({ type: 'pong' });
  });

  it('hands a snapshot on and resumes after its seq', () => {
    const { client, sockets, snapshots, events } = setUp();
    const socket = sockets.latest();
    socket.accept(500);

    socket.receive({ type: 'snapshot', seq: 480, data: { orders: [] } });
    socket.receive(event(480));
    socket.receive(event(481));

    expect(snapshots).toEqual([{ seq: 480, data: { orders: [] } }]);
    expect(events).toEqual([481]);
    expect(client.lastSeq).toBe(481);
  });

  it('starting live-only, it resumes from the head the welcome named', () => {
    const { client, sockets, welcomes } = setUp({ after: null });
    expect(sockets.latest().sent).toEqual([]);
    sockets.latest().open();
    expect(sockets.latest().sent).toEqual([{ type: 'hello', after: null }]);

    sockets.latest().receive({ type: 'welcome', head_seq: 77 });

    expect(welcomes).toEqual([[77, null]]);
    expect(client.lastSeq).toBe(77);
  });

  it('ignores messages it does not understand', () => {
    const { sockets, events } = setUp();
    const socket = sockets.latest();
    socket.accept(10);

    socket.onmessage?.({ data: 'not json' });
    socket.receive({ type: 'something.new' });
    socket.receive(event(11));

    expect(events).toEqual([11]);
  });
});

describe('LiveClient when the socket drops', () => {
  it('shows since when it is reconnecting and resumes from its last seq', () => {
    const { client, sockets } = setUp();
    sockets.latest().accept(10);
    sockets.latest().receive(event(11));
    vi.setSystemTime(new Date('2026-11-25T17:05:00Z'));

    sockets.latest().drop();

    expect(client.connectionState).toEqual({
      kind: 'reconnecting',
      since: new Date('2026-11-25T17:05:00Z'),
      attempt: 1,
    });
    vi.advanceTimersByTime(250);
    expect(sockets.all).toHaveLength(2);
    sockets.latest().accept(11);
    expect(sockets.latest().sent[0]).toEqual({ type: 'hello', after: 11 });
    expect(client.connectionState).toEqual({ kind: 'live' });
  });

  it('backs off exponentially up to a cap while the server stays away', () => {
    const { sockets, client } = setUp();
    sockets.latest().accept(10);
    sockets.latest().drop();

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const before = sockets.all.length;
      let waited = 0;
      while (sockets.all.length === before) {
        vi.advanceTimersByTime(1);
        waited += 1;
      }
      waits.push(waited);
      sockets.latest().refuse();
    }

    // random ≈ 1 picks the end of each window: 250 ms doubling, capped at 10 s.
    expect(waits).toEqual([249, 499, 999, 1999, 3999, 7999, 9999, 9999]);
    expect(client.connectionState.kind).toBe('reconnecting');
  });

  it('starts over with short waits once it was live for a while', () => {
    const { sockets } = setUp();
    sockets.latest().refuse();
    vi.advanceTimersByTime(250);
    sockets.latest().refuse();
    vi.advanceTimersByTime(500);
    sockets.latest().accept(10);
    vi.advanceTimersByTime(5_000);

    sockets.latest().drop();
    vi.advanceTimersByTime(250);

    expect(sockets.all).toHaveLength(4);
  });

  it('keeps backing off from a server that welcomes and then drops it straight away', () => {
    const { sockets } = setUp();
    const waits: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      sockets.latest().accept(10);
      sockets.latest().drop();
      const before = sockets.all.length;
      let waited = 0;
      while (sockets.all.length === before) {
        vi.advanceTimersByTime(1);
        waited += 1;
      }
      waits.push(waited);
    }

    expect(waits).toEqual([249, 499, 999, 1999]);
  });

  it('reconnects at once when the server asks it to resync', () => {
    const { sockets } = setUp();
    sockets.latest().accept(10);
    sockets.latest().receive(event(11));

    sockets.latest().drop(4000, 'resync');

    expect(sockets.all).toHaveLength(2);
    sockets.latest().open();
    expect(sockets.latest().sent[0]).toEqual({ type: 'hello', after: 11 });
  });

  it('tells its owner when the server refuses the session', () => {
    const unauthorized = vi.fn();
    const { sockets } = setUp({ handlers: { unauthorized } });
    sockets.latest().open();

    sockets.latest().drop(4001, 'unauthorized');

    expect(unauthorized).toHaveBeenCalledOnce();
  });

  it('drops a socket that went silent and reconnects', () => {
    const { sockets, client } = setUp({ silenceTimeoutMs: 45_000 });
    sockets.latest().accept(10);
    vi.advanceTimersByTime(30_000);
    sockets.latest().receive({ type: 'ping' });
    vi.advanceTimersByTime(44_000);
    expect(client.connectionState.kind).toBe('live');

    vi.advanceTimersByTime(1_000);

    expect(sockets.all[0]?.closedByClient).toBe(true);
    expect(client.connectionState.kind).toBe('reconnecting');
    vi.advanceTimersByTime(250);
    expect(sockets.all).toHaveLength(2);
  });

  it('gives up on a connect that never gets a welcome', () => {
    const { sockets } = setUp({ connectTimeoutMs: 10_000 });
    sockets.latest().open();

    vi.advanceTimersByTime(10_000);

    expect(sockets.latest().closedByClient).toBe(true);
  });

  it('stops for good when stopped', () => {
    const { client, sockets } = setUp();
    sockets.latest().accept(10);

    client.stop();
    sockets.latest().drop();
    vi.advanceTimersByTime(60_000);

    expect(sockets.all).toHaveLength(1);
    expect(sockets.latest().closedByClient).toBe(true);
  });
});

describe('LiveClient falling back to polling', () => {
  function pollingSetUp(poll: (after: number | null) => Promise<PollResult>) {
    const setup = setUp({ poll, failuresBeforePolling: 3, pollIntervalMs: 4_000 });
    // Three refused connects in a row (waits of 250 and 500 ms between them).
    setup.sockets.latest().refuse();
    vi.advanceTimersByTime(250);
    setup.sockets.latest().refuse();
    vi.advanceTimersByTime(500);
    setup.sockets.latest().refuse();
    return setup;
  }

  it('polls from its last seq after repeated failures, and keeps trying the socket', async () => {
    const poll = vi.fn((after: number | null) =>
      Promise.resolve({ events: after === 10 ? [event(12), event(11)] : [] }),
    );
    const { client, sockets, events } = pollingSetUp(poll);
    await vi.advanceTimersByTimeAsync(0);

    expect(poll).toHaveBeenCalledWith(10);
    expect(events).toEqual([11, 12]);
    expect(client.connectionState).toEqual({
      kind: 'polling',
      since: new Date('2026-11-25T17:03:00Z'),
    });

    await vi.advanceTimersByTimeAsync(4_000);
    expect(poll).toHaveBeenLastCalledWith(12);

    const socketsBefore = sockets.all.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets.all.length).toBeGreaterThan(socketsBefore);
  });

  it('stops polling once the socket is back', async () => {
    const poll = vi.fn(() => Promise.resolve({ events: [] }));
    const { client, sockets } = pollingSetUp(poll);
    await vi.advanceTimersByTimeAsync(1_000);

    sockets.latest().accept(10);
    const polls = poll.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);

    expect(client.connectionState.kind).toBe('live');
    expect(poll.mock.calls.length).toBe(polls);
  });

  it('is offline when polling fails too', async () => {
    const poll = vi.fn(() => Promise.reject(new Error('network down')));
    const { client } = pollingSetUp(poll);
    await vi.advanceTimersByTimeAsync(0);

    expect(client.connectionState).toEqual({
      kind: 'offline',
      since: new Date('2026-11-25T17:03:00Z'),
    });
  });

  it('applies a snapshot a poll returns', async () => {
    const snapshot = { seq: 40, data: { orders: [] } };
    const { client, snapshots } = pollingSetUp(() => Promise.resolve({ snapshot }));
    await vi.advanceTimersByTimeAsync(0);

    expect(snapshots).toEqual([snapshot]);
    expect(client.lastSeq).toBe(40);
  });

  it('only polls when the browser has no WebSocket', async () => {
    const poll = vi.fn(() => Promise.resolve({ events: [event(11)] }));
    const { client, sockets, events } = setUp({ openSocket: null, poll });
    await vi.advanceTimersByTimeAsync(0);

    expect(sockets.all).toHaveLength(0);
    expect(events).toEqual([11]);
    expect(client.connectionState.kind).toBe('polling');
  });
});
