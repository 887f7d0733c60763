-- Cases (DOMAIN §2, §3.2), the offices a case is shared with, and the persons in a case.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Case numbers are counted per office and year: BE-2026-000123.
CREATE TABLE case_reference_counter (
    office_code text NOT NULL REFERENCES office (code),
    year integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    last_number integer NOT NULL CHECK (last_number BETWEEN 1 AND 999999),
    PRIMARY KEY (office_code, year)
);

CREATE TABLE case_file (
    id uuid PRIMARY KEY,
    reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z]{2}[A-Z0-9]{0,6}-[0-9]{4}-[0-9]{6}$'),
    office_code text NOT NULL REFERENCES office (code),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    offences text[] NOT NULL CHECK (
        cardinality(offences) BETWEEN 1 AND 20
        AND offences <@ ARRAY[
            'participation_in_criminal_organisation', 'terrorism', 'trafficking_in_human_beings',
            'sexual_exploitation_of_children', 'drug_trafficking', 'arms_trafficking', 'corruption', 'fraud',
            'money_laundering', 'counterfeiting_currency', 'computer_crime', 'environmental_crime',
            'facilitation_of_unauthorised_entry', 'murder_or_grievous_bodily_injury', 'organ_trafficking',
            'kidnapping', 'racism_and_xenophobia', 'organised_or_armed_robbery', 'cultural_goods_trafficking',
            'swindling', 'racketeering_and_extortion', 'counterfeiting_and_piracy_of_products',
            'forgery_of_administrative_documents', 'forgery_of_means_of_payment', 'hormonal_substances_trafficking',
            'nuclear_materials_trafficking', 'stolen_vehicles_trafficking', 'rape', 'arson',
            'international_criminal_court_crimes', 'unlawful_seizure_of_aircraft_or_ships', 'sabotage',
            'violation_of_union_restrictive_measures', 'tax_crime', 'other'
        ]::text[]
    ),
    opened_on date NOT NULL,
    status text NOT NULL DEFAULT 'opened' CHECK (status IN (
        'opened', 'tracing', 'freezing', 'management', 'judicial_phase', 'confiscation', 'enforcement',
        'disposal', 'closed')),
    origin text NOT NULL CHECK (origin IN (
        'domestic_referral', 'incoming_request', 'spontaneous_information', 'incoming_certificate')),
    criminal_file_reference text CHECK (length(criminal_file_reference) BETWEEN 1 AND 200),
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Lists page by (opened_on, id) within what an office may see.
CREATE INDEX case_file_office_idx ON case_file (office_code, opened_on DESC, id DESC);
CREATE INDEX case_file_opened_idx ON case_file (opened_on DESC, id DESC);
CREATE INDEX case_file_status_idx ON case_file (status);
CREATE INDEX case_file_offences_idx ON case_file USING gin (offences);
CREATE INDEX case_file_search_idx ON case_file USING gin ((reference || ' ' || title) gin_trgm_ops);

-- A case is seen by its own office and by the offices it is shared with.
CREATE TABLE case_grant (
    case_id uuid NOT NULL REFERENCES case_file (id),
    office_code text NOT NULL REFERENCES office (code),
    granted_at timestamptz NOT NULL DEFAULT now(),
    granted_by text NOT NULL,
    PRIMARY KEY (case_id, office_code)
);

CREATE INDEX case_grant_office_idx ON case_grant (office_code, case_id);

CREATE TABLE subject (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES case_file (id),
    kind text NOT NULL CHECK (kind IN ('natural_person', 'legal_person')),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    birth_date date,
    nationality char(2) CHECK (nationality ~ '^[A-Z]{2}$'),
    registration_number text CHECK (length(registration_number) BETWEEN 1 AND 100),
    seat_country char(2) CHECK (seat_country ~ '^[A-Z]{2}$'),
    role text NOT NULL CHECK (role IN ('suspect', 'accused', 'convicted_person', 'owner', 'third_party', 'victim')),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (
        (kind = 'natural_person' AND registration_number IS NULL AND seat_country IS NULL)
        OR (kind = 'legal_person' AND birth_date IS NULL AND nationality IS NULL)
    )
);

CREATE INDEX subject_case_idx ON subject (case_id);
CREATE INDEX subject_name_idx ON subject USING gin (name gin_trgm_ops);

-- POST requests replayed under the same Idempotency-Key get the first response back.
CREATE TABLE idempotency_record (
    user_id uuid NOT NULL REFERENCES app_user (id),
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash char(64) NOT NULL,
    status integer NOT NULL,
    headers jsonb NOT NULL DEFAULT '{}',
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
