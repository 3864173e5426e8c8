// The wire shapes of docs/api.md that the pages read. Only the fields a page shows are typed;
// the server may send more.

export type OrderStatus =
  | 'placed'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'out_for_delivery'
  | 'completed'
  | 'rejected'
  | 'cancelled';

export type Channel = 'web' | 'counter' | 'phone';
export type FulfilmentType = 'pickup' | 'delivery';

export interface OrderLine {
  description: string;
  quantity: number;
  total_cents: number;
  extras?: string[];
  removed_ingredients?: string[];
  note?: string | null;
}

export interface StatusChange {
  status: OrderStatus;
  at: string;
}

/** Fields shared by the staff view and the customer view of an order. */
export interface OrderCommon {
  number: string;
  status: OrderStatus;
  /** An object on the staff view; the customer view sends the bare type (`"pickup"`). */
  fulfilment: { type: FulfilmentType } | FulfilmentType;
  estimated_ready_at: string | null;
  lines: OrderLine[];
  subtotal_cents: number;
  delivery_fee_cents: number;
  total_cents: number;
  placed_at: string;
  status_history: StatusChange[];
  /** Present on the staff view; the customer view may leave it out. */
  updated_at?: string;
}

/** `GET /orders/{id}` and `data.order` on the staff stream. */
export interface Order extends OrderCommon {
  id: number;
  channel: Channel;
  /** The step a one-tap "next" button moves the order to; the server owns the state machine. */
  next_status?: OrderStatus | null;
  contact: { name?: string | null; phone?: string | null } | null;
}

/** `GET /orders/track/{token}` and `data.order` on the customer stream. */
export type TrackedOrder = OrderCommon;

export type StaffRole = 'owner' | 'manager' | 'cashier' | 'kitchen';

export interface StaffMember {
  id: number;
  name: string;
  role: StaffRole;
  /** The statuses this person may move an order to; the server decides, from the role. */
  may_set_statuses?: OrderStatus[];
}

export interface EventPage {
  events: unknown[];
  head_seq: number;
  oldest_seq: number | null;
}
