-- Printers and the rules that say which event prints what where. Print jobs themselves are
-- outbox rows (kind 'print', target = the printer's id). Never edit a landed migration.

CREATE TABLE printers (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    profile     TEXT NOT NULL,            -- a file in printers/: 'epson-tm-t20iii', ...
    connection  TEXT NOT NULL CHECK (connection IN ('tcp', 'serial', 'usb', 'cups', 'agent')),
    address     TEXT NOT NULL DEFAULT '', -- '192.168.1.50:9100', '/dev/ttyUSB0@19200', ...
    enabled     INTEGER NOT NULL DEFAULT 1,
    state       TEXT NOT NULL DEFAULT 'unknown', -- as last seen: online, paper_out, offline, ...
    state_at    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Which event prints which layout on which printer. printer_id NULL means "the shop's first
-- enabled printer", so a shop with one printer works without setting up any rule.
CREATE TABLE print_rules (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    trigger     TEXT NOT NULL CHECK (trigger IN ('web_order_accepted', 'counter_order_placed',
                                                 'order_paid', 'cash_paid')),
    layout      TEXT NOT NULL CHECK (layout IN ('kitchen', 'receipt', 'drawer')),
    printer_id  INTEGER REFERENCES printers(id) ON DELETE CASCADE,
    enabled     INTEGER NOT NULL DEFAULT 1
);
INSERT INTO print_rules (trigger, layout) VALUES
    ('web_order_accepted', 'kitchen'),
    ('counter_order_placed', 'kitchen'),
    ('order_paid', 'receipt'),
    ('cash_paid', 'drawer');

-- Print agents pair like kitchen screens, with their own role: the devices table's role check
-- grows by 'printer' (SQLite changes a CHECK only by rebuilding the table; nothing references it).
CREATE TABLE devices_new (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('kitchen_screen', 'print_agent', 'counter')),
    role        TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'cashier', 'kitchen', 'printer')),
    token_hash  TEXT NOT NULL UNIQUE,
    paired_at   TEXT NOT NULL,
    revoked_at  TEXT
);
INSERT INTO devices_new (id, name, kind, role, token_hash, paired_at, revoked_at)
    SELECT id, name, kind, role, token_hash, paired_at, revoked_at FROM devices;
DROP TABLE devices;
ALTER TABLE devices_new RENAME TO devices;
