#!/usr/bin/env bash
# Throughput benchmark: for each N, a fresh database, N queued demo applications of all four case
# types, then in one process the raw floor of the database and the nightly run with all its
# records, side by side (nl.beslisstraat.batch.benchmark.ThroughputBenchmark). It prints a table:
# cases/s of both, their ratio, JVM and PostgreSQL CPU seconds and the peak heap.
#
#   batch-jobs/benchmark.sh [N ...]              default N: 100000 1000000
#
# Database: a fresh embedded PostgreSQL per N (in a temporary directory), unless BENCHMARK_PSQL
# names a server to use instead, as psql arguments; a database beslisstraat_bench is then
# dropped and created per N, e.g.  BENCHMARK_PSQL="-h 127.0.0.1 -U postgres" batch-jobs/benchmark.sh
# JVM options: the ones recommended in docs/operations.md, unless BENCHMARK_JAVA_OPTS is set.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=batch-jobs/target/beslisstraat-batch.jar
[ -f "$jar" ] || ./mvnw -q -DskipTests package
java_opts=${BENCHMARK_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=5000 -XX:Tier4CompileThreshold=30000 -XX:Tier4BackEdgeThreshold=100000}
echo "java $(java -version 2>&1 | head -n 1); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

for count in ${@:-100000 1000000}; do
  if [ -n "${BENCHMARK_PSQL:-}" ]; then
    # shellcheck disable=SC2086
    psql $BENCHMARK_PSQL -d postgres -q -c "drop database if exists beslisstraat_bench" -c "create database beslisstraat_bench"
    host=$(echo "$BENCHMARK_PSQL" | sed -n 's/.*-h \([^ ]*\).*/\1/p'); user=$(echo "$BENCHMARK_PSQL" | sed -n 's/.*-U \([^ ]*\).*/\1/p')
    database=(--spring.datasource.url="jdbc:postgresql://${host:-127.0.0.1}:5432/beslisstraat_bench?user=${user:-postgres}")
  else
    data=$(mktemp -d)
    database=(--beslisstraat.embedded-db.directory="$data/pgdata")
  fi
  # shellcheck disable=SC2086
  java $java_opts -jar "$jar" "${database[@]}" --benchmark="$count" | sed -n '/^Throughput benchmark/,$p'
  if [ -z "${BENCHMARK_PSQL:-}" ]; then rm -rf "$data"; fi
done
