-- The token check as Authenticate sends it now: one statement, no BEGIN and COMMIT around it.
SELECT u.id AS uid, u.name, u.role, u.office_code
FROM api_token t JOIN app_user u ON u.id = t.user_id JOIN office o ON o.code = u.office_code
WHERE t.token_hash = :token_hash AND t.revoked_at IS NULL
\gset
