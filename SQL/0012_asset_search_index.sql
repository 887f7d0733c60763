-- A contains-search over an asset's description and identifiers answers from a trigram index
-- instead of reading every asset. The expression is the one the asset list's `q` filter uses
-- (AssetRepository); `concat_ws` is only STABLE, so the text is joined with `||`.
CREATE INDEX asset_search_idx ON asset USING gin ((
    description || ' ' || coalesce(iban, '') || ' ' || coalesce(vin, '') || ' ' || coalesce(land_registry_reference, '')
        || ' ' || coalesce(wallet_address, '') || ' ' || coalesce(registration_mark, '')
) gin_trgm_ops);
