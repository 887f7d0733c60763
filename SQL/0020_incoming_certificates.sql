-- Incoming freezing and confiscation certificates (issue 9, DOMAIN §3.4, §4): the clock of
-- the recognition decision (48 hours for an urgent freeze, Reg 2018/1805 Art 9(3); 45 days
-- for a confiscation, Art 20(1)), stored when it starts so that a later change of the
-- settings never moves it, with the time the decision was taken; and, for a confiscation,
-- how the money realised was shared with the issuing state (Art 30), with the rule that
-- produced the split.
ALTER TABLE certificate ADD COLUMN urgency_reason text CHECK (length(urgency_reason) BETWEEN 1 AND 2000);
ALTER TABLE certificate ADD COLUMN deadline_rule text CHECK (deadline_rule IN ('freezing_urgent', 'confiscation'));
ALTER TABLE certificate ADD COLUMN deadline_period text;
ALTER TABLE certificate ADD COLUMN clock_started_at timestamptz;
ALTER TABLE certificate ADD COLUMN deadline_at timestamptz;
ALTER TABLE certificate ADD COLUMN decided_at timestamptz;
ALTER TABLE certificate ADD CONSTRAINT certificate_clock_whole
    CHECK ((deadline_rule IS NULL) = (deadline_at IS NULL) AND (deadline_rule IS NULL) = (deadline_period IS NULL)
        AND (deadline_rule IS NULL) = (clock_started_at IS NULL));
ALTER TABLE certificate ADD CONSTRAINT certificate_clock_incoming CHECK (deadline_rule IS NULL OR direction = 'incoming');
ALTER TABLE certificate ADD CONSTRAINT certificate_urgency_freezing CHECK (urgency_reason IS NULL OR (direction = 'incoming' AND kind = 'freezing'));
-- "What is late": the incoming certificates still waiting for their recognition decision.
CREATE INDEX certificate_deadline_idx ON certificate (office_code, deadline_at)
    WHERE deadline_at IS NOT NULL AND decided_at IS NULL AND state NOT IN ('withdrawn', 'closed');

CREATE TABLE certificate_sharing (
    certificate_id uuid PRIMARY KEY REFERENCES certificate (id),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    realised numeric NOT NULL CHECK (realised >= 0),
    to_victims numeric NOT NULL CHECK (to_victims >= 0),
    to_issuing_state numeric NOT NULL CHECK (to_issuing_state >= 0),
    kept numeric NOT NULL CHECK (kept >= 0),
    basis text NOT NULL CHECK (basis IN ('at_or_below_threshold', 'above_threshold', 'bilateral')),
    -- The rule as it stood: the threshold (none for a bilateral share) and the percentage.
    threshold numeric,
    threshold_currency char(3),
    issuing_state_percent numeric NOT NULL CHECK (issuing_state_percent BETWEEN 0 AND 100),
    source text NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by text NOT NULL,
    CHECK (to_victims + to_issuing_state + kept = realised),
    CHECK ((basis = 'bilateral') = (threshold IS NULL) AND (threshold IS NULL) = (threshold_currency IS NULL))
);

CREATE TRIGGER certificate_sharing_append_only
    BEFORE UPDATE OR DELETE ON certificate_sharing
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
