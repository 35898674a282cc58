#!/usr/bin/env bash
# Contact import benchmark: a CSV of N new contacts uploaded, checked and imported through the product's API on one
# node (the real path: multipart upload, whole-file check, db-scheduler run in batches of 1,000), against a raw
# baseline in the same run: PostgreSQL COPY of the same rows into a table shaped like contacts with its indexes.
# usage: bench/import.sh [rows=100000]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rows=${1:-100000}

build_and_create_database
start_node MC_LLM_BASE_URL= MC_DEMO_DATA=false ${MC_BENCH_JAVA_OPTS:+JAVA_TOOL_OPTIONS="$MC_BENCH_JAVA_OPTS"}
# a loaded machine can take minutes to start a node: wait for it (start_node waits three)
for _ in $(seq 1 900); do curl -fs "http://127.0.0.1:$port/health" > /dev/null && break; sleep 1; done
run_benchmark ImportBenchmark "http://127.0.0.1:$port" "jdbc:postgresql://$psql_host:$psql_port/$db_name" "$rows"
record "Contact import of $rows rows" "bench/import.sh $rows" \
  "template mode; client, node and PostgreSQL on the same machine"
