-- The yearly statistics on national-scale data (issue 10's benchmark): the records of a year
-- are found by the day they were recorded with (those whose day was corrected are few, and
-- found by the correction indexes of migration 0022), and the corrected-date views of
-- migration 0022 take each record's latest correction by a join, probed once per row, instead
-- of a subquery the planner repeats wherever the corrected date is named (in a filter, a sort
-- and the output). Same columns, same dates; and, last, an order's asset categories.
CREATE INDEX order_execution_day_idx ON order_execution (executed_on);
CREATE INDEX legal_order_confiscation_decision_idx ON legal_order (decision_date) WHERE kind = 'confiscation';
CREATE INDEX asset_event_managed_day_idx ON asset_event (occurred_on) WHERE action IN ('sell_interim', 'dispose');
CREATE INDEX order_correction_decision_idx ON order_correction (order_id, id) WHERE step = 'decision';

-- An order's asset categories, fixed when it is recorded: its assets are named once (order_asset
-- takes no change) and an asset's category never changes, so the counts by asset category read
-- them from the order instead of from each of its assets, row by row.
ALTER TABLE legal_order ADD COLUMN asset_categories text[] NOT NULL DEFAULT '{}';
UPDATE legal_order o SET asset_categories = k.categories
FROM (
    SELECT oa.order_id, array_agg(DISTINCT a.category ORDER BY a.category) AS categories
    FROM order_asset oa JOIN asset a ON a.id = oa.asset_id GROUP BY oa.order_id) k
WHERE k.order_id = o.id;

-- An order's first execution as recorded (the executions are append-only, so it only moves
-- earlier): the orders first executed in a year are found by index, and only those whose
-- executions were corrected are read through the corrected-date views.
ALTER TABLE legal_order ADD COLUMN first_executed_on date;
UPDATE legal_order o SET first_executed_on = k.first_on
FROM (SELECT order_id, min(executed_on) AS first_on FROM order_execution GROUP BY order_id) k
WHERE k.order_id = o.id;
CREATE INDEX legal_order_first_executed_idx ON legal_order (first_executed_on);

CREATE TRIGGER order_asset_append_only
    BEFORE UPDATE OR DELETE ON order_asset
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

CREATE FUNCTION refuse_category_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an asset''s category is fixed when it is recorded: % stays %', OLD.id, OLD.category
        USING ERRCODE = 'check_violation', CONSTRAINT = 'asset_category_fixed';
END
$$;

CREATE TRIGGER asset_category_fixed
    BEFORE UPDATE OF category ON asset
    FOR EACH ROW WHEN (NEW.category IS DISTINCT FROM OLD.category) EXECUTE FUNCTION refuse_category_change();

CREATE OR REPLACE VIEW order_execution_dated AS
SELECT e.id, e.order_id, e.asset_id, e.amount, e.currency, coalesce(k.corrected_on, e.executed_on) AS executed_on
FROM order_execution e
LEFT JOIN LATERAL (
    SELECT c.corrected_on FROM order_correction c WHERE c.execution_id = e.id ORDER BY c.id DESC LIMIT 1) k ON true;

CREATE OR REPLACE VIEW legal_order_dated AS
SELECT o.id, o.case_id, o.kind, o.confiscation_type, o.decision_reference, o.issuing_state, o.executing_state,
    coalesce(k.corrected_on, o.decision_date) AS decision_date, o.asset_categories
FROM legal_order o
LEFT JOIN LATERAL (
    SELECT c.corrected_on FROM order_correction c WHERE c.order_id = o.id AND c.step = 'decision' ORDER BY c.id DESC LIMIT 1) k ON true;

CREATE OR REPLACE VIEW asset_event_dated AS
SELECT e.id, e.asset_id, e.action, e.order_id, e.amount, e.currency, e.disposal_outcome,
    coalesce(k.corrected_on, e.occurred_on) AS occurred_on
FROM asset_event e
LEFT JOIN LATERAL (
    SELECT c.corrected_on FROM asset_event c WHERE c.corrects_event_id = e.id ORDER BY c.id DESC LIMIT 1) k ON true
WHERE e.action <> 'correct_date';
