-- Print rules the owner edits: a counter order prints its kitchen tickets when it is SENT to the
-- kitchen (accepted), not when it is placed (the counter places an order to take the payment
-- too), and a kitchen rule may name one station (NULL: every station, and the lines no station
-- makes). SQLite changes a CHECK only by rebuilding the table; nothing references print_rules.
CREATE TABLE print_rules_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    trigger     TEXT NOT NULL CHECK (trigger IN ('web_order_accepted', 'counter_order_sent',
                                                 'order_paid', 'cash_paid')),
    layout      TEXT NOT NULL CHECK (layout IN ('kitchen', 'receipt', 'drawer')),
    printer_id  INTEGER REFERENCES printers(id) ON DELETE CASCADE,
    station     TEXT CHECK (station IS NULL OR layout = 'kitchen'),
    enabled     INTEGER NOT NULL DEFAULT 1
);
INSERT INTO print_rules_new (id, trigger, layout, printer_id, enabled)
    SELECT id,
           CASE trigger WHEN 'counter_order_placed' THEN 'counter_order_sent' ELSE trigger END,
           layout, printer_id, enabled
      FROM print_rules;
DROP TABLE print_rules;
ALTER TABLE print_rules_new RENAME TO print_rules;
