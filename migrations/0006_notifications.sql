-- Notifications: the language to write to an order's customer in, and when the owner was told
-- that the order waited unaccepted (so the alert goes out once per order). The messages
-- themselves are outbox jobs of the kinds 'email' and 'sms'; the SMTP and SMS settings are a
-- settings document ('notifications').
CREATE TABLE order_notices (
    order_id          INTEGER PRIMARY KEY REFERENCES orders(id),
    language          TEXT NOT NULL CHECK (language IN ('nl', 'en')),
    owner_alerted_at  TEXT
);
