-- The application's own database role (issue 11). `arca serve` and the CLI's record commands
-- connect as arca_app (or a login role granted arca_app): it reads and writes the records, but
-- may only add to the audit trail and to the ledgers (no UPDATE, DELETE or TRUNCATE, by
-- privilege and not only by trigger), never moves an audit chain's head itself, and, owning no
-- table, can neither alter one nor disable its triggers. Migrations run as the schema's owner.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'arca_app') THEN
        IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'the database role arca_app does not exist'
                USING HINT = 'create it as a superuser first: CREATE ROLE arca_app LOGIN PASSWORD ''…'' (Docs/OPERATIONS.md)';
        END IF;
        CREATE ROLE arca_app NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO arca_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO arca_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO arca_app;
-- Tables of later migrations are the application's too; a later ledger revokes as below.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO arca_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO arca_app;

-- What only grows: every table whose triggers refuse a change or a removal.
DO $$
DECLARE
    ledger regclass;
BEGIN
    FOR ledger IN
        SELECT DISTINCT tgrelid::regclass FROM pg_trigger
        WHERE NOT tgisinternal AND tgfoid IN ('refuse_ledger_change'::regproc, 'audit_entry_refuse_change'::regproc)
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM arca_app', ledger);
    END LOOP;
END
$$;

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain, arca_migration FROM arca_app;
