#!/usr/bin/env bash
# Issue 19's kill -9 run: two nodes sharing one PostgreSQL (a fresh database) and one Redis (started here), relay
# Postfix's smtp-sink (-c counts every message). FaultsBenchmark sends a steady mixed load (a campaign write, a draft
# save and an email send per round, each retried on the other node with the same Idempotency-Key when a node is
# gone) while every KILL_EVERY seconds one node, in turn, gets kill -9 and is restarted on its port. After SECONDS
# the killing stops, both nodes are awaited healthy, and the client checks: acknowledged campaigns present once, feed
# seqs 1..N with no gap or duplicate, every acknowledged send SENT once, smtp-sink's count equal to the product's SENT.
# usage: bench/faults.sh [seconds=300] [kill-every=30]    (MC_BENCH_FROM_CLASSES=1 runs from target/classes)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
seconds=${1:-300}; every=${2:-30}
sink_bin=${MC_SMTP_SINK:-/usr/sbin/smtp-sink}
build_and_create_database
smtp=$(free_port); redis_port=$(free_port); port_a=$(free_port); port_b=$(free_port)
rm -f target/faults.ready target/faults.over
"$sink_bin" -c -u root "127.0.0.1:$smtp" 512 > target/faults-sink.count 2> /dev/null & sink=$!
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > target/faults-redis.log 2>&1 & redis=$!
app_a=; app_b=
trap 'kill $sink $redis 2> /dev/null || true; kill $app_a $app_b 2> /dev/null || true; wait 2> /dev/null || true; psql -h "$psql_host" -p "$psql_port" -U postgres -qc "drop database if exists $db_name with (force)" || true' EXIT
for _ in $(seq 1 50); do (echo > "/dev/tcp/127.0.0.1/$smtp") 2> /dev/null && break; sleep 0.1; done
node_env="SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp SPRING_DATA_REDIS_URL=redis://127.0.0.1:$redis_port
  MC_EMAIL_HOURLY_CAP=1000000 MC_EMAIL_DAILY_CAP=1000000 MC_EMAIL_ALLOWED_FROM_DOMAINS=revo.example
  MC_SIGNUP_OUTBOUND=approved MC_OUTBOUND_WORKSPACE_HOURLY=-1 MC_OUTBOUND_WORKSPACE_DAILY=-1
  MC_OUTBOUND_SENDER_HOURLY=-1 MC_OUTBOUND_SENDER_DAILY=-1 MC_OUTBOUND_INSTALLATION_HOURLY=-1
  MC_OUTBOUND_INSTALLATION_DAILY=-1"
# shellcheck disable=SC2086
start() { MC_BENCH_PORT=$1 MC_BENCH_LOG=target/faults-node-$2.log start_node $node_env; }
start "$port_a" a; app_a=$app
start "$port_b" b; app_b=$app
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  ai.revo.missioncontrol.bench.FaultsBenchmark "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" \
  target/faults-sink.count target/faults.ready target/faults.over > target/faults-client.log 2>&1 & client=$!
while [ ! -f target/faults.ready ]; do sleep 0.2; done
kills=0; restart_s=""; end=$(( $(date +%s) + seconds )); victim=a
while [ "$(date +%s)" -lt "$end" ]; do
  sleep "$every"
  if [ $victim = a ]; then kill -9 "$app_a"; wait "$app_a" 2> /dev/null || true; t0=$(date +%s.%N); start "$port_a" a-$kills; app_a=$app; victim=b
  else kill -9 "$app_b"; wait "$app_b" 2> /dev/null || true; t0=$(date +%s.%N); start "$port_b" b-$kills; app_b=$app; victim=a; fi
  restart_s="$restart_s $(python3 -c "print(round($(date +%s.%N) - $t0, 1))")"
  kills=$((kills + 1))
done
touch target/faults.over
wait $client || true
out="$(grep '^RESULT' target/faults-client.log || true)
RESULT kills=$kills kill_every_s=$every run_s=$seconds restart_until_healthy_s=[${restart_s# }]
RESULT load_average before=$load_before after=$(cut -d' ' -f1-3 /proc/loadavg) cores=$(nproc)"
echo "$out"
record "Faults: kill -9 of one of two nodes every ${every} s" "bench/faults.sh $seconds $every" \
  "two nodes sharing PostgreSQL and Redis, relay Postfix smtp-sink, dry run off"
