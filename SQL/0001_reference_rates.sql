-- ECB euro foreign-exchange reference rates: statistics for the Commission are reported in
-- EUR, converted at the rate of the day a value was fixed (DOMAIN §2), and each figure
-- stores the rate it used. One row per day and currency: 1 EUR = rate units of currency.
CREATE TABLE reference_rate (
    day date NOT NULL,
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$' AND currency <> 'EUR'),
    rate numeric(20, 10) NOT NULL CHECK (rate > 0),
    source text NOT NULL DEFAULT 'ECB',
    PRIMARY KEY (day, currency)
);

COMMENT ON TABLE reference_rate IS 'ECB euro reference rates: 1 EUR = rate units of currency on day';
