#!/usr/bin/env bash
# Agents' drafting benchmark on one node in template mode: N fitting contacts are researched, enriched and scored,
# then drafted (generation + the eight checks + writing and submitting each draft), timed per run.
# usage: bench/drafting.sh [leads=1000]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
leads=${1:-1000}

build_and_create_database
start_node MC_LLM_BASE_URL=
run_benchmark DraftingBenchmark "http://127.0.0.1:$port" "$leads"
record "Agents' drafting chain (template mode)" "bench/drafting.sh $leads" \
  "template mode (no LLM); durations are the runs' own (first claim to finish)"
