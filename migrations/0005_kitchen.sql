-- The kitchen board: which order lines a station has finished (NULL = still to make). Stations
-- themselves are a settings document (`stations`), not a table: a handful of rows the owner
-- edits at once.
ALTER TABLE order_lines ADD COLUMN done_at TEXT;
