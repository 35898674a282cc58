#!/usr/bin/env bash
# Global search benchmark: one workspace with N contacts (a fifth of them leads), GET /api/v1/search timed one
# query at a time against a raw SQL baseline (the same six statements over plain JDBC) in the same run.
# usage: bench/search.sh [contacts=100000] [rounds=60]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
contacts=${1:-100000}
rounds=${2:-60}

build_and_create_database
start_node MC_LLM_BASE_URL=
run_benchmark SearchBenchmark "http://127.0.0.1:$port" "jdbc:postgresql://$psql_host:$psql_port/$db_name" \
  "$contacts" "$rounds"
record "Global search at $contacts contacts" "bench/search.sh $contacts $rounds" \
  "template mode; one query at a time, client on the same machine"
