-- A user can be disabled (issue 8: a token check served from memory must stop at once when a
-- token is revoked or a user disabled). A disabled user's tokens are refused, none can be
-- issued, and no operating-system account acts as them at the command line; enabled again,
-- they need a new token. Every user recorded so far stays enabled. Migration 0013's trigger on
-- app_user already announces the change to every server's token cache.
ALTER TABLE app_user
    ADD COLUMN disabled_at timestamptz,
    ADD COLUMN disabled_reason text CHECK (length(disabled_reason) BETWEEN 1 AND 2000),
    ADD CONSTRAINT app_user_disabled_with_reason CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL));
