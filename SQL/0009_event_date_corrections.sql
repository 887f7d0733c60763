-- A wrong event date is corrected by a new event that says so (DOMAIN §3.1): the ledger
-- keeps the event as first recorded and the correction that names it and the right date.
ALTER TABLE asset_event
    ADD COLUMN corrects_event_id bigint REFERENCES asset_event (id),
    ADD COLUMN corrected_on date,
    ADD CONSTRAINT asset_event_correction_check CHECK (
        (action = 'correct_date') = (corrects_event_id IS NOT NULL AND corrected_on IS NOT NULL));

ALTER TABLE asset_event DROP CONSTRAINT asset_event_action_check;
ALTER TABLE asset_event ADD CONSTRAINT asset_event_action_check CHECK (action IN (
    'identify', 'trace', 'freeze', 'sell_interim', 'order_confiscation', 'finalise_confiscation',
    'record_recovery', 'dispose', 'release', 'restitute', 'close', 'order_lifted', 'confiscation_lifted',
    'correct_date'));
