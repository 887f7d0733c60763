-- Direct exchange between ARCA deployments (issue 9): this deployment's identity (its
-- office and Ed25519 key pair), the partners it trusts, an outbox written in the same
-- transaction as the change it announces and delivered by a worker, and an inbox that
-- records each message once.

-- A request received from a partner arrives before anyone has linked it to a case: the
-- liaison officer links it at triage. Outgoing requests still always belong to a case.
ALTER TABLE exchange_request ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE exchange_request ADD CONSTRAINT exchange_request_outgoing_has_case CHECK (case_id IS NOT NULL OR direction = 'incoming');

-- The persons and property a partner's request concerns, as its message described them
-- (nothing here links them to this office's subjects and assets until someone does).
ALTER TABLE exchange_request ADD COLUMN persons_concerned jsonb NOT NULL DEFAULT '[]';
ALTER TABLE exchange_request ADD COLUMN objects_concerned jsonb NOT NULL DEFAULT '[]';

-- The direct exchange is a channel of its own.
ALTER TABLE exchange_request DROP CONSTRAINT exchange_request_channel_check;
ALTER TABLE exchange_request ADD CONSTRAINT exchange_request_channel_check CHECK (channel IN (
    'aro_siena', 'carin', 'interpol', 'europol', 'eurojust', 'eppo', 'fiu', 'mr_freezing_certificate',
    'mr_confiscation_certificate', 'eio', 'mla', 'arca'));

-- Who this deployment is to its partners: one office of its state, and its key pair.
CREATE TABLE exchange_identity (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    office_code text NOT NULL REFERENCES office (code),
    member_state char(2) NOT NULL REFERENCES deployment (member_state),
    private_key bytea NOT NULL CHECK (length(private_key) = 32),
    public_key bytea NOT NULL CHECK (length(public_key) = 32),
    created_at timestamptz NOT NULL
);

-- The offices this deployment exchanges with, registered by an administrator. A removed
-- partner stays, for the messages that name it.
CREATE TABLE exchange_partner (
    id uuid PRIMARY KEY,
    member_state char(2) NOT NULL CHECK (member_state ~ '^[A-Z]{2}$'),
    office text NOT NULL CHECK (length(office) BETWEEN 1 AND 200),
    inbox_url text NOT NULL CHECK (inbox_url ~ '^https?://'),
    public_key bytea NOT NULL CHECK (length(public_key) = 32),
    registered_at timestamptz NOT NULL,
    registered_by text NOT NULL,
    removed_at timestamptz
);
CREATE UNIQUE INDEX exchange_partner_current_idx ON exchange_partner (member_state, office) WHERE removed_at IS NULL;

-- Messages to partners, each written with the change it announces. Delivered once
-- acknowledged; refused when the partner answered that it will never take it.
CREATE TABLE exchange_outbox (
    message_id uuid PRIMARY KEY,
    -- The order messages were written in: each partner receives them in it.
    position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    partner_id uuid NOT NULL REFERENCES exchange_partner (id),
    message_type text NOT NULL CHECK (message_type IN ('request', 'reply', 'delay_notice', 'refusal', 'status_change')),
    request_id uuid REFERENCES exchange_request (id),
    envelope text NOT NULL,
    created_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error text,
    delivered_at timestamptz,
    acknowledgement text,
    refused_at timestamptz,
    CHECK (delivered_at IS NULL OR refused_at IS NULL),
    CHECK ((delivered_at IS NULL) = (acknowledgement IS NULL))
);
-- What the worker takes next: the messages still to deliver, soonest first.
CREATE INDEX exchange_outbox_due_idx ON exchange_outbox (next_attempt_at, position) WHERE delivered_at IS NULL AND refused_at IS NULL;
-- A request's messages, in order: the worker takes the oldest still to deliver.
CREATE INDEX exchange_outbox_request_idx ON exchange_outbox (request_id, position);

-- The worker is woken when a message is written, not by polling.
CREATE FUNCTION exchange_outbox_announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('arca_outbox', NEW.message_id::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER exchange_outbox_announced AFTER INSERT ON exchange_outbox
    FOR EACH ROW EXECUTE FUNCTION exchange_outbox_announce();

-- Every message received, once: a redelivery finds it here and gets the same acknowledgement.
CREATE TABLE exchange_inbox (
    message_id uuid PRIMARY KEY,
    sender_state char(2) NOT NULL,
    sender_office text NOT NULL,
    message_type text NOT NULL CHECK (message_type IN ('request', 'reply', 'delay_notice', 'refusal', 'status_change')),
    request_id uuid REFERENCES exchange_request (id),
    envelope text NOT NULL,
    received_at timestamptz NOT NULL,
    acknowledgement text NOT NULL
);
CREATE INDEX exchange_inbox_request_idx ON exchange_inbox (request_id, received_at);

CREATE TRIGGER exchange_inbox_append_only
    BEFORE UPDATE OR DELETE ON exchange_inbox
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
