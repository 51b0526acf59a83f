#!/bin/sh
# NRPE check: every server behind haproxy is UP. $1 is a curl config file with the statistics
# page URL and its credentials (the nagios user cannot read haproxy.cfg, and a password on the
# command line would show in ps). Exit codes are Nagios': 0 OK, 2 CRITICAL, 3 UNKNOWN.
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
# CSV columns: 1 proxy, 2 server (or FRONTEND/BACKEND), 18 status ("UP", "UP 1/3", "DOWN", "MAINT", ...).
down=$(printf '%s\n' "$stats" | awk -F, '
    $1 ~ /^#/ || $2 == "FRONTEND" || $2 == "BACKEND" || $18 == "" || $18 == "no check" { next }
    $18 !~ /^UP/ { printf "%s%s/%s is %s", sep, $1, $2, $18; sep = ", " }')
if [ -n "$down" ]; then
    echo "CRITICAL: $down"
    exit 2
fi
echo "OK: all haproxy servers are UP"
exit 0
