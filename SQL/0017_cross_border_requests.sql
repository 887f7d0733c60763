-- Cross-border information requests (DOMAIN §3.3, issue 9): every request, incoming or
-- outgoing, is a tracked record of its office, linked to a case and to the subjects and
-- assets it concerns, with its deadline stored when the clock starts (a later change of the
-- settings never moves it), the time of its latest answer (to tell a late one), and an
-- append-only history of its moves. One message of a channel is registered once.
CREATE TABLE exchange_request (
    id uuid PRIMARY KEY,
    office_code text NOT NULL REFERENCES office (code),
    case_id uuid NOT NULL REFERENCES case_file (id),
    direction text NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    kind text NOT NULL CHECK (kind IN ('information_request', 'spontaneous_information', 'freezing_certificate', 'confiscation_certificate')),
    counterpart_state char(2) NOT NULL CHECK (counterpart_state ~ '^[A-Z]{2}$'),
    counterpart_office text NOT NULL CHECK (length(counterpart_office) BETWEEN 1 AND 200),
    channel text NOT NULL CHECK (channel IN (
        'aro_siena', 'carin', 'interpol', 'europol', 'eurojust', 'eppo', 'fiu', 'mr_freezing_certificate',
        'mr_confiscation_certificate', 'eio', 'mla')),
    external_reference text CHECK (length(external_reference) BETWEEN 1 AND 100),
    urgency_reason text CHECK (length(urgency_reason) BETWEEN 1 AND 2000),
    directly_accessible boolean NOT NULL,
    offence text CHECK (length(offence) <= 4000),
    circumstances text CHECK (length(circumstances) <= 4000),
    information_sought text CHECK (length(information_sought) <= 4000),
    reasons_to_believe text CHECK (length(reasons_to_believe) <= 4000),
    purpose text CHECK (length(purpose) <= 4000),
    restrictions text CHECK (length(restrictions) <= 4000),
    state text NOT NULL CHECK (state IN (
        'draft', 'sent', 'received', 'triaged', 'in_progress', 'pending_authorisation', 'answered_in_full', 'answered_in_part',
        'refused', 'withdrawn', 'closed')),
    received_at timestamptz,
    deadline_rule text CHECK (deadline_rule IN (
        'information_urgent_direct', 'information_urgent_indirect', 'information_not_urgent', 'freezing_urgent', 'confiscation')),
    deadline_period text,
    clock_started_at timestamptz,
    deadline_at timestamptz,
    answered_at timestamptz,
    version integer NOT NULL CHECK (version >= 1),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    -- A clock is all there or not at all, and only counts from a receipt.
    CHECK ((deadline_rule IS NULL) = (deadline_at IS NULL) AND (deadline_rule IS NULL) = (deadline_period IS NULL)
        AND (deadline_rule IS NULL) = (clock_started_at IS NULL)),
    CHECK (deadline_at IS NULL OR received_at IS NOT NULL),
    CHECK (direction = 'incoming' OR state <> 'draft' OR received_at IS NULL),
    -- Each direction has its own states (RequestLifecycle).
    CHECK (CASE direction
        WHEN 'incoming' THEN state NOT IN ('draft', 'sent')
        ELSE state NOT IN ('received', 'triaged', 'in_progress', 'pending_authorisation') END),
    CHECK (answered_at IS NULL OR state IN ('answered_in_full', 'answered_in_part', 'closed'))
);

CREATE UNIQUE INDEX exchange_request_message_idx ON exchange_request (office_code, direction, channel, external_reference)
    WHERE external_reference IS NOT NULL;
CREATE INDEX exchange_request_case_idx ON exchange_request (case_id, created_at, id);
CREATE INDEX exchange_request_office_idx ON exchange_request (office_code, created_at, id);
-- "What is late or about to be": the requests still awaiting an answer, by deadline.
CREATE INDEX exchange_request_deadline_idx ON exchange_request (office_code, deadline_at)
    WHERE deadline_at IS NOT NULL AND state IN ('sent', 'received', 'triaged', 'in_progress', 'pending_authorisation');

CREATE TABLE exchange_request_subject (
    request_id uuid NOT NULL REFERENCES exchange_request (id),
    subject_id uuid NOT NULL REFERENCES subject (id),
    PRIMARY KEY (request_id, subject_id)
);
CREATE INDEX exchange_request_subject_idx ON exchange_request_subject (subject_id);

CREATE TABLE exchange_request_asset (
    request_id uuid NOT NULL REFERENCES exchange_request (id),
    asset_id uuid NOT NULL REFERENCES asset (id),
    PRIMARY KEY (request_id, asset_id)
);
CREATE INDEX exchange_request_asset_idx ON exchange_request_asset (asset_id);

CREATE TABLE exchange_request_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id uuid NOT NULL REFERENCES exchange_request (id),
    action text NOT NULL CHECK (action IN (
        'receive', 'draft', 'send', 'triage', 'start', 'await_authorisation', 'resume', 'notice_delay', 'remind', 'escalate',
        'answer_in_full', 'answer_in_part', 'refuse', 'withdraw', 'close')),
    from_state text CHECK (from_state IN (
        'draft', 'sent', 'received', 'triaged', 'in_progress', 'pending_authorisation', 'answered_in_full', 'answered_in_part',
        'refused', 'withdrawn', 'closed')),
    to_state text NOT NULL CHECK (to_state IN (
        'draft', 'sent', 'received', 'triaged', 'in_progress', 'pending_authorisation', 'answered_in_full', 'answered_in_part',
        'refused', 'withdrawn', 'closed')),
    occurred_at timestamptz NOT NULL,
    actor_name text NOT NULL,
    reason text CHECK (length(reason) <= 2000),
    refusal_ground text CHECK (refusal_ground IN (
        'ne_bis_in_idem', 'immunity_or_privilege', 'incomplete_certificate', 'territoriality', 'no_double_criminality',
        'charter_breach', 'in_absentia', 'execution_impossible', 'national_security', 'jeopardises_investigation',
        'disproportionate', 'information_not_available', 'judicial_authorisation_refused')),
    expected_on date,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((action = 'refuse') = (refusal_ground IS NOT NULL)),
    CHECK ((action = 'notice_delay') = (expected_on IS NOT NULL)),
    CHECK (action <> 'notice_delay' OR reason IS NOT NULL),
    CHECK ((action IN ('receive', 'draft')) = (from_state IS NULL))
);
CREATE INDEX exchange_request_event_request_idx ON exchange_request_event (request_id, id);

CREATE TRIGGER exchange_request_event_append_only
    BEFORE UPDATE OR DELETE ON exchange_request_event
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

CREATE TRIGGER exchange_request_event_no_truncate
    BEFORE TRUNCATE ON exchange_request_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
