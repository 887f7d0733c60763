INSERT INTO asset (id, case_id, category, description, iban, vin, land_registry_reference, wallet_address,
    registration_mark, country, property_role, state, estimated_amount, estimated_currency, identified_on,
    version, created_at)
VALUES (gen_random_uuid(), :id, 'cash', 'Bench banknotes found during a search', NULL, NULL, NULL, NULL, NULL, 'BE', NULL,
    'identified', 12500.00, 'EUR', '2026-11-01', 1, now())
RETURNING id AS asset_id
\gset
INSERT INTO asset_event (asset_id, action, from_state, to_state, occurred_on, actor_name, reason, order_id)
VALUES (:asset_id, 'identify', NULL, 'identified', '2026-11-01', 'j.peeters', NULL, NULL);
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, before, after, reason)
VALUES (:uid, 'j.peeters', :office, 'change', 'AddAsset', 'asset', :asset_id, NULL,
    '{"caseID":"00000000-0000-0000-0000-000000000000","category":"cash","country":"BE","createdAt":"2026-11-29T04:30:00Z","description":"Bench banknotes found during a search","estimatedValue":{"amount":"12500.00","currency":"EUR"},"id":"00000000-0000-0000-0000-000000000000","identifiedOn":"2026-11-01","identifiers":{},"owners":[],"state":"identified","version":1}'::jsonb,
    NULL);
COMMIT;
