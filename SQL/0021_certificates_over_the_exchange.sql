-- Certificates exchanged directly between ARCA deployments (issue 9). A certificate received
-- from a partner arrives before anyone here has recorded the order it carries: it waits,
-- with the order as the issuing state described it, until a liaison officer links it to the
-- order recorded in a case of this office (opened for it, or one that exists). Until then it
-- can be refused or withdrawn, nothing else.
ALTER TABLE certificate ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE certificate ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE certificate ADD CONSTRAINT certificate_order_in_case CHECK (order_id IS NULL OR case_id IS NOT NULL);
ALTER TABLE certificate ADD CONSTRAINT certificate_unlinked_incoming
    CHECK (order_id IS NOT NULL OR (direction = 'incoming' AND state IN ('received', 'refused', 'withdrawn', 'closed')));
ALTER TABLE certificate ADD COLUMN order_described jsonb;

-- The issuing state says in the certificate that a freeze is urgent (Art 9(3)): an outgoing
-- freezing certificate carries its urgency as an incoming one does.
ALTER TABLE certificate DROP CONSTRAINT certificate_urgency_freezing;
ALTER TABLE certificate ADD CONSTRAINT certificate_urgency_freezing CHECK (urgency_reason IS NULL OR kind = 'freezing');

-- The direct exchange is a channel for certificates too.
ALTER TABLE certificate DROP CONSTRAINT certificate_channel_check;
ALTER TABLE certificate ADD CONSTRAINT certificate_channel_check
    CHECK (channel IN ('mr_freezing_certificate', 'mr_confiscation_certificate', 'arca'));

-- Messages about a certificate, in the outbox and the inbox, as messages about a request.
-- A message is about one request or one certificate: its thread, in which the partner
-- receives them in order.
ALTER TABLE exchange_outbox DROP CONSTRAINT exchange_outbox_message_type_check;
ALTER TABLE exchange_outbox ADD CONSTRAINT exchange_outbox_message_type_check CHECK (message_type IN (
    'request', 'reply', 'delay_notice', 'refusal', 'status_change', 'certificate', 'certificate_status'));
ALTER TABLE exchange_outbox ADD COLUMN certificate_id uuid REFERENCES certificate (id);
ALTER TABLE exchange_outbox ADD CONSTRAINT exchange_outbox_one_thread CHECK (num_nonnulls(request_id, certificate_id) = 1);
ALTER TABLE exchange_outbox ADD COLUMN thread_id uuid GENERATED ALWAYS AS (coalesce(request_id, certificate_id)) STORED;
DROP INDEX exchange_outbox_request_idx;
CREATE INDEX exchange_outbox_thread_idx ON exchange_outbox (thread_id, position);

ALTER TABLE exchange_inbox DROP CONSTRAINT exchange_inbox_message_type_check;
ALTER TABLE exchange_inbox ADD CONSTRAINT exchange_inbox_message_type_check CHECK (message_type IN (
    'request', 'reply', 'delay_notice', 'refusal', 'status_change', 'certificate', 'certificate_status'));
ALTER TABLE exchange_inbox ADD COLUMN certificate_id uuid REFERENCES certificate (id);
ALTER TABLE exchange_inbox ADD CONSTRAINT exchange_inbox_one_thread CHECK (num_nonnulls(request_id, certificate_id) = 1);
CREATE INDEX exchange_inbox_certificate_idx ON exchange_inbox (certificate_id, received_at) WHERE certificate_id IS NOT NULL;
