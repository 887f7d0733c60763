-- A server keeps who holds a token in memory for a short while, so that a request's token
-- check costs no round trip. Every change that can alter what a token grants — a token revoked
-- or removed, a user changed or removed, an office changed (its time zone travels with the
-- caller) — announces itself on the channel `arca_access` when it commits, and every server
-- listening forgets what it kept. Statement-level triggers: one notification per statement
-- (PostgreSQL folds identical ones within a transaction), whatever the number of rows.
CREATE FUNCTION announce_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('arca_access', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER api_token_access_changed
    AFTER UPDATE OR DELETE OR TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION announce_access_change();

CREATE TRIGGER app_user_access_changed
    AFTER UPDATE OR DELETE OR TRUNCATE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION announce_access_change();

CREATE TRIGGER office_access_changed
    AFTER UPDATE OR DELETE OR TRUNCATE ON office
    FOR EACH STATEMENT EXECUTE FUNCTION announce_access_change();
