#!/usr/bin/env bash
# Starts the packaged application (demo profile) on a free port, gives it a support case, and walks the portal and
# staff pages in Chromium (walk.js: axe-core on every page, 360 px check, screenshots into docs/screenshots/).
# Needs /usr/bin/chromium (Debian: apt-get install -y chromium chromium-driver) and a built jar (mvn -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")"
PORT="${PORT:-18093}"
BASE="http://localhost:$PORT"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "SKIPPED: no Chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install -y chromium chromium-driver)"; exit 0
fi
[ -d node_modules ] || npm ci --no-audit --no-fund --silent
DATA="$(mktemp -d)"
JAR="$(ls ../../target/remote-services-orchestrator-*.jar | head -1)"
(cd "$DATA" && exec java -jar "$OLDPWD/$JAR" --server.port="$PORT" --rso.public-base-url="$BASE" > app.log 2>&1) &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "$BASE/portal" && break
  sleep 1
done
curl -fs -o /dev/null "$BASE/portal" || { echo "the application did not start"; tail -50 "$DATA/app.log"; exit 1; }
sleep 3 # demo data
curl -fs -o /dev/null -X POST "$BASE/api/support-requests" -H 'Content-Type: application/json' \
  -d '{"name":"Walk Customer","phone":"+1 555 0100","email":"walk.customer@example.com","jobNumber":"J-100001"}'
BASE="$BASE" STAFF="${STAFF:-olivia:Demo-2026}" node walk.js
