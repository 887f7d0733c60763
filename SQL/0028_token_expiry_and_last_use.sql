-- API tokens expire (issue 11; Dir 2016/680 Art 29: access control): each is valid until the
-- day the `token.lifetime` setting (90 days by default) gave it when it was issued, and keeps
-- when it was last used. Tokens issued before this migration keep 90 days from their issue, and
-- at least 30 days from now, so that no one is locked out the day it lands.
ALTER TABLE api_token
    ADD COLUMN expires_at timestamptz,
    ADD COLUMN last_used_at timestamptz;

UPDATE api_token SET expires_at = greatest(issued_at + interval '90 days', now() + interval '30 days');

ALTER TABLE api_token
    ALTER COLUMN expires_at SET NOT NULL,
    ADD CONSTRAINT api_token_expires_after_issue CHECK (expires_at > issued_at);

-- The last use is written when a server checks the token in the database (at most once a
-- minute per token and server, its cache's lifetime): that is no change of what the token
-- grants, so it announces nothing; a revocation or a new expiry still does.
DROP TRIGGER api_token_access_changed ON api_token;
CREATE TRIGGER api_token_access_changed
    AFTER UPDATE OF user_id, token_hash, revoked_at, expires_at OR DELETE OR TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION announce_access_change();
