#!/usr/bin/env bash
# Benchmark of the nightly run: for each N, a fresh database, N queued demo applications, one run.
# It prints the job's own report line: cases per second and peak heap.
#
#   batch-jobs/benchmark.sh [N ...]              default N: 10000 100000 300000
#
# Database: a fresh embedded PostgreSQL per N (in a temporary directory), unless BENCHMARK_PSQL
# names a server to use instead, as psql arguments; a database beslisstraat_bench is then
# dropped and created per N, e.g.  BENCHMARK_PSQL="-h 127.0.0.1 -U postgres" batch-jobs/benchmark.sh
# JVM options: the ones recommended in docs/operations.md, unless BENCHMARK_JAVA_OPTS is set.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=batch-jobs/target/beslisstraat-batch.jar
[ -f "$jar" ] || ./mvnw -q -DskipTests package
java_opts=${BENCHMARK_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
echo "java $(java -version 2>&1 | head -n 1); $(nproc) cores; JVM options: $java_opts"

for n in "${@:-10000 100000 300000}"; do
  for count in $n; do
    if [ -n "${BENCHMARK_PSQL:-}" ]; then
      # shellcheck disable=SC2086
      psql $BENCHMARK_PSQL -d postgres -q -c "drop database if exists beslisstraat_bench" -c "create database beslisstraat_bench"
      host=$(echo "$BENCHMARK_PSQL" | sed -n 's/.*-h \([^ ]*\).*/\1/p'); user=$(echo "$BENCHMARK_PSQL" | sed -n 's/.*-U \([^ ]*\).*/\1/p')
      database=(--spring.datasource.url="jdbc:postgresql://${host:-127.0.0.1}:5432/beslisstraat_bench?user=${user:-postgres}")
    else
      data=$(mktemp -d)
      database=(--beslisstraat.embedded-db.directory="$data/pgdata")
    fi
    printf '%8d cases: ' "$count"
    # shellcheck disable=SC2086
    java $java_opts -jar "$jar" "${database[@]}" --demo="$count" --run-date=2026-11-30 | grep '^Throughput'
    [ -z "${BENCHMARK_PSQL:-}" ] && rm -rf "$data"
  done
done
