-- The command line acts as a user only for the operating-system account mapped to that user
-- (issue 11): `arca ... --as j.peeters` run by another account is refused unless it gives
-- j.peeters' own token. Existing users are mapped to no account: an administrator maps them
-- (`arca user map-os-account`), and until then they act through their tokens.
ALTER TABLE app_user ADD COLUMN os_account text CHECK (os_account ~ '^[a-z_][a-z0-9_.-]{0,31}$');
