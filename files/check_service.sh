#!/bin/sh
# NRPE check: is a service running? Asks systemd when the host runs it, else the SysV init
# script. Exit codes are Nagios': 0 OK, 2 CRITICAL, 3 UNKNOWN.
name=$1
if [ -z "$name" ]; then
    echo "UNKNOWN: usage: $0 <service>"
    exit 3
fi
if [ -d /run/systemd/system ]; then
    state=$(systemctl is-active "$name" 2>/dev/null)
    if [ "$state" = active ]; then
        echo "OK: $name is active"
        exit 0
    fi
    echo "CRITICAL: $name is ${state:-unknown}"
    exit 2
fi
if service "$name" status >/dev/null 2>&1; then
    echo "OK: $name is running"
    exit 0
fi
echo "CRITICAL: $name is not running"
exit 2
