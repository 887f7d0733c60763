-- One deployment serves one Member State's offices (DOMAIN §1): the state of its first
-- office. "Today" is each office's local date, in its time zone (DOMAIN §4, §5.1).

CREATE TABLE deployment (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    member_state char(2) NOT NULL UNIQUE CHECK (member_state ~ '^[A-Z]{2}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Carried forward: the state of the first office registered.
INSERT INTO deployment (member_state, created_at)
SELECT member_state, created_at FROM office ORDER BY created_at, code LIMIT 1;

-- NOT VALID: an office of another state registered before this rule stays readable; every
-- office added or changed from now on must be of the deployment's state.
ALTER TABLE office ADD CONSTRAINT office_deployment_state_fk
    FOREIGN KEY (member_state) REFERENCES deployment (member_state) NOT VALID;

ALTER TABLE office ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Brussels'
    CHECK (time_zone ~ '^[A-Za-z]+(/[A-Za-z0-9_+-]+)*$' AND length(time_zone) <= 64);
