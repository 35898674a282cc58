#!/usr/bin/env bash
# Knowledge benchmark: ingestion of a document of S sections (one passage each) through the API against the raw
# embedding model on the same texts in the same run, then hybrid retrieval (GET /api/v1/knowledge/search, both legs)
# with the workspace filled to P passages, the index's memory measured on the node's live heap.
# usage: bench/knowledge.sh [sections=2000] [passages=100000] [rounds=5]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
sections=${1:-2000}
passages=${2:-100000}
rounds=${3:-5}

build_and_create_database
start_node MC_LLM_BASE_URL=
run_benchmark KnowledgeBenchmark "http://127.0.0.1:$port" "jdbc:postgresql://$psql_host:$psql_port/$db_name" \
  "$app" "$sections" "$passages" "$rounds"
record "Knowledge ingestion and retrieval at $passages passages" "bench/knowledge.sh $sections $passages $rounds" \
  "local embedding model, template mode; one query at a time, client on the same machine"
