-- Deployment settings an administrator may change (`arca settings set`): the defaults of the
-- rules with numbers (DOMAIN §4), such as the deadlines of cross-border requests and the
-- sharing of money realised under Reg 2018/1805 Art 30. A setting without a row has its
-- default, which the code holds with its legal source; a row holds the value chosen, in the
-- one form ARCA writes it. Who changed what is in the audit trail (entity `setting`).
CREATE TABLE setting (
    key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
    value text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    changed_at timestamptz NOT NULL DEFAULT now()
);
