#!/usr/bin/env bash
# Refreshes the UI's API types after a change to the HTTP API: asks the server for its OpenAPI
# document (`forno openapi`, no data dir needed) and generates ui/src/api/schema.d.ts from it.
# Commit both files; `cargo test --test api openapi` and `npm run lint` fail while either is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --bin forno -- openapi > ui/src/api/openapi.json
cd ui
[ -d node_modules ] || npm ci --no-audit --no-fund
node scripts/api-types.js
echo "api-types: wrote ui/src/api/openapi.json and ui/src/api/schema.d.ts"
