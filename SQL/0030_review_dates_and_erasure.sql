-- Review dates and erasure (issue 11; Dir 2016/680 Art 5: time limits for a periodic review of
-- the need to keep personal data; Art 16: erasure; Art 25: erasure is logged).

-- Every case has a review date: the day its office's officers decide whether its personal data
-- is still needed. Any change to the case or to what it holds moves the date to the period
-- after that day; a review that keeps the case moves it the same way. An erased case is reviewed
-- no more.
CREATE TABLE case_retention (
    case_id uuid PRIMARY KEY REFERENCES case_file (id),
    review_on date NOT NULL,
    reviewed_at timestamptz,
    erased_at timestamptz
);

CREATE INDEX case_retention_due_idx ON case_retention (review_on) WHERE erased_at IS NULL;

-- The `case.review_after` setting, three years unless an administrator chose otherwise (the
-- default is also `Setting.defaultReviewPeriod`; a test holds the two together).
CREATE FUNCTION case_review_period() RETURNS interval LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT value FROM public.setting WHERE key = 'case.review_after'), 'P3Y')::interval
$$;

-- The day a case of an office active today is next reviewed: today there, plus the period.
CREATE FUNCTION case_review_day(time_zone text) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT ((now() AT TIME ZONE time_zone)::date + public.case_review_period())::date
$$;

-- Moves the review dates of the cases touched. Most changes find the date already moved today
-- and write nothing, so concurrent writers to one case seldom wait for each other here; rows are
-- taken in the order of their ids, so two statements touching the same cases cannot deadlock.
-- It runs with the owner's rights: the application may not add or remove a case's retention row.
CREATE FUNCTION case_activity(touched uuid[]) RETURNS void LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
    INSERT INTO public.case_retention AS r (case_id, review_on)
    SELECT c.id, public.case_review_day(o.time_zone)
    FROM public.case_file c JOIN public.office o ON o.code = c.office_code
    WHERE c.id = ANY (touched)
        AND NOT EXISTS (
            SELECT 1 FROM public.case_retention k WHERE k.case_id = c.id AND k.review_on >= public.case_review_day(o.time_zone))
    ORDER BY c.id
    ON CONFLICT (case_id) DO UPDATE SET review_on = excluded.review_on WHERE r.review_on < excluded.review_on
$$;

CREATE FUNCTION case_file_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM case_activity(ARRAY(SELECT DISTINCT id FROM touched));
    RETURN NULL;
END
$$;

CREATE FUNCTION case_part_touched() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM case_activity(ARRAY(SELECT DISTINCT case_id FROM touched WHERE case_id IS NOT NULL));
    RETURN NULL;
END
$$;

-- Statement triggers, so that a bulk COPY moves each case once. Valuations, events and
-- executions change their asset or order row, which is watched here.
DO $$
DECLARE
    part text;
    event text;
BEGIN
    FOREACH event IN ARRAY ARRAY['INSERT', 'UPDATE'] LOOP
        EXECUTE format(
            'CREATE TRIGGER case_file_activity_%s AFTER %s ON case_file REFERENCING NEW TABLE AS touched '
            'FOR EACH STATEMENT EXECUTE FUNCTION case_file_touched()', lower(event), event);
        FOREACH part IN ARRAY ARRAY['subject', 'asset', 'legal_order', 'exchange_request', 'certificate', 'recovered_value'] LOOP
            EXECUTE format(
                'CREATE TRIGGER %I AFTER %s ON %I REFERENCING NEW TABLE AS touched '
                'FOR EACH STATEMENT EXECUTE FUNCTION case_part_touched()', part || '_case_activity_' || lower(event), event, part);
        END LOOP;
    END LOOP;
END
$$;

-- Cases recorded so far: the period after the last day they or their parts were written.
INSERT INTO case_retention (case_id, review_on)
SELECT c.id, ((greatest(c.updated_at,
        (SELECT max(s.created_at) FROM subject s WHERE s.case_id = c.id),
        (SELECT max(a.created_at) FROM asset a WHERE a.case_id = c.id),
        (SELECT max(l.created_at) FROM legal_order l WHERE l.case_id = c.id)) AT TIME ZONE o.time_zone)::date
    + case_review_period())::date
FROM case_file c JOIN office o ON o.code = c.office_code;

-- Erasure leaves a subject's kind and part in the case (the statistics count them) and blanks
-- what identifies the person.
ALTER TABLE subject ADD COLUMN erased_at timestamptz;

-- The trail forgets erased values and still proves itself. From here an entry's seal covers a
-- digest of its values (before, after, reason) rather than the values themselves: erasing
-- blanks the values, keeps the digest, and the seal holds. An entry's other fields are sealed
-- as before.
ALTER TABLE audit_entry
    ADD COLUMN values_digest char(64),
    ADD COLUMN erased_at timestamptz,
    -- The seal an entry had in the form of migration 0025, kept so that an anchor taken before
    -- this migration can still be checked.
    ADD COLUMN former_hash char(64);

-- The form of migration 0025, to check the trail before it is sealed anew.
CREATE OR REPLACE FUNCTION pg_temp.audit_entry_content_0025(e audit_entry) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT concat_ws('|', 'arca-audit-1',
        audit_field(e.previous_hash), audit_field(e.chain::text), audit_field(e.link::text), audit_field(e.id::text),
        audit_field(((extract(epoch FROM e.recorded_at) * 1000000)::bigint)::text),
        audit_field(e.actor_id::text), audit_field(e.actor_name), audit_field(e.actor_office),
        audit_field(e.kind), audit_field(e.operation), audit_field(e.entity), audit_field(e.entity_id),
        audit_field(e.before::text), audit_field(e.after::text), audit_field(e.reason), audit_field(e.context::text))
$$;

CREATE FUNCTION audit_entry_values_digest(e audit_entry) RETURNS char(64) LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(concat_ws('|', 'arca-audit-values-1',
        audit_field(e.before::text), audit_field(e.after::text), audit_field(e.reason)), 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION audit_entry_content(e audit_entry) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT concat_ws('|', 'arca-audit-2',
        audit_field(e.previous_hash), audit_field(e.chain::text), audit_field(e.link::text), audit_field(e.id::text),
        audit_field(((extract(epoch FROM e.recorded_at) * 1000000)::bigint)::text),
        audit_field(e.actor_id::text), audit_field(e.actor_name), audit_field(e.actor_office),
        audit_field(e.kind), audit_field(e.operation), audit_field(e.entity), audit_field(e.entity_id),
        audit_field(e.values_digest), audit_field(e.context::text))
$$;

CREATE OR REPLACE FUNCTION audit_entry_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    head public.audit_chain;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit entries are sealed in READ COMMITTED transactions, not %', current_setting('transaction_isolation')
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    SELECT * INTO head FROM public.audit_chain WHERE holder = pg_current_xact_id() FOR UPDATE;
    IF NOT FOUND THEN
        SELECT * INTO head FROM public.audit_chain
        ORDER BY (chain - pg_backend_pid() % 16 + 16) % 16
        LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            SELECT * INTO head FROM public.audit_chain WHERE chain = pg_backend_pid() % 16 FOR UPDATE;
        END IF;
    END IF;
    NEW.id := nextval(pg_get_serial_sequence('public.audit_entry', 'id'));
    NEW.recorded_at := clock_timestamp();
    NEW.chain := head.chain;
    NEW.link := head.length + 1;
    NEW.previous_hash := head.head;
    NEW.erased_at := NULL;
    NEW.former_hash := NULL;
    NEW.values_digest := public.audit_entry_values_digest(NEW);
    NEW.hash := public.audit_entry_hash(NEW);
    UPDATE public.audit_chain SET length = NEW.link, head = NEW.hash, holder = pg_current_xact_id() WHERE chain = head.chain;
    RETURN NEW;
END
$$;

-- The entries sealed so far are sealed again in the new form, chain by chain in their order.
-- The heads they had are kept in an entry of their own, added last: an anchor taken before this
-- migration is checked against it, and a new anchor should be taken after it.
CREATE TEMPORARY TABLE audit_heads_before_0030 ON COMMIT DROP AS
    SELECT jsonb_agg(jsonb_build_object('chain', chain, 'length', length, 'head', head) ORDER BY chain) AS heads FROM audit_chain;

ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
DO $$
DECLARE
    entry audit_entry;
    previous char(64);
    former char(64);
    current_chain smallint := -1;
    expected_link bigint;
BEGIN
    FOR entry IN SELECT * FROM audit_entry ORDER BY chain, link LOOP
        IF entry.chain <> current_chain THEN
            current_chain := entry.chain;
            previous := repeat('0', 64);
            former := repeat('0', 64);
            expected_link := 1;
        END IF;
        IF entry.link <> expected_link OR entry.previous_hash <> former
            OR encode(sha256(convert_to(pg_temp.audit_entry_content_0025(entry), 'UTF8')), 'hex') <> entry.hash THEN
            RAISE EXCEPTION 'the audit trail does not hold at chain %, link % (entry %): run `arca audit verify` with the previous version and restore the trail before upgrading',
                entry.chain, entry.link, entry.id;
        END IF;
        former := entry.hash;
        expected_link := entry.link + 1;
        entry.former_hash := entry.hash;
        entry.previous_hash := previous;
        entry.values_digest := audit_entry_values_digest(entry);
        entry.hash := audit_entry_hash(entry);
        UPDATE audit_entry SET previous_hash = entry.previous_hash, values_digest = entry.values_digest, hash = entry.hash,
            former_hash = entry.former_hash
        WHERE id = entry.id;
        UPDATE audit_chain SET head = entry.hash WHERE chain = entry.chain AND length = entry.link;
        previous := entry.hash;
    END LOOP;
END
$$;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;

INSERT INTO audit_entry (actor_name, kind, operation, entity, entity_id, before, after, reason)
SELECT 'arca migration 0030', 'change', 'SealAuditTrailAnew', 'audit_chain', 'all', heads,
    (SELECT jsonb_agg(jsonb_build_object('chain', chain, 'length', length, 'head', head) ORDER BY chain) FROM audit_chain),
    'entries seal a digest of their values, so that erased values leave the trail provable'
FROM audit_heads_before_0030
WHERE EXISTS (SELECT 1 FROM audit_entry);

ALTER TABLE audit_entry ALTER COLUMN values_digest SET NOT NULL;

-- The one change an entry takes: its values blanked when they are erased, everything else as
-- sealed. Removing an entry is refused as before.
CREATE FUNCTION audit_entry_only_erased() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
        AND NEW.before IS NULL AND NEW.after IS NULL AND NEW.reason IS NULL
        AND (NEW.id, NEW.recorded_at, NEW.actor_id, NEW.actor_name, NEW.actor_office, NEW.kind, NEW.operation, NEW.entity,
            NEW.entity_id, NEW.context, NEW.chain, NEW.link, NEW.previous_hash, NEW.values_digest, NEW.hash, NEW.former_hash)
        IS NOT DISTINCT FROM (OLD.id, OLD.recorded_at, OLD.actor_id, OLD.actor_name, OLD.actor_office, OLD.kind, OLD.operation,
            OLD.entity, OLD.entity_id, OLD.context, OLD.chain, OLD.link, OLD.previous_hash, OLD.values_digest, OLD.hash, OLD.former_hash)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: an entry''s values may be erased, nothing else changed'
        USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER audit_entry_append_only ON audit_entry;
CREATE TRIGGER audit_entry_append_only
    BEFORE DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_values_erased
    BEFORE UPDATE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_only_erased();

-- The one way a case's personal data is erased, with the owner's rights: the application may
-- move review days, never mark a case erased nor add or remove its retention row, nor move a
-- subject to another case or unmark it. The function locks the case, marks it erased (once, and
-- only when closed), blanks what identifies its subjects (keeping their kind and part, which the
-- statistics count), erases the values the trail recorded about them (their seals stay provable)
-- and adds the sealed entry that says so, naming the subjects: no value leaves the trail without
-- it. An erased case returns no row.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_retention FROM arca_app;
GRANT UPDATE (review_on, reviewed_at) ON case_retention TO arca_app;
REVOKE UPDATE ON subject FROM arca_app;
GRANT UPDATE (name, birth_date, nationality, registration_number, seat_country, role, version) ON subject TO arca_app;

CREATE FUNCTION erase_case_personal_data(
    erased_case uuid, erased_name text, by_user uuid, by_name text, by_office text, with_context jsonb, for_reason text
) RETURNS TABLE (subjects text[], trail_entries bigint) LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    blanked text[];
    erased bigint;
BEGIN
    PERFORM 1 FROM public.case_file WHERE id = erased_case AND status = 'closed' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'case % is not closed: its personal data is not erased', erased_case USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.case_retention SET erased_at = now() WHERE case_id = erased_case AND erased_at IS NULL;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    WITH blanked_subjects AS (
        UPDATE public.subject SET name = erased_name, birth_date = NULL, nationality = NULL, registration_number = NULL,
            seat_country = NULL, erased_at = now(), version = version + 1
        WHERE case_id = erased_case
        RETURNING id)
    SELECT coalesce(array_agg(id::text ORDER BY id), '{}') INTO blanked FROM blanked_subjects;
    UPDATE public.audit_entry e SET before = NULL, after = NULL, reason = NULL, erased_at = clock_timestamp()
    WHERE e.entity = 'subject' AND e.entity_id = ANY (blanked) AND e.erased_at IS NULL
        AND (e.before IS NOT NULL OR e.after IS NOT NULL OR e.reason IS NOT NULL);
    GET DIAGNOSTICS erased = ROW_COUNT;
    INSERT INTO public.audit_entry (actor_id, actor_name, actor_office, context, kind, operation, entity, entity_id, after, reason)
    VALUES (by_user, by_name, by_office, with_context, 'change', 'EraseCasePersonalData', 'case', erased_case::text,
        jsonb_build_object('subjects', to_jsonb(blanked), 'trailEntries', erased), for_reason);
    RETURN QUERY SELECT blanked, erased;
END
$$;

REVOKE ALL ON FUNCTION erase_case_personal_data(uuid, text, uuid, text, text, jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_case_personal_data(uuid, text, uuid, text, text, jsonb, text) TO arca_app;

-- A subject belongs to its case for good, and an erased case takes no new one. The case's row
-- is held first, so a subject added while the case is being erased waits for the erasure and
-- is then refused.
CREATE FUNCTION subject_stays_in_its_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.case_id IS DISTINCT FROM OLD.case_id THEN
        RAISE EXCEPTION 'a subject stays in its case' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM case_file WHERE id = NEW.case_id FOR KEY SHARE;
        IF EXISTS (SELECT 1 FROM case_retention WHERE case_id = NEW.case_id AND erased_at IS NOT NULL) THEN
            RAISE EXCEPTION 'case % was erased: it takes no new subject', NEW.case_id USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER subject_stays_in_its_case
    BEFORE INSERT OR UPDATE ON subject
    FOR EACH ROW EXECUTE FUNCTION subject_stays_in_its_case();
