-- What happens to property while the authorities hold it and after confiscation (DOMAIN §2,
-- §3.1): who keeps it and what it costs, the details of its disposal, and the money actually
-- recovered, with where it went.

-- Custody handed to a manager, and costs incurred, while the property is held. Neither moves
-- the asset, so they are a ledger of their own beside its events, append-only like them.
CREATE TABLE asset_management (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id uuid NOT NULL REFERENCES asset (id),
    kind text NOT NULL CHECK (kind IN ('custody', 'cost')),
    occurred_on date NOT NULL,
    -- Custody: who keeps the property from that day (an asset management office, a custodian).
    manager text CHECK (length(manager) BETWEEN 1 AND 300),
    -- A cost: what it paid for, and how much.
    purpose text CHECK (length(purpose) BETWEEN 1 AND 500),
    amount numeric CHECK (amount > 0),
    currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    actor_name text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT asset_management_custody CHECK (
        kind <> 'custody' OR (manager IS NOT NULL AND purpose IS NULL AND amount IS NULL AND currency IS NULL)),
    CONSTRAINT asset_management_cost CHECK (
        kind <> 'cost' OR (manager IS NULL AND purpose IS NOT NULL AND amount IS NOT NULL AND currency IS NOT NULL))
);

CREATE INDEX asset_management_asset_idx ON asset_management (asset_id, id);

CREATE TRIGGER asset_management_append_only
    BEFORE UPDATE OR DELETE ON asset_management
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER asset_management_no_truncate
    BEFORE TRUNCATE ON asset_management
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();

-- A disposal's details: its amount is the gross proceeds (already the column `amount`), beside
-- what the disposal cost and, for a victim, who received it. Disposals recorded before this
-- migration keep no recipient (NOT VALID); every disposal from now on is checked.
ALTER TABLE asset_event
    ADD COLUMN costs numeric CHECK (costs >= 0),
    ADD COLUMN costs_currency char(3) CHECK (costs_currency ~ '^[A-Z]{3}$'),
    ADD COLUMN recipient_subject_id uuid REFERENCES subject (id),
    ADD CONSTRAINT asset_event_costs_with_currency CHECK ((costs IS NULL) = (costs_currency IS NULL));

ALTER TABLE asset_event ADD CONSTRAINT asset_event_victim_recipient_required CHECK (
    disposal_outcome IS NULL OR disposal_outcome NOT IN ('restituted_to_victim', 'victim_compensation')
    OR recipient_subject_id IS NOT NULL) NOT VALID;

-- Money actually received (DOMAIN §2 "recovered value"), net of costs, where it came from and
-- where it went. Nothing is carried forward: the amounts realised at execution (asset events
-- `record_recovery`) never said where the money went, so they stay what they were.
CREATE TABLE recovered_value (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES case_file (id),
    -- The property it came from, when it came from one asset of the case.
    asset_id uuid REFERENCES asset (id),
    amount numeric NOT NULL CHECK (amount > 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    received_on date NOT NULL,
    source text NOT NULL CHECK (source IN ('sale', 'payment_by_convicted_person', 'seized_cash', 'funds_from_another_state')),
    source_state char(2) CHECK (source_state ~ '^[A-Z]{2}$'),
    destination text NOT NULL CHECK (destination IN ('victim_compensation', 'state_budget', 'special_fund', 'share_to_another_state')),
    destination_state char(2) CHECK (destination_state ~ '^[A-Z]{2}$'),
    recipient_subject_id uuid REFERENCES subject (id),
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT recovered_value_source_state CHECK ((source = 'funds_from_another_state') = (source_state IS NOT NULL)),
    CONSTRAINT recovered_value_destination_state CHECK ((destination = 'share_to_another_state') = (destination_state IS NOT NULL)),
    CONSTRAINT recovered_value_recipient CHECK ((destination = 'victim_compensation') = (recipient_subject_id IS NOT NULL))
);

CREATE INDEX recovered_value_case_idx ON recovered_value (case_id, received_on, id);
-- The office's summary (arca stats summary) reads the money received in a span of years.
CREATE INDEX recovered_value_received_idx ON recovered_value (received_on);

CREATE TRIGGER recovered_value_append_only
    BEFORE UPDATE OR DELETE ON recovered_value
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER recovered_value_no_truncate
    BEFORE TRUNCATE ON recovered_value
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
