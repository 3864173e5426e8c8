-- The owner's menu editor (issue 12, A6): archiving instead of deleting (old orders keep their
-- lines, which copy the names and prices anyway), a category's default VAT rate, the time of day
-- an item is sold, an item's own price of an extra per size, and photos.

ALTER TABLE categories ADD COLUMN archived_at TEXT;
ALTER TABLE categories ADD COLUMN vat_rate TEXT NOT NULL DEFAULT 'reduced'
    CHECK (vat_rate IN ('reduced', 'standard'));
UPDATE categories SET vat_rate = 'standard'
    WHERE id IN (SELECT category_id FROM items GROUP BY category_id
                 HAVING MIN(vat_rate) = 'standard');

ALTER TABLE items ADD COLUMN archived_at TEXT;
-- "HH:MM", both or neither: the item is sold from..until (the shop's local time).
ALTER TABLE items ADD COLUMN available_from TEXT;
ALTER TABLE items ADD COLUMN available_until TEXT;
ALTER TABLE items ADD COLUMN photo_id INTEGER;

-- An item's own price of one of its extras in one of its sizes (else the extra's price).
CREATE TABLE item_extra_prices (
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    extra_id    INTEGER NOT NULL REFERENCES extras(id) ON DELETE CASCADE,
    size_code   TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    PRIMARY KEY (item_id, extra_id, size_code)
);

-- A photo as uploaded once, kept in the sizes the pages show (JPEG), so the backup holds them.
CREATE TABLE menu_photos (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items(id),
    uploaded_at TEXT NOT NULL
);
CREATE TABLE menu_photo_files (
    photo_id     INTEGER NOT NULL REFERENCES menu_photos(id) ON DELETE CASCADE,
    size         TEXT NOT NULL, -- 'small', 'medium', 'large'
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    PRIMARY KEY (photo_id, size)
);
