// The names the pages use for the wire shapes. Every shape comes from the server's OpenAPI
// document (schema.d.ts, generated; run scripts/api-types.sh after changing the API): nothing
// here is written by hand, so a page cannot read a field the server does not send.
import type { components } from './schema';

type Schemas = components['schemas'];

export type OrderStatus = Schemas['OrderStatus'];
export type Channel = Schemas['Channel'];
export type FulfilmentType = Schemas['FulfilmentType'];
export type OrderLine = Schemas['LineDto'];
export type StatusChange = Schemas['StatusEntryDto'];

/** `GET /orders/{id}` and `data.order` on the staff stream. */
export type Order = Schemas['OrderDto'];

/** `GET /orders/track/{token}` and `data.order` on the customer stream. */
export type TrackedOrder = Schemas['CustomerOrderDto'];

/** Either view of an order: what the staff and the customer views share. */
export type OrderCommon = Order | TrackedOrder;

export type StaffRole = Schemas['Role'];

/** What a role may do, as `GET /auth/me` lists it; the server decides, from the role. */
export type Permission = Schemas['Permission'];

/** `GET /auth/me`: who is logged in, their role's actions and the statuses they may set. */
export type StaffMember = Schemas['StaffDto'];

/** `POST /auth/login`, `POST /setup` and `POST /devices/pair` all answer with a session. */
export type SessionAnswer = Schemas['LoginDto'];

export type Weekday = Schemas['Weekday'];
export type PeriodDto = Schemas['PeriodDto'];
export type ExceptionDto = Schemas['ExceptionDto'];
export type ZoneDto = Schemas['ZoneDto'];

/** `GET`/`PUT /settings`: the shop's settings as the owner edits them. */
export type SettingsDto = Schemas['SettingsDto'];

/** `GET /setup`: whether the first-run wizard still has to run, and the shop's addresses. */
export type SetupStatus = Schemas['SetupStatusDto'];

/** The roles a device is paired as: a kitchen screen or a counter tablet. */
export type DeviceRole = Extract<StaffRole, 'kitchen' | 'cashier'>;

/** `POST /devices/pairing-codes`: a code for a new device, valid for ten minutes. */
export type PairingCode = Schemas['PairingCodeDto'];

/** `GET /devices`: a paired kitchen screen or counter tablet. */
export type Device = Schemas['DeviceDto'];

export type EventPage = Schemas['EventPageDto'];

/** `GET /kitchen/stations`: the stations and which station makes each menu item. */
export type StationsDto = Schemas['StationsDto'];

/** `GET /printers`: a printer with its state as last seen. */
export type Printer = Schemas['PrinterDto'];

/** `GET /printers/profiles`: a printer model Forno knows. */
export type PrinterProfile = Schemas['PrinterProfileDto'];

/** `POST /printers`, `PUT /printers/{id}`. */
export type PrinterBody = Schemas['PrinterBody'];

/** `GET /print-jobs`: a ticket, receipt or test page and where it stands. */
export type PrintJob = Schemas['PrintJobDto'];

/** `GET /staff`: a staff account on the staff page. */
export type StaffAccount = Schemas['StaffAccountDto'];

/** The roles a person can have (a printer is a paired device's). */
export type PersonRole = Schemas['StaffRole'];

/** `GET /audit`: one entry, and a page of them. */
export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditPage = Schemas['AuditPageDto'];
/** `GET /settings/notifications`: the mail server, status mails, SMS, the owner's alert; secrets only as "is set". */
export type NotifySettings = Schemas['NotifySettingsDto'];

/** `PUT /settings/notifications`: a secret left out stays as saved. */
export type NotifySettingsBody = Schemas['NotifySettingsBody'];

/** `POST /settings/notifications/test-mail`: how the test mail went. */
export type TestMailResult = Schemas['TestMailDto'];

/** `GET /orders/{id}/messages`: one mail or SMS about an order. */
export type OrderMessage = Schemas['OrderMessageDto'];

/** `GET /mail/status`: whether mail goes out now. */
export type MailStatus = Schemas['MailStatusDto'];
/** `GET /print-rules`: which event prints what where, and the choices a rule has. */
export type PrintRules = Schemas['PrintRulesDto'];

/** One rule in `PUT /print-rules`. */
export type PrintRuleBody = Schemas['PrintRuleBody'];
