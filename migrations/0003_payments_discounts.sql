-- Payments as rows of their own (Pay4): money received for an order, cash, card or online. An
-- order's payment state (unpaid, partly paid, paid, refunded) is derived from these rows and never
-- stored beside them; reports sum rows, never re-price. Never edit a landed migration.
CREATE TABLE payments (
    id             INTEGER PRIMARY KEY,
    order_id       INTEGER NOT NULL REFERENCES orders(id),
    method         TEXT NOT NULL CHECK (method IN ('cash', 'card', 'online')),
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    -- Cash only: what the customer handed over and the change given back.
    tendered_cents INTEGER CHECK (tendered_cents IS NULL OR tendered_cents >= amount_cents),
    change_cents   INTEGER CHECK (change_cents IS NULL OR change_cents >= 0),
    status         TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'refunded')),
    staff_id       INTEGER REFERENCES staff(id),
    -- A terminal's or provider's reference, once card terminals and online payments land.
    reference      TEXT,
    at             TEXT NOT NULL,
    refunded_at    TEXT
);
CREATE INDEX payments_order ON payments(order_id);

-- Discounts (P5): a percentage or an amount off the order or one line, priced by the domain and
-- kept with their split over the VAT rates, so receipts and reports read them and never re-price.
CREATE TABLE order_discounts (
    id                   INTEGER PRIMARY KEY,
    order_id             INTEGER NOT NULL REFERENCES orders(id),
    line_position        INTEGER,  -- NULL = the whole order; else the line's position (0-based)
    kind                 TEXT NOT NULL CHECK (kind IN ('percent', 'amount')),
    value                INTEGER NOT NULL, -- percent, or cents
    amount_cents         INTEGER NOT NULL CHECK (amount_cents > 0),
    shares               TEXT NOT NULL,    -- JSON: [{rate, amount_cents, vat_cents}]
    reason               TEXT NOT NULL,
    staff_id             INTEGER REFERENCES staff(id),
    approved_by_staff_id INTEGER REFERENCES staff(id),
    at                   TEXT NOT NULL
);
CREATE INDEX order_discounts_order ON order_discounts(order_id);

-- What the shop tells a customer with a rejection ("too busy"), shown on their tracking page;
-- `cancel_reason` stays the staff's own words.
ALTER TABLE orders ADD COLUMN customer_message TEXT;
