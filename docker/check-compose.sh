#!/usr/bin/env bash
# Validates docker/compose.yml without a Docker engine (Debian's docker-compose renders the config):
# it must refuse to render without POSTGRES_PASSWORD, and with one every service runs under an init
# process, every image tag is pinned to a version, and every published port is bound to 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
compose() { docker-compose -f compose.yml "$@"; }

if env -u POSTGRES_PASSWORD docker-compose -f compose.yml config -q 2>/dev/null; then
  echo "compose.yml renders without POSTGRES_PASSWORD: it must fail fast instead" >&2; exit 1
fi
config=$(POSTGRES_PASSWORD=check compose config)
services=$(POSTGRES_PASSWORD=check compose config --services)
# The image this file builds itself (the API's build:, reused by the worker) is not pulled: it needs no pin.
built=$(echo "$config" | awk '/^  [^ ]/ {svc=$1} /^    build:/ {b[svc]=1} /^    image: / && b[svc] {print $2}')
count=0
for service in $services; do
  count=$((count + 1))
  block=$(echo "$config" | awk -v s="  $service:" '$0 == s {on=1; next} on && /^  [^ ]/ {on=0} on')
  echo "$block" | grep -q '^    init: true$' || { echo "$service: no init process (init: true)" >&2; exit 1; }
  image=$(echo "$block" | sed -n 's/^    image: //p')
  if [[ -n "$built" && "$image" == "$built" ]]; then continue; fi
  [[ "$image" =~ :[^:]*[0-9][^:]*$ && ! "$image" =~ :latest$ ]] || { echo "$service: image '$image' is not pinned to a version" >&2; exit 1; }
done
[[ $count -ge 4 ]] || { echo "expected at least 4 services, found $count" >&2; exit 1; }
if echo "$config" | grep -E '^\s+- (published: )?"?[0-9]+:[0-9]+' ; then
  echo "a port is published on every interface: bind it to 127.0.0.1" >&2; exit 1
fi
ports=$(echo "$config" | grep -cE '^\s+- 127\.0\.0\.1:[0-9]+:[0-9]+' || true)
[[ $ports -ge 3 ]] || { echo "expected the API and Mailpit ports bound to 127.0.0.1, found $ports" >&2; exit 1; }
echo "compose.yml: $count services under init, pinned images, $ports ports on 127.0.0.1, no default password"
