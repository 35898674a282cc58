#!/usr/bin/env bash
# Composer answer times on one node against GET /health, same client, same run, 16 concurrent clients: draft
# autosave p95 (target <= 3x health p95) and send acceptance p95 (target <= 5x), dry run off, caps raised, delivery
# to a local SMTP sink (GreenMail in the benchmark process).
# usage: bench/latency.sh [clients=16] [requests-per-client=50]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server); a fresh database is created for the run.
# Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
clients=${1:-16}; per_client=${2:-50}
smtp=$(free_port)

build_and_create_database
start_node SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp MC_EMAIL_HOURLY_CAP=1000000 MC_EMAIL_DAILY_CAP=1000000 \
  MC_EMAIL_ALLOWED_FROM_DOMAINS=revo.example MC_SIGNUP_OUTBOUND=approved \
  MC_OUTBOUND_WORKSPACE_HOURLY=-1 MC_OUTBOUND_WORKSPACE_DAILY=-1 MC_OUTBOUND_SENDER_HOURLY=-1 MC_OUTBOUND_SENDER_DAILY=-1 \
  MC_OUTBOUND_INSTALLATION_HOURLY=-1 MC_OUTBOUND_INSTALLATION_DAILY=-1
run_benchmark LatencyBenchmark "http://127.0.0.1:$port" "$smtp" "$clients" "$per_client"
record "Composer latency against GET /health" "bench/latency.sh $clients $per_client" \
  "dry run off, SMTP sink (GreenMail) in the benchmark process, caps raised, $clients concurrent clients"
