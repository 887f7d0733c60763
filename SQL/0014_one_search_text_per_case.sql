-- A case is searched (`GET /v1/cases?q=`) by its reference, its title and its subjects'
-- names. Kept as one text on the case, with one trigram index, a search is one table read
-- in one of two ways the planner chooses by how common the text is: a rare text (a reference,
-- an unusual name) from the index, a common one (a frequent surname) by walking the cases
-- newest first until the page is full — instead of gathering every matching subject first.
-- Triggers keep the text: when a case is recorded or retitled, and when a subject is added
-- or renamed (one statement-level update per statement, so a bulk COPY costs one).
CREATE FUNCTION case_search_text(case_id uuid, reference text, title text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT reference || ' ' || title
        || coalesce((SELECT ' ' || string_agg(s.name, ' ' ORDER BY s.created_at, s.id) FROM subject s WHERE s.case_id = $1), '')
$$;

ALTER TABLE case_file ADD COLUMN search_text text NOT NULL DEFAULT '';
UPDATE case_file SET search_text = case_search_text(id, reference, title);

CREATE FUNCTION case_file_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := case_search_text(NEW.id, NEW.reference, NEW.title);
    RETURN NEW;
END
$$;

CREATE TRIGGER case_file_search_text
    BEFORE INSERT OR UPDATE OF reference, title ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_file_search_text();

CREATE FUNCTION subject_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_file c SET search_text = case_search_text(c.id, c.reference, c.title)
    WHERE c.id IN (SELECT DISTINCT case_id FROM changed_subjects);
    RETURN NULL;
END
$$;

CREATE TRIGGER subject_added_to_search
    AFTER INSERT ON subject REFERENCING NEW TABLE AS changed_subjects
    FOR EACH STATEMENT EXECUTE FUNCTION subject_names_changed();

CREATE TRIGGER subject_renamed_in_search
    AFTER UPDATE ON subject REFERENCING NEW TABLE AS changed_subjects
    FOR EACH STATEMENT EXECUTE FUNCTION subject_names_changed();

CREATE INDEX case_file_search_text_idx ON case_file USING gin (search_text gin_trgm_ops);

-- The two indexes the search used before: nothing else reads them.
DROP INDEX case_file_search_idx;
DROP INDEX subject_name_idx;
