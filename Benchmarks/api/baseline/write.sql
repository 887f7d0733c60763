INSERT INTO asset (id, case_id, category, description, iban, vin, land_registry_reference, wallet_address,
    registration_mark, country, property_role, state, estimated_amount, estimated_currency, identified_on,
    version, created_at, last_event_on)
VALUES (gen_random_uuid(), :id, 'cash', 'Bench banknotes found during a search', NULL, NULL, NULL, NULL, NULL, 'BE', NULL,
    'identified', 12500.00, 'EUR', '2026-11-01', 1, now(), '2026-11-01')
RETURNING id AS asset_id
\gset
INSERT INTO asset_event (asset_id, action, from_state, to_state, occurred_on, actor_name, reason, order_id,
    amount, currency, disposal_outcome)
VALUES (:asset_id, 'identify', NULL, 'identified', '2026-11-01', 'j.peeters', 'identified and recorded', NULL, 12500.00, 'EUR', NULL);
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason)
VALUES (:uid, 'j.peeters', :office, 'change', 'AddAsset', 'asset', :asset_id, NULL,
    '{"caseID":"00000000-0000-0000-0000-000000000000","category":"cash","country":"BE","createdAt":"2026-11-29T04:30:00Z","description":"Bench banknotes found during a search","estimatedValue":{"amount":"12500.00","currency":"EUR"},"id":"00000000-0000-0000-0000-000000000000","identifiedOn":"2026-11-01","identifiers":{},"owners":[],"state":"identified","version":1}'::jsonb,
    NULL);
INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by)
VALUES (gen_random_uuid(), :asset_id, '2026-11-01', 'estimate', 12500.00, 'EUR', 'j.peeters')
RETURNING id AS valuation_id
\gset
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason)
VALUES (:uid, 'j.peeters', :office, 'change', 'AddAsset', 'valuation', :valuation_id, NULL,
    '{"assetID":"00000000-0000-0000-0000-000000000000","id":"00000000-0000-0000-0000-000000000000","method":"estimate","recordedBy":"j.peeters","value":{"amount":"12500.00","currency":"EUR"},"valuedOn":"2026-11-01"}'::jsonb,
    NULL);
COMMIT;
