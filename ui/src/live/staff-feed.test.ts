import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollStaffEvents } from './staff-feed';

/** Answers GET requests from a table of path → body, like the server would. */
function serve(routes: Record<string, unknown>) {
  const fetch = vi.fn((path: string) => {
    const body = routes[path];
    if (body === undefined) return Promise.resolve(new Response('{}', { status: 404 }));
    return Promise.resolve(Response.json(body));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const event = (seq: number) => ({ seq, type: 'order.updated', at: '', data: {} });
const openOrders = '/api/v1/orders?status=placed,accepted,preparing,ready,out_for_delivery&limit=50&offset=0';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pollStaffEvents', () => {
  it('returns the events after the given seq', async () => {
    serve({
      '/api/v1/events?after=10&limit=500': { events: [event(11), event(12)], head_seq: 12, oldest_seq: 1 },
    });

    const result = await pollStaffEvents(10);

    expect(result).toEqual({ events: [event(11), event(12)] });
  });

  it('reloads the open orders when the log no longer reaches back far enough', async () => {
    const order = { id: 1, number: '#001', status: 'placed', lines: [] };
    serve({
      '/api/v1/events?after=10&limit=500': { events: [event(40)], head_seq: 60, oldest_seq: 40 },
      '/api/v1/events?after=0&limit=1': { events: [event(40)], head_seq: 60, oldest_seq: 40 },
      [openOrders]: { orders: [order], total: 1 },
    });

    const result = await pollStaffEvents(10);

    expect(result).toEqual({ snapshot: { seq: 60, data: { orders: [order] } } });
  });

  it('reads on while the log has more than one page', async () => {
    const first = Array.from({ length: 500 }, (_, i) => event(i + 1));
    serve({
      '/api/v1/events?after=0&limit=500': { events: first, head_seq: 501, oldest_seq: 1 },
      '/api/v1/events?after=500&limit=500': { events: [event(501)], head_seq: 501, oldest_seq: 1 },
    });

    const result = await pollStaffEvents(0);

    expect('events' in result && result.events.length).toBe(501);
  });
});
