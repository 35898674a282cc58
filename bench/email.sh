#!/usr/bin/env bash
# Email channel benchmark on one node with a local SMTP sink (GreenMail in the benchmark process):
# draft save latency at 200 requests/s, send acceptance latency, delivery throughput with dry run off.
# usage: bench/email.sh [draft-seconds=20] [send-samples=500] [deliveries=10000]
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
draft_seconds=${1:-20}; samples=${2:-500}; deliveries=${3:-10000}
smtp=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
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
  MC_BOOTSTRAP_ADMIN_PASSWORD=Bench-Passw0rd-1 MC_LOGIN_FAILURES_PER_ADDRESS=100000 MC_DB_POOL_SIZE=20 SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp \
  MC_EMAIL_HOURLY_CAP=1000000 MC_EMAIL_DAILY_CAP=1000000 MC_EMAIL_ALLOWED_FROM_DOMAINS=revo.example MC_SCHEDULER_THREADS=8 \
  java -Xmx1g -jar target/mission-control.jar > target/bench-app.log 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.5; done

out=$(java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  ai.revo.missioncontrol.bench.EmailBenchmark "http://127.0.0.1:$port" "$smtp" "$draft_seconds" "$samples" "$deliveries" | grep '^RESULT')
echo "$out"

{
  echo
  echo "### Email channel — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- Command: \`bench/email.sh $draft_seconds $samples $deliveries\`"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
  echo "- Node: one, \`-Xmx1g\`, dry run off, SMTP sink (GreenMail) in the benchmark process, caps raised, 8 scheduler threads, PostgreSQL $(psql -h "$psql_host" -p "$psql_port" -U postgres -tAc 'show server_version' | cut -d' ' -f1) on the same machine"
  echo
  echo '```'
  echo "$out" | sed 's/^RESULT //'
  echo '```'
} >> docs/benchmarks.md
