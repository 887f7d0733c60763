#!/bin/sh
# Run once by the postgres image on its first start: the application role ARCA's server
# connects as (migration 0026 grants what it may do; the owner `arca` runs the migrations).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_password="$ARCA_APP_PASSWORD" <<'SQL'
CREATE ROLE arca_app LOGIN PASSWORD :'app_password';
SQL
