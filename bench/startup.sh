#!/usr/bin/env bash
# Cold start of the fat jar with the embedded PostgreSQL, the way a new user runs it: `java -jar
# target/mission-control.jar` on a fresh data directory until GET /health answers UP, then a restart on the data it
# left. Beside each, the raw limits measured in the same run: the JVM starting and exiting (`java -version`), and
# PostgreSQL alone (the machine's own server binaries: initdb of a fresh cluster and a start until it accepts
# connections; a start of the existing cluster).
# usage: bench/startup.sh [runs=1]
# Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
./mvnw -B -q -DskipTests package
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
now_ms() { date +%s%3N; }
work=$(mktemp -d /tmp/mc-startup-XXXXXX)
app=
trap 'kill $app 2> /dev/null || true; wait $app 2> /dev/null || true; rm -rf "$work"' EXIT

# start_until_up DATA_DIR : sets $elapsed to the milliseconds from launch until /health answers UP; the node keeps running
start_until_up() {
  local port t0 t1
  port=$(free_port)
  t0=$(now_ms)
  env -u SPRING_DATASOURCE_URL SERVER_PORT=$port MC_DATA_DIR="$1" MC_BOOTSTRAP_ADMIN_PASSWORD=Bench-Passw0rd-1 \
    java -jar target/mission-control.jar > "$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/health" 2> /dev/null | grep -q '"status":"UP"'; then break; fi
    sleep 0.05
  done
  t1=$(now_ms)
  curl -fs "http://127.0.0.1:$port/health" | grep -q '"status":"UP"' || { echo "node did not come up" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  elapsed=$((t1 - t0))
}

stop_node() {
  kill "$app"; wait "$app" 2> /dev/null || true; app=
}

out=""
for r in $(seq 1 "$runs"); do
  data="$work/data-$r"
  start_until_up "$data"; fresh=$elapsed
  stop_node
  start_until_up "$data"; restart=$elapsed
  stop_node
  echo "product run=$r fresh_ms=$fresh restart_ms=$restart" >&2
  # raw limits, same run: the JVM alone, and PostgreSQL alone (the server's own initdb and pg_ctl, run as the
  # postgres user: initdb refuses root)
  t0=$(now_ms); java -version > /dev/null 2>&1; jvm=$(($(now_ms) - t0))
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg=$(mktemp -d /tmp/mc-startup-pg-XXXXXX); chown postgres "$pg"; pgport=$(free_port)
  as_pg() { runuser -u postgres -- "$@"; }
  t0=$(now_ms)
  as_pg "$bin/initdb" -A trust -U postgres -D "$pg/data" -E UTF-8 > /dev/null
  as_pg "$bin/pg_ctl" -D "$pg/data" -o "-p $pgport -c listen_addresses=localhost -k $pg" -w -l "$pg/log" start > /dev/null
  pg_fresh=$(($(now_ms) - t0))
  as_pg "$bin/pg_ctl" -D "$pg/data" -w -m fast stop > /dev/null
  t0=$(now_ms)
  as_pg "$bin/pg_ctl" -D "$pg/data" -o "-p $pgport -c listen_addresses=localhost -k $pg" -w -l "$pg/log" start > /dev/null
  pg_restart=$(($(now_ms) - t0))
  as_pg "$bin/pg_ctl" -D "$pg/data" -w -m fast stop > /dev/null
  rm -rf "$pg"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  line="RESULT run=$r fresh_data_dir_health_up_ms=$fresh (target <= 15000) restart_health_up_ms=$restart (target <= 10000)"
  line="$line raw: jvm_version_ms=$jvm postgres_initdb_and_start_ms=$pg_fresh postgres_restart_ms=$pg_restart load_average=\"$load\""
  echo "$line"
  out="$out$line"$'\n'
done
{
  echo
  echo "### Cold start — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- Command: \`bench/startup.sh $runs\`"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
  echo "- Node: \`java -jar target/mission-control.jar\` with no JVM options, embedded PostgreSQL in the data directory, defaults"
  echo
  echo '```'
  printf '%s' "$out" | sed 's/^RESULT //'
  echo '```'
} >> docs/benchmarks.md
