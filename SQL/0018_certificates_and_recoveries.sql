-- Freezing and confiscation certificates (Reg 2018/1805, DOMAIN §3.4, issue 9), each carrying
-- an order, with an append-only history of their moves; and, for outgoing confiscation
-- certificates, the ledger of amounts each executing state recovered. Art 16: what all the
-- states recover under one order never exceeds the amount in the order. The trigger below
-- holds that rule whoever writes: it locks the order's row, so two recordings for the same
-- order (from two certificates, two states, two servers) are checked one after the other.
CREATE TABLE certificate (
    id uuid PRIMARY KEY,
    office_code text NOT NULL REFERENCES office (code),
    case_id uuid NOT NULL REFERENCES case_file (id),
    direction text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    kind text NOT NULL CHECK (kind IN ('freezing', 'confiscation')),
    order_id uuid NOT NULL REFERENCES legal_order (id),
    counterpart_state char(2) NOT NULL CHECK (counterpart_state ~ '^[A-Z]{2}$'),
    counterpart_office text NOT NULL CHECK (length(counterpart_office) BETWEEN 1 AND 200),
    channel text NOT NULL CHECK (channel IN ('mr_freezing_certificate', 'mr_confiscation_certificate')),
    external_reference text CHECK (length(external_reference) BETWEEN 1 AND 100),
    state text NOT NULL CHECK (state IN (
        'draft', 'sent', 'received', 'recognised', 'postponed', 'refused', 'executed', 'impossible', 'reported', 'disposed',
        'costs_settled', 'withdrawn', 'closed')),
    received_at timestamptz,
    version integer NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK (CASE direction WHEN 'incoming' THEN state NOT IN ('draft', 'sent') ELSE state <> 'received' END),
    CHECK (state = 'draft' OR received_at IS NOT NULL)
);
CREATE INDEX certificate_case_idx ON certificate (case_id, created_at, id);
CREATE INDEX certificate_order_idx ON certificate (order_id);
CREATE UNIQUE INDEX certificate_message_idx ON certificate (office_code, direction, external_reference)
    WHERE external_reference IS NOT NULL;

CREATE TABLE certificate_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    certificate_id uuid NOT NULL REFERENCES certificate (id),
    action text NOT NULL CHECK (action IN (
        'draft', 'receive', 'send', 'recognise', 'postpone', 'resume', 'refuse', 'execute', 'declare_impossible', 'report', 'dispose',
        'settle_costs', 'withdraw', 'close')),
    from_state text,
    to_state text NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_name text NOT NULL,
    reason text CHECK (length(reason) <= 2000),
    refusal_ground text CHECK (refusal_ground IN (
        'ne_bis_in_idem', 'immunity_or_privilege', 'incomplete_certificate', 'territoriality', 'no_double_criminality',
        'charter_breach', 'in_absentia', 'execution_impossible')),
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((action IN ('draft', 'receive')) = (from_state IS NULL)),
    CHECK ((action = 'refuse') = (refusal_ground IS NOT NULL))
);
CREATE INDEX certificate_event_certificate_idx ON certificate_event (certificate_id, id);

CREATE TABLE certificate_recovery (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    certificate_id uuid NOT NULL REFERENCES certificate (id),
    -- The certificate's order, kept here so that the rule reads one order's recoveries by index.
    order_id uuid NOT NULL REFERENCES legal_order (id),
    executing_state char(2) NOT NULL CHECK (executing_state ~ '^[A-Z]{2}$'),
    amount numeric NOT NULL CHECK (amount > 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    recovered_on date NOT NULL,
    recorded_by text NOT NULL,
    reason text CHECK (length(reason) <= 2000),
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX certificate_recovery_order_idx ON certificate_recovery (order_id);
CREATE INDEX certificate_recovery_certificate_idx ON certificate_recovery (certificate_id, id);

CREATE FUNCTION certificate_recovery_within_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ordered numeric;
    ordered_currency text;
    certificate_order uuid;
    recovered numeric;
BEGIN
    SELECT c.order_id INTO certificate_order FROM certificate c WHERE c.id = NEW.certificate_id;
    IF certificate_order IS DISTINCT FROM NEW.order_id THEN
        RAISE EXCEPTION 'a recovery names the order its certificate carries'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'certificate_recovery_same_order';
    END IF;
    -- One recording at a time per order: the second waits here, then sees the first.
    SELECT o.covered_amount, o.covered_currency INTO ordered, ordered_currency
    FROM legal_order o WHERE o.id = NEW.order_id FOR NO KEY UPDATE;
    IF ordered IS NULL OR ordered_currency <> NEW.currency THEN
        RAISE EXCEPTION 'the order names no amount in %', NEW.currency
            USING ERRCODE = 'check_violation', CONSTRAINT = 'certificate_recovery_order_amount';
    END IF;
    SELECT coalesce(sum(r.amount), 0) INTO recovered FROM certificate_recovery r WHERE r.order_id = NEW.order_id;
    IF recovered + NEW.amount > ordered THEN
        RAISE EXCEPTION 'recovered % of % % already; % more would exceed the order (Reg 2018/1805 Art 16)',
            recovered, ordered, ordered_currency, NEW.amount
            USING ERRCODE = 'check_violation', CONSTRAINT = 'certificate_recovery_within_order';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER certificate_recovery_within_order
    BEFORE INSERT ON certificate_recovery
    FOR EACH ROW EXECUTE FUNCTION certificate_recovery_within_order();

CREATE TRIGGER certificate_event_append_only
    BEFORE UPDATE OR DELETE ON certificate_event
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER certificate_event_no_truncate
    BEFORE TRUNCATE ON certificate_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER certificate_recovery_append_only
    BEFORE UPDATE OR DELETE ON certificate_recovery
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER certificate_recovery_no_truncate
    BEFORE TRUNCATE ON certificate_recovery
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
