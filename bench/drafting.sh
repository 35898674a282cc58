#!/usr/bin/env bash
# Agents' drafting benchmark on one node in template mode: N fitting contacts are researched, enriched and scored,
# then drafted (generation + the eight checks + writing and submitting each draft), timed per run.
# usage: bench/drafting.sh [leads=1000]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${1:-1000}
db_server=${MC_BENCH_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
db_name="mc_bench_$(date +%s)"
psql_host=$(echo "$db_server" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')
psql_port=$(echo "$db_server" | sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#'); psql_port=${psql_port:-5432}

./mvnw -B -q -DskipTests package test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath > /dev/null
psql -h "$psql_host" -p "$psql_port" -U postgres -qc "create database $db_name"
trap 'kill $app 2> /dev/null || true; wait $app 2> /dev/null || true; psql -h "$psql_host" -p "$psql_port" -U postgres -qc "drop database if exists $db_name with (force)" || true' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SERVER_PORT=$port SPRING_DATASOURCE_URL="jdbc:postgresql://$psql_host:$psql_port/$db_name" SPRING_DATASOURCE_USERNAME=postgres \
  MC_DATA_DIR=target/bench-data MC_JWT_SECRET=bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz \
  MC_BOOTSTRAP_ADMIN_PASSWORD=Bench-Passw0rd-1 MC_LOGIN_FAILURES_PER_ADDRESS=100000 MC_DB_POOL_SIZE=20 MC_LLM_BASE_URL= \
  java -Xmx1g -jar target/mission-control.jar > target/bench-app.log 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.5; done

out=$(java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  ai.revo.missioncontrol.bench.DraftingBenchmark "http://127.0.0.1:$port" "$leads" | grep '^RESULT')
echo "$out"

{
  echo
  echo "### Agents' drafting chain (template mode) — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- Command: \`bench/drafting.sh $leads\`"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
  echo "- Node: one, \`-Xmx1g\`, template mode (no LLM), PostgreSQL $(psql -h "$psql_host" -p "$psql_port" -U postgres -tAc 'show server_version' | cut -d' ' -f1) on the same machine; durations are the runs' own (first claim to finish)"
  echo
  echo '```'
  echo "$out" | sed 's/^RESULT //'
  echo '```'
} >> docs/benchmarks.md
