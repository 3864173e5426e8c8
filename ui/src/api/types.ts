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

/** What a role may do, as `GET /auth/me` lists it; the server decides, from the role. */
export type Permission =
  | 'view_orders'
  | 'take_orders'
  | 'manage_orders'
  | 'prepare_orders'
  | 'cancel_orders'
  | 'pause_online_orders'
  | 'mark_sold_out'
  | 'edit_menu'
  | 'edit_settings'
  | 'manage_staff'
  | 'view_outbox';

export interface StaffMember {
  /** `null` for a paired device (a kitchen screen), which is not a person. */
  id: number | null;
  name: string;
  role: StaffRole;
  permissions?: Permission[];
  /** The statuses this person may move an order to; the server decides, from the role. */
  may_set_statuses?: OrderStatus[];
}

/** `POST /auth/login`, `POST /setup` and `POST /devices/pair` all answer with a session. */
export interface SessionAnswer {
  staff: StaffMember;
  token: string;
  expires_at: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** One opening period: `16:00`–`22:00`; `24:00` closes at midnight. */
export interface PeriodDto {
  weekday: string;
  open: string;
  close: string;
}

export interface ExceptionDto {
  date: string;
  closed: boolean;
  hours: PeriodDto[];
}

export interface ZoneDto {
  id: number;
  name: string;
  /** Four-digit postcodes or ranges: `["1011-1018", "1020"]`. */
  postcodes: string[];
  fee_cents: number;
  minimum_order_cents: number;
  extra_minutes: number;
}

/** `GET`/`PUT /settings`: the shop's settings as the owner edits them. */
export interface SettingsDto {
  name: string;
  address: string;
  phone: string;
  vat_number: string;
  time_zone: string;
  hours: PeriodDto[];
  exceptions: ExceptionDto[];
  zones: ZoneDto[];
  prep_time_minutes: number;
  paused?: boolean;
  pickup_enabled: boolean;
  delivery_enabled: boolean;
}

/** `GET /setup`: whether the first-run wizard still has to run, and the shop's addresses. */
export interface SetupStatus {
  needs_setup: boolean;
  /** The wizard's starting values; only while `needs_setup`. */
  shop: SettingsDto | null;
  /** The ordering page as phones on the shop's Wi-Fi open it. */
  ordering_url: string;
  /** The only address on which the setup can be finished (the computer Forno runs on). */
  setup_url: string;
}

export type DeviceRole = 'kitchen' | 'cashier';

/** `POST /devices/pairing-codes`: a code for a new device, valid for ten minutes. */
export interface PairingCode {
  code: string;
  role: DeviceRole;
  expires_at: string;
  /** What the new device opens (shown as a QR code). */
  pair_url: string;
}

/** `GET /devices`: a paired kitchen screen or counter tablet. */
export interface Device {
  id: number;
  name: string;
  kind: 'kitchen_screen' | 'counter';
  role: StaffRole;
  paired_at: string;
}

export interface EventPage {
  events: unknown[];
  head_seq: number;
  oldest_seq: number | null;
}
