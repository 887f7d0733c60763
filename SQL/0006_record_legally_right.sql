-- The record made legally right (DOMAIN §3.1, §6): several orders holding one asset, a
-- confiscation becoming final as its own step, execution asset by asset, values fixed by
-- the valuation dated on or before the event, an append-only event ledger carrying its
-- amounts, disposal outcomes, and the Art 83(1) TFEU area as written. Existing records are
-- carried forward as noted at each step.

-- The ledgers refuse to be rewritten, whatever the table.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Offences: "sexual exploitation of women and children" as Art 83(1) TFEU writes it.
ALTER TABLE case_file DROP CONSTRAINT case_file_offences_check;
UPDATE case_file
SET offences = array_replace(offences, 'sexual_exploitation_of_children', 'sexual_exploitation_of_women_and_children')
WHERE 'sexual_exploitation_of_children' = ANY (offences);
ALTER TABLE case_file ADD CONSTRAINT case_file_offences_check CHECK (
    cardinality(offences) BETWEEN 1 AND 20
    AND offences <@ ARRAY[
        'participation_in_criminal_organisation', 'terrorism', 'trafficking_in_human_beings',
        'sexual_exploitation_of_women_and_children', 'drug_trafficking', 'arms_trafficking', 'corruption', 'fraud',
        'money_laundering', 'counterfeiting_currency', 'computer_crime', 'environmental_crime',
        'facilitation_of_unauthorised_entry', 'murder_or_grievous_bodily_injury', 'organ_trafficking',
        'kidnapping', 'racism_and_xenophobia', 'organised_or_armed_robbery', 'cultural_goods_trafficking',
        'swindling', 'racketeering_and_extortion', 'counterfeiting_and_piracy_of_products',
        'forgery_of_administrative_documents', 'forgery_of_means_of_payment', 'hormonal_substances_trafficking',
        'nuclear_materials_trafficking', 'stolen_vehicles_trafficking', 'rape', 'arson',
        'international_criminal_court_crimes', 'unlawful_seizure_of_aircraft_or_ships', 'sabotage',
        'violation_of_union_restrictive_measures', 'tax_crime', 'other'
    ]::text[]
);

-- Orders: who issued them where, where they are executed, whom they concern, which urgent
-- freeze they confirm, when a confiscation became final, and why an order was lifted.
-- Existing orders were all issued by their office's own state.
ALTER TABLE legal_order
    ADD COLUMN confirms_order_id uuid REFERENCES legal_order (id),
    ADD COLUMN issuing_state char(2) CHECK (issuing_state ~ '^[A-Z]{2}$'),
    ADD COLUMN executing_state char(2) CHECK (executing_state ~ '^[A-Z]{2}$'),
    ADD COLUMN final_on date,
    ADD COLUMN lifting_ground text CHECK (lifting_ground IN (
        'acquittal', 'proceedings_discontinued', 'quashed_on_appeal', 'replaced_by_confirming_order', 'not_confirmed',
        'time_limit_expired', 'amount_paid', 'restitution_to_victim', 'withdrawn_by_issuing_state', 'other'));

UPDATE legal_order o SET issuing_state = f.member_state, executing_state = f.member_state
FROM case_file c JOIN office f ON f.code = c.office_code
WHERE c.id = o.case_id;

-- An order whose assets are all located in one other state was executed there, as new
-- orders are by default (the statistics count it abroad, not at home).
UPDATE legal_order o SET executing_state = located.country
FROM (
    SELECT oa.order_id, min(a.country) AS country, count(DISTINCT a.country) AS countries
    FROM order_asset oa JOIN asset a ON a.id = oa.asset_id GROUP BY oa.order_id) located
WHERE located.order_id = o.id AND located.countries = 1 AND located.country <> o.issuing_state;

ALTER TABLE legal_order
    ALTER COLUMN issuing_state SET NOT NULL,
    ALTER COLUMN executing_state SET NOT NULL;

CREATE INDEX legal_order_confirms_idx ON legal_order (confirms_order_id) WHERE confirms_order_id IS NOT NULL;

CREATE TABLE order_subject (
    order_id uuid NOT NULL REFERENCES legal_order (id),
    subject_id uuid NOT NULL REFERENCES subject (id),
    PRIMARY KEY (order_id, subject_id)
);

CREATE INDEX order_subject_subject_idx ON order_subject (subject_id);

-- Execution asset by asset (or, for a value confiscation, sum by sum), append-only.
CREATE TABLE order_execution (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES legal_order (id),
    asset_id uuid REFERENCES asset (id),
    executed_on date NOT NULL,
    amount numeric CHECK (amount >= 0),
    currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((amount IS NULL) = (currency IS NULL)),
    CHECK (asset_id IS NOT NULL OR amount IS NOT NULL),
    UNIQUE (order_id, asset_id)
);

CREATE INDEX order_execution_asset_idx ON order_execution (asset_id) WHERE asset_id IS NOT NULL;

CREATE TRIGGER order_execution_append_only
    BEFORE UPDATE OR DELETE ON order_execution
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

CREATE TRIGGER order_execution_no_truncate
    BEFORE TRUNCATE ON order_execution
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();

-- Carried forward: an executed freezing order froze every asset it covered on its day of
-- execution, or the sum it covered when it named no asset; an "executed" confiscation order
-- was one whose confiscation had become final.
INSERT INTO order_execution (order_id, asset_id, executed_on, recorded_by, recorded_at)
SELECT o.id, oa.asset_id, o.executed_on, 'migration 0006', o.created_at
FROM legal_order o JOIN order_asset oa ON oa.order_id = o.id
WHERE o.kind = 'freezing' AND o.executed_on IS NOT NULL
ORDER BY o.executed_on, o.id, oa.asset_id;

INSERT INTO order_execution (order_id, asset_id, executed_on, amount, currency, recorded_by, recorded_at)
SELECT o.id, NULL, o.executed_on, o.covered_amount, o.covered_currency, 'migration 0006', o.created_at
FROM legal_order o
WHERE o.kind = 'freezing' AND o.executed_on IS NOT NULL AND o.covered_amount IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM order_asset oa WHERE oa.order_id = o.id)
ORDER BY o.executed_on, o.id;

-- The old status rules knew no 'final' step.
DO $$
DECLARE
    name text;
BEGIN
    FOR name IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'legal_order'::regclass AND contype = 'c'
            AND (pg_get_constraintdef(oid) LIKE '%executed_on%' OR pg_get_constraintdef(oid) LIKE '%''issued''::text, ''executed''%')
    LOOP
        EXECUTE format('ALTER TABLE legal_order DROP CONSTRAINT %I', name);
    END LOOP;
END
$$;

UPDATE legal_order SET final_on = executed_on WHERE kind = 'confiscation' AND executed_on IS NOT NULL;
UPDATE legal_order SET status = 'final' WHERE kind = 'confiscation' AND status = 'executed';

ALTER TABLE legal_order DROP COLUMN executed_on;
ALTER TABLE legal_order
    ADD CONSTRAINT legal_order_status_check CHECK (status IN ('issued', 'final', 'executed', 'lifted')),
    ADD CONSTRAINT legal_order_final_check CHECK (kind = 'confiscation' OR final_on IS NULL),
    ADD CONSTRAINT legal_order_final_status_check CHECK (status <> 'final' OR final_on IS NOT NULL);

-- Carried forward: a recovery recorded on an asset of a final confiscation order was that
-- order's execution on the asset, with the amount realised; such an order is executed.
INSERT INTO order_execution (order_id, asset_id, executed_on, amount, currency, recorded_by, recorded_at)
SELECT DISTINCT ON (a.id) o.id, a.id, e.occurred_on, a.realised_amount, a.realised_currency, 'migration 0006', e.recorded_at
FROM asset a
JOIN asset_event e ON e.asset_id = a.id AND e.action = 'record_recovery'
JOIN order_asset oa ON oa.asset_id = a.id
JOIN legal_order o ON o.id = oa.order_id AND o.kind = 'confiscation' AND o.status = 'final'
WHERE a.realised_amount IS NOT NULL
ORDER BY a.id, o.final_on DESC, e.id DESC;

UPDATE legal_order o SET status = 'executed'
WHERE o.status = 'final' AND EXISTS (SELECT 1 FROM order_execution x WHERE x.order_id = o.id);

-- Assets: the days that fix the values at freezing and at confiscation, the day of an
-- interim sale (the asset is its proceeds from then on), and the date of the latest event,
-- which no later event may precede. Carried forward from the events.
ALTER TABLE asset
    ADD COLUMN frozen_on date,
    ADD COLUMN confiscation_ordered_on date,
    ADD COLUMN interim_sold_on date,
    ADD COLUMN last_event_on date;

UPDATE asset a SET
    frozen_on = (SELECT min(e.occurred_on) FROM asset_event e WHERE e.asset_id = a.id AND e.action = 'freeze'),
    interim_sold_on = (SELECT min(e.occurred_on) FROM asset_event e WHERE e.asset_id = a.id AND e.action = 'sell_interim'),
    confiscation_ordered_on = (
        SELECT e.occurred_on FROM asset_event e
        WHERE e.asset_id = a.id AND e.action = 'order_confiscation'
            AND NOT EXISTS (SELECT 1 FROM asset_event r WHERE r.asset_id = a.id AND r.action = 'release' AND r.id > e.id)
        ORDER BY e.id DESC LIMIT 1),
    last_event_on = coalesce((SELECT max(e.occurred_on) FROM asset_event e WHERE e.asset_id = a.id), a.identified_on);

ALTER TABLE asset ALTER COLUMN last_event_on SET NOT NULL;

-- "Value missing": frozen or confiscated with no valuation to give the value.
CREATE INDEX asset_value_missing_idx ON asset (identified_on DESC, id DESC)
    WHERE (frozen_on IS NOT NULL AND freezing_amount IS NULL)
        OR (confiscation_ordered_on IS NOT NULL AND confiscation_amount IS NULL);

-- Valuations: the officer's estimate when recording the asset is a valuation of its own.
-- Carried forward: an asset with an estimate and no valuation gets that estimate as a
-- valuation dated the day it was identified.
ALTER TABLE valuation DROP CONSTRAINT valuation_method_check;
ALTER TABLE valuation ADD CONSTRAINT valuation_method_check CHECK (method IN ('market', 'book', 'expert', 'sale', 'estimate'));

INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by, created_at)
SELECT gen_random_uuid(), a.id, a.identified_on, 'estimate', a.estimated_amount, a.estimated_currency, 'migration 0006', a.created_at
FROM asset a
WHERE a.estimated_amount IS NOT NULL AND a.interim_sold_on IS NULL AND NOT EXISTS (SELECT 1 FROM valuation v WHERE v.asset_id = a.id);

-- Carried forward: the earlier code kept an interim sale's price as the asset's estimate; it
-- is the sale's valuation, of the day of the sale, unless a later valuation replaced it.
INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by, created_at)
SELECT gen_random_uuid(), a.id, a.interim_sold_on, 'sale', a.estimated_amount, a.estimated_currency, 'migration 0006', a.created_at
FROM asset a
WHERE a.interim_sold_on IS NOT NULL AND a.estimated_amount IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM valuation v WHERE v.asset_id = a.id AND v.valued_on > a.interim_sold_on);

-- Carried forward: a value fixed at freezing or at confiscation that the valuation dated on or
-- before that day does not give (it was the estimate of the moment) becomes a valuation of
-- that day, so that re-fixing the values finds it instead of losing it.
INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by, created_at)
SELECT gen_random_uuid(), a.id, a.frozen_on, 'estimate', a.freezing_amount, a.freezing_currency, 'migration 0006', now()
FROM asset a
LEFT JOIN LATERAL (
    SELECT v.amount, v.currency FROM valuation v WHERE v.asset_id = a.id AND v.valued_on <= a.frozen_on
    ORDER BY v.valued_on DESC, v.created_at DESC, v.id DESC LIMIT 1) fixed ON true
WHERE a.frozen_on IS NOT NULL AND a.freezing_amount IS NOT NULL
    AND (fixed.amount IS DISTINCT FROM a.freezing_amount OR fixed.currency IS DISTINCT FROM a.freezing_currency);

INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by, created_at)
SELECT gen_random_uuid(), a.id, a.confiscation_ordered_on, 'estimate', a.confiscation_amount, a.confiscation_currency, 'migration 0006',
    now() + interval '1 microsecond'
FROM asset a
LEFT JOIN LATERAL (
    SELECT v.amount, v.currency FROM valuation v WHERE v.asset_id = a.id AND v.valued_on <= a.confiscation_ordered_on
    ORDER BY v.valued_on DESC, v.created_at DESC, v.id DESC LIMIT 1) fixed ON true
WHERE a.confiscation_ordered_on IS NOT NULL AND a.confiscation_amount IS NOT NULL
    AND (fixed.amount IS DISTINCT FROM a.confiscation_amount OR fixed.currency IS DISTINCT FROM a.confiscation_currency);

-- The event ledger: its amount, a disposal's outcome, a required reason (for events
-- recorded from now on), the new moves, and no rewriting.
ALTER TABLE asset_event
    ADD COLUMN amount numeric CHECK (amount >= 0),
    ADD COLUMN currency char(3) CHECK (currency ~ '^[A-Z]{3}$'),
    ADD COLUMN disposal_outcome text CHECK (disposal_outcome IN (
        'sold_auction', 'sold_private', 'interim_sale', 'destroyed', 'social_reuse', 'public_use', 'restituted_to_victim',
        'victim_compensation', 'returned_to_owner', 'transferred_to_issuing_state', 'shared_with_state',
        'retained_by_executing_state')),
    ADD CONSTRAINT asset_event_amount_currency_check CHECK ((amount IS NULL) = (currency IS NULL));

ALTER TABLE asset_event DROP CONSTRAINT asset_event_action_check;
ALTER TABLE asset_event ADD CONSTRAINT asset_event_action_check CHECK (action IN (
    'identify', 'trace', 'freeze', 'sell_interim', 'order_confiscation', 'finalise_confiscation',
    'record_recovery', 'dispose', 'release', 'restitute', 'close', 'order_lifted', 'confiscation_lifted'));

-- NOT VALID: events recorded before this migration keep their missing reason or outcome;
-- the ledger is never updated, so every event from now on is checked.
ALTER TABLE asset_event ADD CONSTRAINT asset_event_reason_required CHECK (reason IS NOT NULL AND length(reason) >= 1) NOT VALID;
ALTER TABLE asset_event ADD CONSTRAINT asset_event_disposal_outcome_required
    CHECK (action <> 'dispose' OR disposal_outcome IS NOT NULL) NOT VALID;

CREATE TRIGGER asset_event_append_only
    BEFORE UPDATE OR DELETE ON asset_event
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

CREATE TRIGGER asset_event_no_truncate
    BEFORE TRUNCATE ON asset_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
