-- The yearly statistics (issue 10) count records by their dates as corrected: a wrong date is
-- corrected by a new record that says so (migration 0009), and the latest correction of a date
-- wins. These views give each execution, decision and asset event its date so corrected, as
-- the domain reads it (LegalOrder, AssetHistory).
CREATE INDEX order_correction_execution_idx ON order_correction (execution_id, id) WHERE execution_id IS NOT NULL;
CREATE INDEX asset_event_correction_idx ON asset_event (corrects_event_id, id) WHERE corrects_event_id IS NOT NULL;

CREATE VIEW order_execution_dated AS
SELECT e.id, e.order_id, e.asset_id, e.amount, e.currency,
    coalesce((SELECT c.corrected_on FROM order_correction c WHERE c.execution_id = e.id ORDER BY c.id DESC LIMIT 1), e.executed_on) AS executed_on
FROM order_execution e;

CREATE VIEW legal_order_dated AS
SELECT o.id, o.case_id, o.kind, o.confiscation_type, o.decision_reference, o.issuing_state, o.executing_state,
    coalesce(
        (SELECT c.corrected_on FROM order_correction c WHERE c.order_id = o.id AND c.step = 'decision' ORDER BY c.id DESC LIMIT 1),
        o.decision_date) AS decision_date
FROM legal_order o;

CREATE VIEW asset_event_dated AS
SELECT e.id, e.asset_id, e.action, e.order_id, e.amount, e.currency, e.disposal_outcome,
    coalesce((SELECT c.corrected_on FROM asset_event c WHERE c.corrects_event_id = e.id ORDER BY c.id DESC LIMIT 1), e.occurred_on) AS occurred_on
FROM asset_event e
WHERE e.action <> 'correct_date';

-- The executions of an order, read by one index range when its first execution is looked for.
CREATE INDEX order_execution_order_day_idx ON order_execution (order_id, executed_on);
