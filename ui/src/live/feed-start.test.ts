import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedStart, type FeedState } from './feed-start';

/** A feed that only records being stopped. */
function feed(name: string) {
  return { name, stop: vi.fn() };
}
type Feed = ReturnType<typeof feed>;

/** A start() whose answers the test hands out one at a time. */
function starts() {
  const pending: { resolve: (f: Feed) => void; reject: (e: unknown) => void }[] = [];
  const start = vi.fn(
    () =>
      new Promise<Feed>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  const answer = async (outcome: Feed | Error) => {
    const next = pending.shift();
    if (!next) throw new Error('no start is waiting for an answer');
    if (outcome instanceof Error) next.reject(outcome);
    else next.resolve(outcome);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { start, answer };
}

const unreachable = new TypeError('fetch failed');
class NotFound extends Error {}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('FeedStart', () => {
  it('shows starting, then the running feed', async () => {
    const { start, answer } = starts();
    const seen: FeedState<Feed>[] = [];
    const run = new FeedStart({ start });
    run.subscribe((state) => seen.push(state));
    run.begin();
    expect(run.state).toEqual({ kind: 'starting' });

    const live = feed('live');
    await answer(live);

    expect(run.state).toEqual({ kind: 'running', feed: live });
    expect(seen.map((s) => s.kind)).toEqual(['running']);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('tries again every few seconds while the server cannot be reached, and says so', async () => {
    const { start, answer } = starts();
    const run = new FeedStart({ start, retryMs: 5_000 }).begin();

    await answer(unreachable);
    expect(run.state).toEqual({ kind: 'retrying', error: unreachable, attempt: 1, retryAt: 1_005_000 });

    await vi.advanceTimersByTimeAsync(4_999);
    expect(start).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(start).toHaveBeenCalledTimes(2);
    expect(run.state.kind).toBe('retrying'); // until the second try answers

    await answer(unreachable);
    expect(run.state).toMatchObject({ kind: 'retrying', attempt: 2 });
    await vi.advanceTimersByTimeAsync(5_000);
    const live = feed('live');
    await answer(live);
    expect(run.state).toEqual({ kind: 'running', feed: live });
  });

  it('stops at an error that trying again cannot fix', async () => {
    const { start, answer } = starts();
    const gone = new NotFound('no such order');
    const run = new FeedStart({ start, isFinal: (e) => e instanceof NotFound }).begin();

    await answer(gone);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(run.state).toEqual({ kind: 'failed', error: gone });
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('stops a feed that finishes starting after the page left', async () => {
    const { start, answer } = starts();
    const run = new FeedStart({ start }).begin();
    const states: string[] = [];
    run.subscribe((state) => states.push(state.kind));

    run.stop();
    const late = feed('late');
    await answer(late);

    expect(late.stop).toHaveBeenCalledTimes(1);
    expect(states).toEqual([]);
  });

  it('tries no more once stopped while waiting to retry', async () => {
    const { start, answer } = starts();
    const run = new FeedStart({ start, retryMs: 5_000 }).begin();
    await answer(unreachable);

    run.stop();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(start).toHaveBeenCalledTimes(1);
  });

  it('stops the running feed when stopped', async () => {
    const { start, answer } = starts();
    const run = new FeedStart({ start }).begin();
    const live = feed('live');
    await answer(live);

    run.stop();

    expect(live.stop).toHaveBeenCalledTimes(1);
  });
});
