#!/usr/bin/env bash
# Email channel benchmark on one node with a local SMTP sink (GreenMail in the benchmark process):
# draft save latency at 200 requests/s, send acceptance latency, delivery throughput with dry run off.
# usage: bench/email.sh [draft-seconds=20] [send-samples=500] [deliveries=10000]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
draft_seconds=${1:-20}; samples=${2:-500}; deliveries=${3:-10000}
smtp=$(free_port)

build_and_create_database
start_node SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp MC_EMAIL_HOURLY_CAP=1000000 MC_EMAIL_DAILY_CAP=1000000 \
  MC_EMAIL_ALLOWED_FROM_DOMAINS=revo.example MC_SCHEDULER_THREADS=8 MC_SIGNUP_OUTBOUND=approved \
  MC_OUTBOUND_WORKSPACE_HOURLY=-1 MC_OUTBOUND_WORKSPACE_DAILY=-1 MC_OUTBOUND_SENDER_HOURLY=-1 MC_OUTBOUND_SENDER_DAILY=-1 \
  MC_OUTBOUND_INSTALLATION_HOURLY=-1 MC_OUTBOUND_INSTALLATION_DAILY=-1
run_benchmark EmailBenchmark "http://127.0.0.1:$port" "$smtp" "$draft_seconds" "$samples" "$deliveries"
record "Email channel" "bench/email.sh $draft_seconds $samples $deliveries" \
  "dry run off, SMTP sink (GreenMail) in the benchmark process, caps raised, 8 scheduler threads"
