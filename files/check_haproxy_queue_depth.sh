#!/bin/sh
# NRPE check: no haproxy backend queues requests. CRITICAL when a backend has requests waiting
# now, or has ever had more than 100 waiting (the reference charm's thresholds). $1 is a curl
# config file with the statistics page URL and its credentials. Exit codes are Nagios'.
conf=$1
if [ ! -r "$conf" ]; then
    echo "UNKNOWN: cannot read $conf"
    exit 3
fi
if ! command -v curl >/dev/null 2>&1; then
    echo "UNKNOWN: curl is not installed"
    exit 3
fi
if ! stats=$(curl --silent --show-error --fail --max-time 10 -K "$conf" 2>&1); then
    echo "CRITICAL: haproxy statistics unavailable: $stats"
    exit 2
fi
# CSV columns: 1 proxy, 2 server (or FRONTEND/BACKEND), 3 current queue, 4 max queue.
queued=$(printf '%s\n' "$stats" | awk -F, '
    $2 == "BACKEND" && ($3 + 0 > 0 || $4 + 0 > 100) { printf "%s%s current %d max %d", sep, $1, $3, $4; sep = ", " }')
if [ -n "$queued" ]; then
    echo "CRITICAL: queue depth for $queued"
    exit 2
fi
echo "OK: all haproxy queue depths looking good"
exit 0
