#!/bin/bash
# Container health check of an application node: healthy when Spring Boot Actuator's /actuator/health
# answers 200 (it answers 503 when a component, such as the database, is down).
# Plain bash (/dev/tcp) rather than curl or wget: the JRE base image does not promise either.
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${SERVER_PORT:-8080}"
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS=' ' read -r _ status _ <&3
[[ "${status%$'\r'}" == 200 ]]
