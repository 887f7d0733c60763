-- The work the database does for every write and every consultation, made lighter without
-- changing what it records (issue 8). A profile of the server under load showed the triggers
-- that seal audit entries and move review dates spending more time parsing and planning SQL
-- than running it:
--
-- * `audit_field` was declared IMMUTABLE around `convert_to`, which is only STABLE, so the
--   planner would not inline it: each of the fifteen fields of each entry sealed ran it as a
--   function of its own, parsed and planned again in every transaction. Declared STABLE, it is
--   inlined into `audit_entry_hash` and `audit_entry_values_digest`; the text it writes, and so
--   every seal, is unchanged.
-- * The seal found the chain its transaction holds, and the first one free, by reading every
--   version of the sixteen chain heads (a table that updates bloat); it now reads heads by their
--   key, remembering the chain it holds in a setting of the transaction (`arca.audit_chain`),
--   which it trusts only when that head names the transaction as its holder. A transaction
--   that resets the setting midway may seal its later entries on a second chain: each chain
--   still holds in commit order, and `arca audit verify` checks them all.
-- * `case_activity`, `case_review_period` and `case_search_text` were SQL functions that cannot
--   be inlined (a write, a subquery), so each call parsed and planned them again. As PL/pgSQL
--   functions their plans are kept for the session; the review dates and search texts they
--   write are the same.

CREATE OR REPLACE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END
$$;

CREATE OR REPLACE FUNCTION audit_entry_seal() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    head public.audit_chain;
    held constant text := current_setting('arca.audit_chain', true);
    preferred constant smallint := pg_backend_pid() % 16;
BEGIN
    -- A snapshot would read a head as of its start, and could not lock one moved since.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit entries are sealed in READ COMMITTED transactions, not %', current_setting('transaction_isolation')
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF held ~ '^[0-9]{1,2}$' THEN
        SELECT * INTO head FROM public.audit_chain WHERE chain = held::smallint AND holder = pg_current_xact_id() FOR UPDATE;
    END IF;
    IF head.chain IS NULL THEN
        FOR step IN 0..15 LOOP
            SELECT * INTO head FROM public.audit_chain WHERE chain = (preferred + step) % 16 FOR UPDATE SKIP LOCKED;
            EXIT WHEN head.chain IS NOT NULL;
        END LOOP;
        IF head.chain IS NULL THEN
            SELECT * INTO head FROM public.audit_chain WHERE chain = preferred FOR UPDATE;
        END IF;
        PERFORM set_config('arca.audit_chain', head.chain::text, true);
    END IF;
    NEW.id := nextval('public.audit_entry_id_seq'::regclass);
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

CREATE OR REPLACE FUNCTION case_review_period() RETURNS interval LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN coalesce((SELECT value FROM public.setting WHERE key = 'case.review_after'), 'P3Y')::interval;
END
$$;

CREATE OR REPLACE FUNCTION case_search_text(case_id uuid, reference text, title text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN reference || ' ' || title
        || coalesce((SELECT ' ' || string_agg(s.name, ' ' ORDER BY s.created_at, s.id) FROM public.subject s WHERE s.case_id = $1), '');
END
$$;

-- A generic plan: a custom one, planned anew for each list of cases, cost more than the write.
CREATE OR REPLACE FUNCTION case_activity(touched uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    INSERT INTO public.case_retention AS r (case_id, review_on)
    SELECT c.id, public.case_review_day(o.time_zone)
    FROM public.case_file c JOIN public.office o ON o.code = c.office_code
    WHERE c.id = ANY (touched)
        AND NOT EXISTS (
            SELECT 1 FROM public.case_retention k WHERE k.case_id = c.id AND k.review_on >= public.case_review_day(o.time_zone))
    ORDER BY c.id
    ON CONFLICT (case_id) DO UPDATE SET review_on = excluded.review_on WHERE r.review_on < excluded.review_on;
END
$$;
