-- Reading a case logs one consultation entry (entity `case`, the case's id) whose `after`
-- lists the parts shown: {"shown": {"subject": [...], "asset": [...], "order": [...]}},
-- instead of one entry per record. A list's entry already names what it showed
-- ({"filter": ..., "shown": [...]}). One GIN index over the `after` of every consultation
-- answers "who consulted record X" for both shapes in one index lookup each (containment,
-- `@>`), so the trail of a subject, asset or order still finds every reading that showed it;
-- entries written before stay as they are, one per record, and are found as before.
-- Writing one row instead of one per record spares each reading a row, five index entries
-- and a foreign-key check per record shown.
CREATE INDEX audit_entry_consultation_shown_idx ON audit_entry USING gin (after jsonb_path_ops) WHERE kind = 'consultation';
DROP INDEX audit_entry_search_shown_idx;
