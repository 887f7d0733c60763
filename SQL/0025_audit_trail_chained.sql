-- The audit trail made tamper-evident (issue 11; Dir 2016/680 Art 25): every entry is sealed
-- with a SHA-256 over its content and the seal of the entry before it, in the transaction that
-- writes it, so an entry edited, removed, inserted or moved afterwards breaks the chain and
-- `arca audit verify` names the first broken link.
--
-- Concurrent writers: sixteen chains instead of one. A transaction's first entry takes the
-- first chain no other transaction holds (FOR UPDATE SKIP LOCKED, starting from one chosen by
-- its backend), keeps that chain's head locked until it commits, and seals all its entries on
-- it (the head remembers the transaction that moved it last). Writers thus wait on each other only when sixteen transactions write at once, and each
-- chain's order is its commit order. An anchor (`arca audit anchor`) is the sixteen heads
-- together, hashed.
--
-- The content sealed (ArcaDomain's AuditSeal says the same, and the verifier recomputes it from
-- the columns): fields joined by '|', each written as its length in UTF-8 bytes, ':' and its text,
-- or '~' when absent; the instant as microseconds since 1970 in UTC; jsonb as PostgreSQL
-- writes it.

CREATE TABLE audit_chain (
    chain smallint PRIMARY KEY CHECK (chain BETWEEN 0 AND 15),
    length bigint NOT NULL CHECK (length >= 0),
    head char(64) NOT NULL CHECK (head ~ '^[0-9a-f]{64}$'),
    -- The transaction that last moved the head: the one holding the chain recognises it.
    holder xid8
);

INSERT INTO audit_chain (chain, length, head)
SELECT n, 0, repeat('0', 64) FROM generate_series(0, 15) AS n;

-- `context`: the circumstances of the act that are not the record's values (why a record was
-- consulted, from which operating-system account a command acted), sealed with the rest.
ALTER TABLE audit_entry
    ADD COLUMN context jsonb CHECK (jsonb_typeof(context) = 'object'),
    ADD COLUMN chain smallint,
    ADD COLUMN link bigint,
    ADD COLUMN previous_hash char(64),
    ADD COLUMN hash char(64);

CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END
$$;

CREATE FUNCTION audit_entry_content(e audit_entry) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT concat_ws('|', 'arca-audit-1',
        audit_field(e.previous_hash), audit_field(e.chain::text), audit_field(e.link::text), audit_field(e.id::text),
        audit_field(((extract(epoch FROM e.recorded_at) * 1000000)::bigint)::text),
        audit_field(e.actor_id::text), audit_field(e.actor_name), audit_field(e.actor_office),
        audit_field(e.kind), audit_field(e.operation), audit_field(e.entity), audit_field(e.entity_id),
        audit_field(e.before::text), audit_field(e.after::text), audit_field(e.reason), audit_field(e.context::text))
$$;

CREATE FUNCTION audit_entry_hash(e audit_entry) RETURNS char(64) LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(audit_entry_content(e), 'UTF8')), 'hex')
$$;

-- The entries written so far form chain 0, in the order they were written.
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
DO $$
DECLARE
    entry audit_entry;
    previous char(64) := repeat('0', 64);
    position bigint := 0;
BEGIN
    FOR entry IN SELECT * FROM audit_entry ORDER BY id LOOP
        position := position + 1;
        entry.chain := 0;
        entry.link := position;
        entry.previous_hash := previous;
        entry.hash := audit_entry_hash(entry);
        UPDATE audit_entry SET chain = 0, link = position, previous_hash = previous, hash = entry.hash WHERE id = entry.id;
        previous := entry.hash;
    END LOOP;
    UPDATE audit_chain SET length = position, head = previous WHERE chain = 0;
END
$$;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;

ALTER TABLE audit_entry
    ALTER COLUMN chain SET NOT NULL,
    ALTER COLUMN link SET NOT NULL,
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT audit_entry_link_unique UNIQUE (chain, link);

-- Runs with its owner's rights: whoever may add an entry may move a chain's head only by
-- adding one, never by writing audit_chain. Every name is the schema's own (a temporary table
-- of the caller's named audit_chain is never the one read), and the entry's number and time
-- are the sequence's and the clock's, whatever the insert said.
CREATE FUNCTION audit_entry_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    head public.audit_chain;
BEGIN
    -- A snapshot would read a head as of its start, and could not lock one moved since.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit entries are sealed in READ COMMITTED transactions, not %', current_setting('transaction_isolation')
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    SELECT * INTO head FROM public.audit_chain WHERE holder = pg_current_xact_id() FOR UPDATE;
    IF NOT FOUND THEN
        SELECT * INTO head FROM public.audit_chain
        ORDER BY (chain - pg_backend_pid() % 16 + 16) % 16
        LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            SELECT * INTO head FROM public.audit_chain WHERE chain = pg_backend_pid() % 16 FOR UPDATE;
        END IF;
    END IF;
    NEW.id := nextval(pg_get_serial_sequence('public.audit_entry', 'id'));
    NEW.recorded_at := clock_timestamp();
    NEW.chain := head.chain;
    NEW.link := head.length + 1;
    NEW.previous_hash := head.head;
    NEW.hash := public.audit_entry_hash(NEW);
    UPDATE public.audit_chain SET length = NEW.link, head = NEW.hash, holder = pg_current_xact_id() WHERE chain = head.chain;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_sealed
    BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_seal();

CREATE FUNCTION audit_chain_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit chains move only when an entry is added: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_chain_fixed
    BEFORE INSERT OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_refuse_change();

CREATE TRIGGER audit_chain_no_truncate
    BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_refuse_change();
