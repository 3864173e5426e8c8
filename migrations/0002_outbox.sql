-- The outbox (one durable row per side effect: print, email, SMS, payment check, ...) and
-- idempotency keys for any create, not only orders. Never edit a landed migration.

-- A job's life: queued → in_progress → done, or back to queued (a retry, later), or failed
-- (permanently, or after max_attempts), or needs_attention (a run that may have had its effect
-- was interrupted, and only a person can tell whether to repeat it).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: ids are part of the keys
    kind            TEXT NOT NULL,          -- e.g. 'print.ticket', 'email.confirmation'
    target          TEXT NOT NULL DEFAULT '', -- where the effect goes: a printer, an address
    payload         TEXT NOT NULL,          -- JSON, the handler's input
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'in_progress', 'done', 'failed', 'needs_attention')),
    attempts        INTEGER NOT NULL DEFAULT 0, -- runs started so far
    max_attempts    INTEGER NOT NULL CHECK (max_attempts >= 1),
    next_attempt_at TEXT NOT NULL,          -- due from then on (while queued)
    claimed_until   TEXT,                   -- the lease of the run in progress
    last_error      TEXT,
    outcome         TEXT,                   -- JSON, what the effect answered (a provider's id)
    idempotency_key TEXT NOT NULL UNIQUE,   -- sent with the effect; the same on every attempt
    order_id        INTEGER REFERENCES orders(id),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
CREATE INDEX outbox_order ON outbox(order_id);

-- Idempotency keys were tied to orders; payments and refunds need them too. A key belongs to a
-- scope (the kind of create it guards) and remembers the resource the first request created.
CREATE TABLE idempotency_keys_general (
    scope         TEXT NOT NULL,    -- 'order' (later 'payment', 'refund', ...)
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,    -- sha256 of the request, so a reused key is noticed
    resource_kind TEXT NOT NULL,    -- what the first request created: 'order', ...
    resource_id   INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
INSERT INTO idempotency_keys_general (scope, key, request_hash, resource_kind, resource_id, created_at)
    SELECT 'order', key, request_hash, 'order', order_id, created_at FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_general RENAME TO idempotency_keys;
