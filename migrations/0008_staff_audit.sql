-- The audit log is append-only (S3): no statement may change or remove an entry, whoever runs
-- it, so "never edited or deleted" does not depend on the API leaving it alone. The indexes serve
-- the audit page's filters: a date range, an action, a person.

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries are never changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: entries are never removed');
END;

CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_action ON audit_log(action, id);
CREATE INDEX audit_log_staff ON audit_log(staff_id, id);
