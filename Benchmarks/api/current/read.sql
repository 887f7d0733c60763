-- GET /v1/cases/{id} as ReadCase sends it now (Store.readCaseFile): one pipeline, no BEGIN
-- and COMMIT, every statement bound to the case's visibility; the consultation logged as one
-- entry listing the parts shown (migration 0015). ARCA has the case's id from the
-- URL; pgbench finds it again in bench_case inside each statement.
\set n random(1, :ncases)
\startpipeline
SELECT c.id, c.reference, c.office_code, c.title, c.offences, c.opened_on::text, c.status, c.origin,
    c.criminal_file_reference, c.version, c.created_at, c.updated_at,
    (SELECT r.review_on::text FROM case_retention r WHERE r.case_id = c.id), (SELECT r.erased_at FROM case_retention r WHERE r.case_id = c.id)
FROM case_file c WHERE c.id = (SELECT b.id FROM bench_case b WHERE b.n = :n)
    AND (c.office_code = :office OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = :office));
SELECT s.id, s.case_id, s.kind, s.name, s.birth_date::text, s.nationality, s.registration_number, s.seat_country, s.role, s.version
FROM subject s WHERE s.case_id = (SELECT b.id FROM bench_case b WHERE b.n = :n)
    AND EXISTS (SELECT 1 FROM case_file c WHERE c.id = s.case_id
        AND (c.office_code = :office OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = :office)))
ORDER BY s.created_at, s.id;
SELECT a.id, a.case_id, a.category, a.description, a.iban, a.vin, a.land_registry_reference, a.wallet_address,
    a.registration_mark, a.country, a.property_role, a.state, a.estimated_amount::text, a.estimated_currency,
    a.freezing_amount::text, a.freezing_currency, a.confiscation_amount::text, a.confiscation_currency,
    a.realised_amount::text, a.realised_currency, a.identified_on::text, a.version, a.created_at,
    ARRAY(SELECT o.subject_id::text FROM asset_owner o WHERE o.asset_id = a.id ORDER BY o.subject_id), c.office_code,
    a.frozen_on::text, a.confiscation_ordered_on::text, a.last_event_on::text, c.status, a.interim_sold_on::text
FROM asset a JOIN case_file c ON c.id = a.case_id WHERE a.case_id = (SELECT b.id FROM bench_case b WHERE b.n = :n)
    AND (c.office_code = :office OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = :office))
ORDER BY a.created_at, a.id;
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
FROM legal_order o JOIN case_file c ON c.id = o.case_id WHERE o.case_id = (SELECT b.id FROM bench_case b WHERE b.n = :n)
    AND (c.office_code = :office OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = :office))
ORDER BY o.created_at, o.id;
SELECT office_code FROM case_grant WHERE case_id = (SELECT b.id FROM bench_case b WHERE b.n = :n)
    AND EXISTS (SELECT 1 FROM case_file c WHERE c.id = case_grant.case_id
        AND (c.office_code = :office OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = :office)))
ORDER BY office_code;
INSERT INTO audit_entry (actor_id, actor_name, actor_office, kind, operation, entity, entity_id, after)
SELECT :uid, 'j.peeters', :office, 'consultation', 'ReadCase', 'case', c.id::text, jsonb_build_object('shown', jsonb_build_object(
    'subject', ARRAY(SELECT s.id::text FROM subject s WHERE s.case_id = c.id ORDER BY s.created_at, s.id),
    'asset', ARRAY(SELECT a.id::text FROM asset a WHERE a.case_id = c.id ORDER BY a.created_at, a.id),
    'order', ARRAY(SELECT o.id::text FROM legal_order o WHERE o.case_id = c.id ORDER BY o.created_at, o.id)))
FROM case_file c WHERE c.id = (SELECT b.id FROM bench_case b WHERE b.n = :n)
    AND (c.office_code = :office OR EXISTS (SELECT 1 FROM case_grant g WHERE g.case_id = c.id AND g.office_code = :office));
\endpipeline
