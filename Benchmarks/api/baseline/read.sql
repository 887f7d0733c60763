SELECT s.id, s.case_id, s.kind, s.name, s.birth_date::text, s.nationality, s.registration_number, s.seat_country, s.role, s.version
FROM subject s WHERE s.case_id = :id ORDER BY s.created_at, s.id;
SELECT a.id, a.case_id, a.category, a.description, a.iban, a.vin, a.land_registry_reference, a.wallet_address,
    a.registration_mark, a.country, a.property_role, a.state, a.estimated_amount::text, a.estimated_currency,
    a.freezing_amount::text, a.freezing_currency, a.confiscation_amount::text, a.confiscation_currency,
    a.realised_amount::text, a.realised_currency, a.identified_on::text, a.version, a.created_at,
    ARRAY(SELECT o.subject_id::text FROM asset_owner o WHERE o.asset_id = a.id ORDER BY o.subject_id), c.office_code,
    a.frozen_on::text, a.confiscation_ordered_on::text, a.last_event_on::text, c.status, a.interim_sold_on::text
FROM asset a JOIN case_file c ON c.id = a.case_id WHERE a.case_id = :id ORDER BY a.created_at, a.id;
SELECT o.id, o.case_id, o.kind, o.urgent, o.confiscation_type, o.issuing_authority, o.decision_reference,
    o.decision_date::text, o.covered_amount::text, o.covered_currency, o.status, o.lifted_on::text,
    o.version, o.created_at, ARRAY(SELECT oa.asset_id::text FROM order_asset oa WHERE oa.order_id = o.id ORDER BY oa.asset_id),
    c.office_code, o.confirms_order_id, o.issuing_state, o.executing_state, o.final_on::text, o.lifting_ground,
    ARRAY(SELECT os.subject_id::text FROM order_subject os WHERE os.order_id = o.id ORDER BY os.subject_id),
    (SELECT coalesce(json_agg(json_build_object(
            'id', e.id, 'asset', e.asset_id, 'on', e.executed_on::text, 'amount', e.amount::text, 'currency', e.currency) ORDER BY e.id), '[]')
        FROM order_execution e WHERE e.order_id = o.id)::text,
    c.status,
    (SELECT coalesce(json_agg(json_build_object(
            'step', k.step, 'execution', k.execution_id, 'asset', x.asset_id, 'on', k.corrected_on::text, 'reason', k.reason,
            'by', k.recorded_by) ORDER BY k.id), '[]')
        FROM order_correction k LEFT JOIN order_execution x ON x.id = k.execution_id WHERE k.order_id = o.id)::text
FROM legal_order o JOIN case_file c ON c.id = o.case_id WHERE o.case_id = :id ORDER BY o.decision_date, o.created_at, o.id;
SELECT office_code FROM case_grant WHERE case_id = :id ORDER BY office_code;
-- ARCA sends the ids it has just read as two arrays; pgbench cannot carry them over, so it
-- finds them again (two index lookups more on this side).
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id)
SELECT :uid, 'j.peeters', :office, 'consultation', 'ReadCase', r.entity, r.id FROM (
    SELECT 'case' AS entity, :id::text AS id
    UNION ALL SELECT 'subject', s.id::text FROM subject s WHERE s.case_id = :id
    UNION ALL SELECT 'asset', a.id::text FROM asset a WHERE a.case_id = :id
    UNION ALL SELECT 'order', o.id::text FROM legal_order o WHERE o.case_id = :id) AS r;
COMMIT;
