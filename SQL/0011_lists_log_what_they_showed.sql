-- A list's consultation entry now names the records it showed (after->'shown'), so that
-- "who consulted this record" finds the lists that showed it as well as its reads.
CREATE INDEX audit_entry_search_shown_idx ON audit_entry USING gin ((after -> 'shown') jsonb_path_ops) WHERE entity_id = 'search';
