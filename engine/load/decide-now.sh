#!/bin/sh
# Drives POST /api/cases/decide-now of a running engine at a fixed arrival rate with wrk
# (Debian package wrk) and prints the achieved rate, latency percentiles and the errors.
#
#   engine/load/decide-now.sh                 # 500 requests/s for 60 s
#   engine/load/decide-now.sh 300 400 500 600 # one run per rate, in this order
#
# The key: BESLISSTRAAT_API_KEY, an e-service's API key; or, without it, one is issued for the
# e-service BESLISSTRAAT_CLIENT (default eloket) of BESLISSTRAAT_MUNICIPALITY (default 0344) with the
# platform administrator's BESLISSTRAAT_ADMIN_USER and BESLISSTRAAT_ADMIN_PASSWORD (and printed, so
# that it can be revoked afterwards). Every case the run submits is stored and decided: run it
# against a database for load tests, never against production.
#
# Settings (environment): BESLISSTRAAT_URL (default http://127.0.0.1:8080), DURATION (default 60s),
# WARMUP (default 60s, not measured, at the rate asked or WARMUP_RATE requests/s if that is lower,
# default 300: a fresh engine builds each rule set it meets and compiles the hot path first, and
# would meet a full rate with a queue; then 5 s of rest, so no request of the warm-up is still
# waiting when the measured run starts. Shorter or gentler is not enough: after 20 s at 100/s the
# JIT compiler still took 30 % of the engine's CPU during the measured minute, which is a start-up
# cost, not what a running engine pays per request),
# CONNECTIONS (default 200: enough free connections for every arrival to start on time while
# answers take a few hundred ms; a late start is reported), THREADS
# (default 1: one wrk thread sends thousands of requests a second and leaves the engine the CPU).
# ENGINE_PID: the engine's process id, when it runs on this machine: then the CPU time the engine
# and its database's server processes spent per request is printed too (PostgreSQL's processes of
# the database BESLISSTRAAT_DATABASE, default bs_load).
set -eu

url=${BESLISSTRAAT_URL:-http://127.0.0.1:8080}
duration=${DURATION:-60s}
warmup=${WARMUP:-60s}
warmup_rate=${WARMUP_RATE:-300}
connections=${CONNECTIONS:-200}
threads=${THREADS:-1}
script=$(dirname "$0")/decide-now.lua

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
curl -fsS "$url/actuator/health" >/dev/null || { echo "No engine answers at $url (start it first)" >&2; exit 2; }

# CPU seconds (user + system) of a process, and of the server processes of one database
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }
database_cpu() {
    total=0
    for pid in $(pgrep -f "postgres: .* ${BESLISSTRAAT_DATABASE:-bs_load} " || true); do
        total=$(echo "$total + $(cpu_of "$pid")" | bc)
    done
    echo "$total"
}

if [ -z "${BESLISSTRAAT_API_KEY:-}" ] && [ -z "${BESLISSTRAAT_AUTHORIZATION:-}" ]; then
    : "${BESLISSTRAAT_ADMIN_USER:?set BESLISSTRAAT_API_KEY, or BESLISSTRAAT_ADMIN_USER and BESLISSTRAAT_ADMIN_PASSWORD to issue one}"
    : "${BESLISSTRAAT_ADMIN_PASSWORD:?set BESLISSTRAAT_ADMIN_PASSWORD}"
    municipality=${BESLISSTRAAT_MUNICIPALITY:-0344}
    client=${BESLISSTRAAT_CLIENT:-eloket}
    issued=$(curl -fsS -u "$BESLISSTRAAT_ADMIN_USER:$BESLISSTRAAT_ADMIN_PASSWORD" \
        -H 'Content-Type: application/json' -d "{\"username\": \"$client\"}" \
        "$url/api/platform/municipalities/$municipality/api-keys")
    BESLISSTRAAT_API_KEY=$(printf '%s' "$issued" | sed -n 's/.*"key":"\(bsk_[^"]*\)".*/\1/p')
    key_id=$(printf '%s' "$issued" | sed -n 's/.*"keyId":"\([0-9a-f]*\)".*/\1/p')
    [ -n "$BESLISSTRAAT_API_KEY" ] || { echo "No key issued: $issued" >&2; exit 2; }
    echo "Issued API key $key_id to $client of $municipality; revoke it after the runs:"
    echo "  curl -u $BESLISSTRAAT_ADMIN_USER -X DELETE $url/api/platform/municipalities/$municipality/api-keys/$key_id"
fi
export BESLISSTRAAT_API_KEY

[ $# -gt 0 ] || set -- 500
for rate in "$@"; do
    gentle=$(( rate < warmup_rate ? rate : warmup_rate ))
    echo "== decide-now at $rate requests/s: $warmup warm-up at $gentle/s, then $duration measured" \
         "($connections connections, $threads wrk thread(s)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    wrk -t"$threads" -c"$connections" -d"$warmup" --timeout 10s -s "$script" "$url" -- "$gentle" "$threads" >/dev/null
    sleep 5
    if [ -n "${ENGINE_PID:-}" ]; then
        engine_before=$(cpu_of "$ENGINE_PID"); database_before=$(database_cpu)
    fi
    wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s "$script" "$url" -- "$rate" "$threads" \
        | sed -n '/^requests /,$p' | tee /tmp/decide-now-$$.out
    if [ -n "${ENGINE_PID:-}" ]; then
        requests=$(sed -n 's/^requests *\([0-9]*\) .*/\1/p' /tmp/decide-now-$$.out)
        echo "$(cpu_of "$ENGINE_PID") $engine_before $(database_cpu) $database_before $requests" | awk '$5 > 0 {
            printf "cpu per request engine %.2f ms, database %.2f ms (of the database'"'"'s processes that lived through the run)\n",
                1000 * ($1 - $2) / $5, 1000 * ($3 - $4) / $5 }'
    fi
    rm -f /tmp/decide-now-$$.out
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
