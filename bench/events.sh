#!/usr/bin/env bash
# Event backbone benchmark on one node: commit-to-SSE latency with many clients, and audited writes/s into the log
# (8 workspaces in parallel, then one busy workspace), each beside the raw baseline measured in the same run:
# pgbench single-row inserts with as many clients as writers, same server.
# usage: bench/events.sh [clients=1000] [events=100] [throughput-seconds=15] [writers=8]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
clients=${1:-1000}; events=${2:-100}; seconds=${3:-15}; writers=${4:-8}

build_and_create_database
start_node
raw_tps=$(pgbench_insert_tps "$writers" "$seconds")
run_benchmark EventsBenchmark "http://127.0.0.1:$port" "$clients" "$events" "$seconds" "$writers" "$raw_tps"
record "Event backbone" "bench/events.sh $clients $events $seconds $writers" \
  "no Redis (in-process fan-out); client on the same machine"
