-- The floor of POST /v1/cases/{id}/assets: the rows Benchmarks/api/current writes (the case
-- locked for the new asset, the asset, its identify event, its estimate as a valuation, their
-- two sealed audit entries), asked of the database in as little as it takes: one pipeline,
-- one round trip, the four inserts as one statement. A server that records the same rows on
-- the same cores cannot answer the write faster than pgbench runs this file, since the
-- database does at least this much for it and the server's own work comes on top. bench-api
-- prints it against the baseline: how much of the goal of 1.5x the baseline the machine allows.
\set n random(1, :ncases)
\set k random(1, 9223372036854775806)
\startpipeline
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT c.id, c.reference, c.office_code, c.title, c.offences, c.opened_on::text, c.status, c.origin,
    c.criminal_file_reference, c.version, c.created_at, c.updated_at,
    (SELECT r.review_on::text FROM case_retention r WHERE r.case_id = c.id), (SELECT r.erased_at FROM case_retention r WHERE r.case_id = c.id)
FROM case_file c
WHERE c.id = (SELECT b.id FROM bench_case b WHERE b.n = :n) AND (c.office_code = :office
    OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = :office))
FOR SHARE;
WITH a AS (
INSERT INTO asset (id, case_id, category, description, iban, vin, land_registry_reference, wallet_address,
    registration_mark, country, property_role, state, estimated_amount, estimated_currency, identified_on,
    version, created_at, last_event_on)
VALUES (md5(:client_id || ':' || :k)::uuid, (SELECT b.id FROM bench_case b WHERE b.n = :n), 'cash',
    'Bench banknotes found during a search', NULL, NULL, NULL, NULL, NULL, 'BE', NULL,
    'identified', 12500.00, 'EUR', '2026-11-01', 1, now(), '2026-11-01') RETURNING id),
e AS (
INSERT INTO asset_event (asset_id, action, from_state, to_state, occurred_on, actor_name, reason, order_id,
    amount, currency, disposal_outcome, corrects_event_id, corrected_on, costs, costs_currency, recipient_subject_id)
SELECT a.id, 'identify', NULL, 'identified', '2026-11-01', 'j.peeters',
    'identified and recorded', NULL, 12500.00, 'EUR', NULL, NULL, NULL, NULL, NULL, NULL FROM a),
v AS (
INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by)
SELECT md5('v' || :client_id || ':' || :k)::uuid, a.id, '2026-11-01', 'estimate', 12500.00, 'EUR', 'j.peeters' FROM a)
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason, context)
VALUES (:uid, 'j.peeters', :office, 'change', 'AddAsset', 'asset', md5(:client_id || ':' || :k)::uuid::text, NULL,
    '{"caseID":"00000000-0000-0000-0000-000000000000","category":"cash","country":"BE","createdAt":"2026-11-29T04:30:00Z","description":"Bench banknotes found during a search","estimatedValue":{"amount":"12500.00","currency":"EUR"},"id":"00000000-0000-0000-0000-000000000000","identifiedOn":"2026-11-01","identifiers":{},"owners":[],"state":"identified","version":1}'::jsonb,
    NULL, NULL),
 (:uid, 'j.peeters', :office, 'change', 'AddAsset', 'valuation', md5('v' || :client_id || ':' || :k)::uuid::text, NULL,
    '{"assetID":"00000000-0000-0000-0000-000000000000","id":"00000000-0000-0000-0000-000000000000","method":"estimate","recordedBy":"j.peeters","value":{"amount":"12500.00","currency":"EUR"},"valuedOn":"2026-11-01"}'::jsonb,
    NULL, NULL);
COMMIT;
\endpipeline
