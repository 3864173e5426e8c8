-- Forno's foundation schema: menu, orders, customers, staff and devices, settings, the event log,
-- the audit log and idempotency keys. Never edit a landed migration; add a new numbered file.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL -- JSON
);

CREATE TABLE categories (
    id             INTEGER PRIMARY KEY,
    name_nl        TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL DEFAULT 0,
    halves_allowed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE items (
    id             INTEGER PRIMARY KEY,
    category_id    INTEGER NOT NULL REFERENCES categories(id),
    name_nl        TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    description_nl TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    vat_rate       TEXT NOT NULL CHECK (vat_rate IN ('reduced', 'standard')),
    allergens      TEXT NOT NULL DEFAULT '[]', -- JSON array of allergen names
    sold_out       INTEGER NOT NULL DEFAULT 0,
    position       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE item_sizes (
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    name_nl     TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, code)
);

CREATE TABLE extras (
    id                  INTEGER PRIMARY KEY,
    name_nl             TEXT NOT NULL,
    name_en             TEXT NOT NULL DEFAULT '',
    default_price_cents INTEGER NOT NULL CHECK (default_price_cents >= 0)
);

CREATE TABLE extra_prices (
    extra_id    INTEGER NOT NULL REFERENCES extras(id) ON DELETE CASCADE,
    size_code   TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    PRIMARY KEY (extra_id, size_code)
);

CREATE TABLE item_extras (
    item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    extra_id INTEGER NOT NULL REFERENCES extras(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, extra_id)
);

CREATE TABLE ingredients (
    id      INTEGER PRIMARY KEY,
    name_nl TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT ''
);

CREATE TABLE item_ingredients (
    item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    ingredient_id INTEGER NOT NULL REFERENCES ingredients(id),
    position      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, ingredient_id)
);

CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    phone         TEXT UNIQUE,  -- digits only, for matching
    email         TEXT UNIQUE COLLATE NOCASE,
    first_order_at TEXT NOT NULL,
    last_order_at  TEXT NOT NULL,
    order_count   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE staff (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role                TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'cashier', 'kitchen')),
    pin_hash            TEXT NOT NULL, -- argon2 PHC string
    failed_pin_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until        TEXT,
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY, -- sha256 of the bearer/cookie token; the token is never stored
    staff_id     INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);

CREATE TABLE devices (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('kitchen_screen', 'print_agent', 'counter')),
    role        TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'cashier', 'kitchen')),
    token_hash  TEXT NOT NULL UNIQUE,
    paired_at   TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    business_date       TEXT NOT NULL, -- the shop's local date, YYYY-MM-DD
    day_number          INTEGER NOT NULL,
    tracking_token      TEXT NOT NULL UNIQUE,
    status              TEXT NOT NULL,
    channel             TEXT NOT NULL CHECK (channel IN ('web', 'counter', 'phone')),
    fulfilment          TEXT NOT NULL CHECK (fulfilment IN ('pickup', 'delivery')),
    address             TEXT, -- JSON, for delivery
    zone_id             INTEGER,
    zone_name           TEXT,
    requested_time      TEXT, -- NULL = as soon as possible
    estimated_ready_at  TEXT NOT NULL,
    contact_name        TEXT,
    contact_phone       TEXT,
    contact_email       TEXT,
    customer_id         INTEGER REFERENCES customers(id),
    note                TEXT,
    subtotal_cents      INTEGER NOT NULL,
    delivery_fee_cents  INTEGER NOT NULL,
    total_cents         INTEGER NOT NULL,
    cancel_reason       TEXT,
    placed_by_staff_id  INTEGER REFERENCES staff(id),
    placed_at           TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (business_date, day_number)
);
CREATE INDEX orders_status ON orders(status);
CREATE INDEX orders_placed_at ON orders(placed_at);
CREATE INDEX orders_customer ON orders(customer_id);

CREATE TABLE order_lines (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    item_id          INTEGER NOT NULL,
    item_name        TEXT NOT NULL,
    size_code        TEXT NOT NULL,
    size_name        TEXT NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price_cents INTEGER NOT NULL,
    total_cents      INTEGER NOT NULL,
    vat_rate         TEXT NOT NULL,
    vat_cents        INTEGER NOT NULL,
    details          TEXT NOT NULL, -- JSON: extras, removed ingredients, second half
    note             TEXT
);
CREATE INDEX order_lines_order ON order_lines(order_id);

CREATE TABLE order_status_history (
    id       INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    status   TEXT NOT NULL,
    at       TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    reason   TEXT
);
CREATE INDEX order_status_history_order ON order_status_history(order_id);

-- The event log: every change, in one gap-free sequence, for live screens and resync.
CREATE TABLE events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    type     TEXT NOT NULL,
    at       TEXT NOT NULL,
    order_id INTEGER,
    data     TEXT NOT NULL -- JSON
);
CREATE INDEX events_order ON events(order_id);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    staff_id INTEGER REFERENCES staff(id),
    action   TEXT NOT NULL,
    order_id INTEGER,
    detail   TEXT NOT NULL -- JSON
);

CREATE TABLE idempotency_keys (
    key          TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    created_at   TEXT NOT NULL
);
