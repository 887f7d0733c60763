-- BEGIN travels with the first statement: the case, locked for the new asset, as
-- AddAsset finds it (CaseRepository.find … FOR SHARE), in one round trip.
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
\endpipeline
