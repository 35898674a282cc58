#!/usr/bin/env bash
# Email channel benchmark on one node whose relay is Postfix's smtp-sink (started here with -c, its counter read by
# the benchmark):
# draft save latency at 200 requests/s, send acceptance latency, delivery throughput with dry run off, and beside
# each delivery figure the raw SMTP baseline of the same run: Postfix's smtp-source -> smtp-sink, 16 sessions,
# 2 KB messages, the same number of messages (apt-get install postfix; the daemon need not run).
# usage: bench/email.sh [draft-seconds=20] [send-samples=500] [deliveries=2000,20000]   (0 skips a phase)
# Uses the PostgreSQL at MC_BENCH_DATABASE_URL (default: the local server, jdbc:postgresql://127.0.0.1:5432/postgres);
# a fresh database is created for the run. Appends its figures to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
draft_seconds=${1:-20}; samples=${2:-500}; deliveries=${3:-2000,20000}
smtp=$(free_port)
sink_bin=${MC_SMTP_SINK:-/usr/sbin/smtp-sink}; source_bin=${MC_SMTP_SOURCE:-/usr/sbin/smtp-source}

# raw_smtp_per_s N : messages per second from smtp-source (16 sessions, 2,000-byte messages) into smtp-sink
raw_smtp_per_s() {
  local p sink s e
  p=$(free_port)
  "$sink_bin" -u root "127.0.0.1:$p" 512 > /dev/null 2>&1 & sink=$!
  for _ in $(seq 1 50); do (echo > "/dev/tcp/127.0.0.1/$p") 2> /dev/null && break; sleep 0.1; done
  s=$(date +%s.%N)
  "$source_bin" -s 16 -l 2000 -m "$1" -f bench@revo.example -t sink@sink.example "127.0.0.1:$p"
  e=$(date +%s.%N)
  kill $sink 2> /dev/null || true; wait $sink 2> /dev/null || true
  python3 -c "print(round($1 / ($e - $s)))"
}

build_and_create_database
# the product's relay: the same smtp-sink as the raw baseline's, counting every completed DATA (-c) into a file
"$sink_bin" -c -u root "127.0.0.1:$smtp" 512 > target/smtp-sink.count 2> /dev/null & product_sink=$!
trap 'kill $product_sink 2> /dev/null || true; kill $app 2> /dev/null || true; wait $app 2> /dev/null || true; psql -h "$psql_host" -p "$psql_port" -U postgres -qc "drop database if exists $db_name with (force)" || true' EXIT
for _ in $(seq 1 50); do (echo > "/dev/tcp/127.0.0.1/$smtp") 2> /dev/null && break; sleep 0.1; done
start_node SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$smtp MC_EMAIL_HOURLY_CAP=1000000 MC_EMAIL_DAILY_CAP=1000000 \
  MC_EMAIL_ALLOWED_FROM_DOMAINS=revo.example MC_SCHEDULER_THREADS=8 MC_SIGNUP_OUTBOUND=approved \
  MC_OUTBOUND_WORKSPACE_HOURLY=-1 MC_OUTBOUND_WORKSPACE_DAILY=-1 MC_OUTBOUND_SENDER_HOURLY=-1 MC_OUTBOUND_SENDER_DAILY=-1 \
  MC_OUTBOUND_INSTALLATION_HOURLY=-1 MC_OUTBOUND_INSTALLATION_DAILY=-1 ${MC_BENCH_NODE_ENV:-}
db_stats() {
  psql -h "$psql_host" -p "$psql_port" -U postgres -tAc \
    "select xact_commit, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = '$db_name'"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
stats_before=$(db_stats)
run_benchmark EmailBenchmark "http://127.0.0.1:$port" target/smtp-sink.count "$draft_seconds" "$samples" "$deliveries"
product=$out
sleep 1  # statistics reach pg_stat_database within a second
stats_after=$(db_stats)
emails_total=$(( samples + $(echo "$deliveries" | tr ',' '+') ))
db_per_email=$(python3 -c "
b = [int(x) for x in '$stats_before'.split('|')]; a = [int(x) for x in '$stats_after'.split('|')]
d = [y - x for x, y in zip(b, a)]; n = $emails_total
print(f'commits_per_email={d[0]/n:.1f} rows_inserted_per_email={d[1]/n:.1f} rows_updated_per_email={d[2]/n:.1f} rows_deleted_per_email={d[3]/n:.1f}')")
raw=""
while read -r line; do
  case "$line" in
    *"RESULT delivery emails="*)
      n=$(echo "$line" | sed -E 's/.*emails=([0-9]+).*/\1/')
      per_s=$(echo "$line" | sed -E 's/.*emails_per_s=([0-9.]+).*/\1/')
      r=$(raw_smtp_per_s "$n")
      raw="$raw
RESULT delivery emails=$n product_per_s=$per_s raw_smtp_per_s=$r ratio=$(python3 -c "print(f'{$per_s / $r:.3f}')") (smtp-source -s 16 -l 2000 -m $n -> smtp-sink)"
      ;;
  esac
done <<< "$product"
out="$product$raw
RESULT database $db_per_email (whole run incl. draft creation, pg_stat_database)
RESULT load_average before=$load_before after=$(cut -d' ' -f1-3 /proc/loadavg) cores=$(nproc)"
echo "$raw"
record "Email channel" "bench/email.sh $draft_seconds $samples $deliveries" \
  "dry run off, relay: Postfix smtp-sink on loopback (the raw baseline's sink), caps raised, 8 scheduler threads"
