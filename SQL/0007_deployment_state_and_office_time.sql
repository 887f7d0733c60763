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

-- Carried forward: each existing office works in its state's capital's time zone.
UPDATE office SET time_zone = CASE member_state
    WHEN 'AT' THEN 'Europe/Vienna' WHEN 'BE' THEN 'Europe/Brussels' WHEN 'BG' THEN 'Europe/Sofia' WHEN 'HR' THEN 'Europe/Zagreb'
    WHEN 'CY' THEN 'Asia/Nicosia' WHEN 'CZ' THEN 'Europe/Prague' WHEN 'DK' THEN 'Europe/Copenhagen' WHEN 'EE' THEN 'Europe/Tallinn'
    WHEN 'FI' THEN 'Europe/Helsinki' WHEN 'FR' THEN 'Europe/Paris' WHEN 'DE' THEN 'Europe/Berlin' WHEN 'GR' THEN 'Europe/Athens'
    WHEN 'HU' THEN 'Europe/Budapest' WHEN 'IE' THEN 'Europe/Dublin' WHEN 'IT' THEN 'Europe/Rome' WHEN 'LV' THEN 'Europe/Riga'
    WHEN 'LT' THEN 'Europe/Vilnius' WHEN 'LU' THEN 'Europe/Luxembourg' WHEN 'MT' THEN 'Europe/Malta' WHEN 'NL' THEN 'Europe/Amsterdam'
    WHEN 'PL' THEN 'Europe/Warsaw' WHEN 'PT' THEN 'Europe/Lisbon' WHEN 'RO' THEN 'Europe/Bucharest' WHEN 'SK' THEN 'Europe/Bratislava'
    WHEN 'SI' THEN 'Europe/Ljubljana' WHEN 'ES' THEN 'Europe/Madrid' WHEN 'SE' THEN 'Europe/Stockholm'
    ELSE time_zone END;
