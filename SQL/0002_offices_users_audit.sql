-- Offices, users with one role each, API tokens (only their hash is stored), and the
-- audit trail every use case writes to in its own transaction (DOMAIN §1, §7).

CREATE TABLE office (
    code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9-]{1,15}$'),
    member_state char(2) NOT NULL CHECK (member_state ~ '^[A-Z]{2}$'),
    reference_prefix text NOT NULL UNIQUE CHECK (reference_prefix ~ '^[A-Z]{2}[A-Z0-9]{0,6}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    role text NOT NULL CHECK (role IN ('admin', 'officer', 'liaison', 'analyst', 'auditor')),
    office_code text NOT NULL REFERENCES office (code),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX app_user_office_idx ON app_user (office_code);

CREATE TABLE api_token (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES app_user (id),
    -- SHA-256 of the token, hex: the token itself is shown once and never stored.
    token_hash char(64) NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    label text CHECK (length(label) <= 200),
    issued_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz CHECK (revoked_at IS NULL OR revoked_at >= issued_at)
);

CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Who did what to which record, or read it (Dir 2016/680 Art 25; Dir 2024/1260 Art 8).
CREATE TABLE audit_entry (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id uuid REFERENCES app_user (id),
    actor_name text NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 200),
    actor_office text,
    kind text NOT NULL CHECK (kind IN ('change', 'consultation')),
    operation text NOT NULL CHECK (length(operation) BETWEEN 1 AND 100),
    entity text NOT NULL CHECK (length(entity) BETWEEN 1 AND 100),
    entity_id text NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
    before jsonb,
    after jsonb,
    reason text CHECK (length(reason) <= 2000)
);

CREATE INDEX audit_entry_entity_idx ON audit_entry (entity, entity_id, id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, id);

-- The trail is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
