-- Assets and their history (DOMAIN §2, §3.1): events, valuations, and the freezing and
-- confiscation orders that move them (Dir 2014/42 Art 2; Reg 2018/1805).

CREATE TABLE asset (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES case_file (id),
    category text NOT NULL CHECK (category IN (
        'real_estate', 'bank_account', 'cash', 'virtual_asset', 'securities', 'company_interest', 'motor_vehicle',
        'vessel', 'aircraft', 'jewellery_precious_metals', 'luxury_goods', 'art_cultural_goods', 'receivable_claim',
        'ip_right', 'perishable', 'instrumentality', 'other_movable', 'other')),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    vin text CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    land_registry_reference text CHECK (length(land_registry_reference) BETWEEN 1 AND 100),
    wallet_address text CHECK (wallet_address ~ '^[A-Za-z0-9]{20,120}$'),
    registration_mark text CHECK (length(registration_mark) BETWEEN 1 AND 40),
    country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    property_role text CHECK (property_role IN (
        'proceeds_direct', 'proceeds_indirect', 'instrumentality', 'equivalent_value', 'extended', 'unexplained_wealth')),
    state text NOT NULL DEFAULT 'identified' CHECK (state IN (
        'identified', 'traced', 'frozen', 'interim_sold', 'confiscation_ordered', 'confiscation_final', 'recovered',
        'disposed', 'released', 'restituted', 'closed')),
    -- The latest estimate, and the three values DOMAIN §3.1 keeps, each fixed when the
    -- asset reaches that stage; each amount carries its own currency.
    estimated_amount numeric CHECK (estimated_amount >= 0),
    estimated_currency char(3) CHECK (estimated_currency ~ '^[A-Z]{3}$'),
    freezing_amount numeric CHECK (freezing_amount >= 0),
    freezing_currency char(3) CHECK (freezing_currency ~ '^[A-Z]{3}$'),
    confiscation_amount numeric CHECK (confiscation_amount >= 0),
    confiscation_currency char(3) CHECK (confiscation_currency ~ '^[A-Z]{3}$'),
    realised_amount numeric CHECK (realised_amount >= 0),
    realised_currency char(3) CHECK (realised_currency ~ '^[A-Z]{3}$'),
    identified_on date NOT NULL,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((estimated_amount IS NULL) = (estimated_currency IS NULL)),
    CHECK ((freezing_amount IS NULL) = (freezing_currency IS NULL)),
    CHECK ((confiscation_amount IS NULL) = (confiscation_currency IS NULL)),
    CHECK ((realised_amount IS NULL) = (realised_currency IS NULL))
);

CREATE INDEX asset_case_idx ON asset (case_id, created_at, id);
CREATE INDEX asset_list_idx ON asset (identified_on DESC, id DESC);
CREATE INDEX asset_category_idx ON asset (category, case_id);
CREATE INDEX asset_country_idx ON asset (country, case_id);
CREATE INDEX asset_state_idx ON asset (state);
CREATE INDEX asset_iban_idx ON asset (iban) WHERE iban IS NOT NULL;
CREATE INDEX asset_vin_idx ON asset (vin) WHERE vin IS NOT NULL;

CREATE TABLE asset_owner (
    asset_id uuid NOT NULL REFERENCES asset (id),
    subject_id uuid NOT NULL REFERENCES subject (id),
    PRIMARY KEY (asset_id, subject_id)
);

CREATE INDEX asset_owner_subject_idx ON asset_owner (subject_id);

CREATE TABLE valuation (
    id uuid PRIMARY KEY,
    asset_id uuid NOT NULL REFERENCES asset (id),
    valued_on date NOT NULL,
    method text NOT NULL CHECK (method IN ('market', 'book', 'expert', 'sale')),
    amount numeric NOT NULL CHECK (amount >= 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    recorded_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX valuation_asset_idx ON valuation (asset_id, valued_on, created_at);

CREATE TABLE legal_order (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES case_file (id),
    kind text NOT NULL CHECK (kind IN ('freezing', 'confiscation')),
    urgent boolean NOT NULL DEFAULT false,
    confiscation_type text CHECK (confiscation_type IN (
        'standard', 'value', 'extended', 'non_conviction_based', 'third_party', 'unexplained_wealth')),
    issuing_authority text NOT NULL CHECK (length(issuing_authority) BETWEEN 1 AND 300),
    decision_reference text NOT NULL CHECK (length(decision_reference) BETWEEN 1 AND 200),
    decision_date date NOT NULL,
    covered_amount numeric CHECK (covered_amount > 0),
    covered_currency char(3) CHECK (covered_currency ~ '^[A-Z]{3}$'),
    status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'executed', 'lifted')),
    executed_on date,
    lifted_on date,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'confiscation') = (confiscation_type IS NOT NULL)),
    CHECK (NOT urgent OR kind = 'freezing'),
    CHECK ((covered_amount IS NULL) = (covered_currency IS NULL)),
    CHECK (status = 'lifted' OR (status = 'issued') = (executed_on IS NULL)),
    CHECK ((status = 'lifted') = (lifted_on IS NOT NULL))
);

CREATE INDEX legal_order_case_idx ON legal_order (case_id, decision_date);

CREATE TABLE order_asset (
    order_id uuid NOT NULL REFERENCES legal_order (id),
    asset_id uuid NOT NULL REFERENCES asset (id),
    PRIMARY KEY (order_id, asset_id)
);

CREATE INDEX order_asset_asset_idx ON order_asset (asset_id);

-- Every move of an asset, with when, who and why; the asset's state is the last event's.
CREATE TABLE asset_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asset_id uuid NOT NULL REFERENCES asset (id),
    action text NOT NULL CHECK (action IN (
        'identify', 'trace', 'freeze', 'sell_interim', 'order_confiscation', 'finalise_confiscation',
        'record_recovery', 'dispose', 'release', 'restitute', 'close')),
    from_state text,
    to_state text NOT NULL,
    occurred_on date NOT NULL,
    actor_name text NOT NULL,
    reason text CHECK (length(reason) <= 2000),
    order_id uuid REFERENCES legal_order (id),
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX asset_event_asset_idx ON asset_event (asset_id, id);
