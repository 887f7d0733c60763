-- A wrong event date is corrected by a new event that says so (DOMAIN §3.1): the ledger
-- keeps the event as first recorded and the correction that names it and the right date.
ALTER TABLE asset_event
    ADD COLUMN corrects_event_id bigint REFERENCES asset_event (id),
    ADD COLUMN corrected_on date,
    ADD CONSTRAINT asset_event_correction_check CHECK (
        (action = 'correct_date') = (corrects_event_id IS NOT NULL AND corrected_on IS NOT NULL));

ALTER TABLE asset_event DROP CONSTRAINT asset_event_action_check;
ALTER TABLE asset_event ADD CONSTRAINT asset_event_action_check CHECK (action IN (
    'identify', 'trace', 'freeze', 'sell_interim', 'order_confiscation', 'finalise_confiscation',
    'record_recovery', 'dispose', 'release', 'restitute', 'close', 'order_lifted', 'confiscation_lifted',
    'correct_date'));

-- The same for the dates of an order's steps (its decision, finality, an execution, its
-- lifting): the order keeps the date first recorded, and a correction names the step and the
-- right day; the asset events the step made are corrected alongside.
CREATE TABLE order_correction (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES legal_order (id),
    step text NOT NULL CHECK (step IN ('decision', 'finality', 'execution', 'lifting')),
    execution_id bigint REFERENCES order_execution (id),
    corrected_on date NOT NULL,
    reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((step = 'execution') = (execution_id IS NOT NULL))
);

CREATE INDEX order_correction_order_idx ON order_correction (order_id, id);

CREATE TRIGGER order_correction_append_only
    BEFORE UPDATE OR DELETE ON order_correction
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

CREATE TRIGGER order_correction_no_truncate
    BEFORE TRUNCATE ON order_correction
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
