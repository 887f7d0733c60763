BEGIN;
SELECT u.id AS uid, u.name, u.role, u.office_code
FROM api_token t JOIN app_user u ON u.id = t.user_id
WHERE t.token_hash = :token_hash AND t.revoked_at IS NULL
\gset
COMMIT;
