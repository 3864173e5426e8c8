// The real-time protocol of docs/api.md ("Real-time"), as the browser sees it.
// Parsing is defensive: a message we do not understand is ignored, never fatal, so an older page
// keeps working against a newer server.

/** An event from the shop's log: `{seq, type, at, data}`. `seq` is global and gap-free. */
export interface LiveEvent {
  seq: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/** Full state at `seq` (staff: all open orders; customer: their order). */
export interface Snapshot {
  /** The log position the state is at; `null` when the source (REST polling) cannot say. */
  seq: number | null;
  data: Record<string, unknown>;
}

export type ServerMessage =
  | { type: 'welcome'; headSeq: number }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'ping' }
  | { type: 'event'; event: LiveEvent };

export interface Hello {
  type: 'hello';
  /** The last seq this client applied, or `null` for "live only". */
  after: number | null;
  token?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one event object (from the socket or from `GET /events`); `null` if malformed. */
export function parseEvent(value: unknown): LiveEvent | null {
  if (!isRecord(value)) return null;
  const { seq, type, at, data } = value;
  if (typeof seq !== 'number' || typeof type !== 'string') return null;
  return {
    seq,
    type,
    at: typeof at === 'string' ? at : '',
    data: isRecord(data) ? data : {},
  };
}

/** Reads one text frame from the socket; `null` for anything we do not understand. */
export function parseServerMessage(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'welcome':
      return typeof value.head_seq === 'number' ? { type: 'welcome', headSeq: value.head_seq } : null;
    case 'snapshot':
      return {
        type: 'snapshot',
        snapshot: {
          seq: typeof value.seq === 'number' ? value.seq : null,
          data: isRecord(value.data) ? value.data : {},
        },
      };
    case 'ping':
      return { type: 'ping' };
    default: {
      const event = parseEvent(value);
      return event ? { type: 'event', event } : null;
    }
  }
}

/** The order objects a snapshot carries: `data.orders` (staff) or `data.order` (customer). */
export function ordersInSnapshot(data: Record<string, unknown>): unknown[] {
  if (Array.isArray(data.orders)) return data.orders as unknown[];
  if (isRecord(data.order)) return [data.order];
  return [];
}

/** The order an `order.*` event carries in `data.order`, if any. */
export function orderInEvent(event: LiveEvent): unknown {
  return event.type.startsWith('order.') && isRecord(event.data.order) ? event.data.order : null;
}

/** Close code the server uses for "you fell behind: reconnect and resume" (reason `resync`). */
export const CLOSE_RESYNC = 4000;

/** Close code the server uses when the hello's session or device token is not (or no longer) valid. */
export const CLOSE_UNAUTHORIZED = 4001;
