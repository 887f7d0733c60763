-- POST /v1/cases/{id}/assets's writes as AddAsset sends them now (Transaction.write): every
-- insert and the COMMIT in one pipeline. ARCA makes the ids itself; pgbench derives them
-- from a random number, the same in every statement.
\startpipeline
INSERT INTO asset (id, case_id, category, description, iban, vin, land_registry_reference, wallet_address,
    registration_mark, country, property_role, state, estimated_amount, estimated_currency, identified_on,
    version, created_at, last_event_on)
VALUES (md5(:client_id || ':' || :k)::uuid, (SELECT b.id FROM bench_case b WHERE b.n = :n), 'cash',
    'Bench banknotes found during a search', NULL, NULL, NULL, NULL, NULL, 'BE', NULL,
    'identified', 12500.00, 'EUR', '2026-11-01', 1, now(), '2026-11-01');
INSERT INTO asset_event (asset_id, action, from_state, to_state, occurred_on, actor_name, reason, order_id,
    amount, currency, disposal_outcome, corrects_event_id, corrected_on, costs, costs_currency, recipient_subject_id)
VALUES (md5(:client_id || ':' || :k)::uuid, 'identify', NULL, 'identified', '2026-11-01', 'j.peeters',
    'identified and recorded', NULL, 12500.00, 'EUR', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason, context)
VALUES (:uid, 'j.peeters', :office, 'change', 'AddAsset', 'asset', md5(:client_id || ':' || :k)::uuid::text, NULL,
    '{"caseID":"00000000-0000-0000-0000-000000000000","category":"cash","country":"BE","createdAt":"2026-11-29T04:30:00Z","description":"Bench banknotes found during a search","estimatedValue":{"amount":"12500.00","currency":"EUR"},"id":"00000000-0000-0000-0000-000000000000","identifiedOn":"2026-11-01","identifiers":{},"owners":[],"state":"identified","version":1}'::jsonb,
    NULL, NULL);
INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by)
VALUES (md5('v' || :client_id || ':' || :k)::uuid, md5(:client_id || ':' || :k)::uuid, '2026-11-01', 'estimate', 12500.00, 'EUR', 'j.peeters');
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason, context)
VALUES (:uid, 'j.peeters', :office, 'change', 'AddAsset', 'valuation', md5('v' || :client_id || ':' || :k)::uuid::text, NULL,
    '{"assetID":"00000000-0000-0000-0000-000000000000","id":"00000000-0000-0000-0000-000000000000","method":"estimate","recordedBy":"j.peeters","value":{"amount":"12500.00","currency":"EUR"},"valuedOn":"2026-11-01"}'::jsonb,
    NULL, NULL);
COMMIT;
\endpipeline
