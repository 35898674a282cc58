# Shared by the bench/ commands (source it): builds the jar and the test classes, creates a fresh database on the
# PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server), starts one node on it with the extra environment
# given to start_node, runs a benchmark class, and records its RESULT lines in docs/benchmarks.md.
db_server=${MC_BENCH_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}
db_name="mc_bench_$(date +%s)"
psql_host=$(echo "$db_server" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')
psql_port=$(echo "$db_server" | sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#'); psql_port=${psql_port:-5432}
app=

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# MC_BENCH_FROM_CLASSES=1 skips the build and runs the node from target/classes (compiled already, e.g. by a test run
# in the same checkout) with the dependencies on the class path, instead of the packaged jar
build_and_create_database() {
  if [ "${MC_BENCH_FROM_CLASSES:-}" != 1 ]; then ./mvnw -B -q -DskipTests package test-compile; fi
  [ -s target/bench.classpath ] && [ "${MC_BENCH_FROM_CLASSES:-}" = 1 ] || \
    ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath > /dev/null
  psql -h "$psql_host" -p "$psql_port" -U postgres -qc "create database $db_name"
  trap 'kill $app 2> /dev/null || true; wait $app 2> /dev/null || true; psql -h "$psql_host" -p "$psql_port" -U postgres -qc "drop database if exists $db_name with (force)" || true' EXIT
}

# start_node VAR=value ... : one node with -Xmx1g on the fresh database; sets $port and waits until it is healthy
# (MC_BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=target/bench.jfr,settings=profile;
# MC_BENCH_PORT a fixed port, MC_BENCH_LOG the log file, for several nodes)
start_node() {
  port=${MC_BENCH_PORT:-$(free_port)}
  env "$@" SERVER_PORT=$port SPRING_DATASOURCE_URL="jdbc:postgresql://$psql_host:$psql_port/$db_name" \
    SPRING_DATASOURCE_USERNAME=postgres MC_DATA_DIR=target/bench-data \
    MC_JWT_SECRET=bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz MC_BOOTSTRAP_ADMIN_PASSWORD=Bench-Passw0rd-1 \
    MC_LOGIN_FAILURES_PER_ADDRESS=100000 MC_SIGNUPS_PER_ADDRESS=100000 MC_DB_POOL_SIZE=20 \
    MC_API_LIMITS_ENABLED=${MC_API_LIMITS_ENABLED:-false} \
    java -Xmx1g ${MC_BENCH_JAVA_OPTS:-} $(if [ "${MC_BENCH_FROM_CLASSES:-}" = 1 ]; then
      echo "-cp target/classes:$(cat target/bench.classpath) ai.revo.missioncontrol.MissionControlApplication"
    else echo "-jar target/mission-control.jar"; fi) > "${MC_BENCH_LOG:-target/bench-app.log}" 2>&1 &
  app=$!
  for _ in $(seq 1 ${MC_BENCH_START_TRIES:-1200}); do curl -fs "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.5; done
}

# run_benchmark Class args... : prints and keeps (in $out) the RESULT lines of ai.revo.missioncontrol.bench.Class
run_benchmark() {
  local class=$1; shift
  out=$(java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    "ai.revo.missioncontrol.bench.$class" "$@" | grep '^RESULT')
  echo "$out"
}

# record "Title" "command" "node description" : appends the run to docs/benchmarks.md
record() {
  {
    echo
    echo "### $1 — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "- Command: \`$2\`"
    echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
    echo "- Node: one, \`-Xmx1g\`, $3, PostgreSQL $(psql -h "$psql_host" -p "$psql_port" -U postgres -tAc 'show server_version' | cut -d' ' -f1) on the same machine"
    echo
    echo '```'
    echo "$out" | sed 's/^RESULT //'
    echo '```'
  } >> docs/benchmarks.md
}

# pgbench_insert_tps CLIENTS SECONDS : the raw baseline, single-row inserts (a uuid, a small jsonb, a timestamp) into
# a table of the benchmark's database on the same server, one transaction each; prints the tps
pgbench_insert_tps() {
  psql -h "$psql_host" -p "$psql_port" -U postgres -d "$db_name" -qc \
    "create table if not exists bench_raw_insert (id bigserial primary key, tenant_id uuid not null, payload jsonb not null, created_at timestamptz not null default now())"
  echo "insert into bench_raw_insert (tenant_id, payload) values (gen_random_uuid(), '{\"type\": \"raw\"}');" > target/bench-insert.sql
  pgbench -h "$psql_host" -p "$psql_port" -U postgres -n -c "$1" -j 2 -T "$2" -f target/bench-insert.sql "$db_name" 2> /dev/null \
    | awk '/^tps/ {printf "%.0f\n", $3}'
}
