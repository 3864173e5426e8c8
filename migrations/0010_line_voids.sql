-- Line voids (P5): one line taken off an order after it was placed, usually after the kitchen had
-- it. The line stays in order_lines (tickets and the kitchen board still show it, struck through);
-- this row says who voided it, who approved it and why, and what came off the total. The order's
-- subtotal and total are lowered in the same transaction. Never edit a landed migration.
CREATE TABLE order_line_voids (
    id                   INTEGER PRIMARY KEY,
    order_id             INTEGER NOT NULL REFERENCES orders(id),
    line_position        INTEGER NOT NULL, -- the line's position (0-based), as in order_lines
    amount_cents         INTEGER NOT NULL CHECK (amount_cents >= 0), -- off the total
    reason               TEXT NOT NULL,
    staff_id             INTEGER REFERENCES staff(id),
    approved_by_staff_id INTEGER REFERENCES staff(id),
    at                   TEXT NOT NULL,
    UNIQUE (order_id, line_position)
);
