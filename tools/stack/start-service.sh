#!/usr/bin/env bash
# Starts one service of a stack brought up with `npm run up` (as its supervisor would after a
# crash), with the environment up.sh gave it:   bash tools/stack/start-service.sh dossiers
set -euo pipefail
source "$(dirname "$0")/common.sh"
service=${1:?usage: start-service.sh <service>}
[ -n "${SERVICE_PORT[$service]:-}" ] || die "unknown service $service (one of: ${SERVICES[*]})"
[ -f "$stack_dir/stack.env" ] || die "$stack_dir/stack.env is missing: bring the stack up with npm run up first"
# shellcheck disable=SC1091
source "$stack_dir/stack.env"
start_service "$service"
