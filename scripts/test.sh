#!/usr/bin/env bash
# Runs every test project. Installs what the tests need when it is missing (Debian packages: a PostgreSQL
# server the tests start themselves, Chromium for the browser journeys, an SMTP server for mail tests,
# LibreOffice and poppler to open generated letters), builds once, then prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Courtesy.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

passed=0; failed=0; status=0
log=$(mktemp)
for proj in tests/*/*.csproj; do
  echo "== $(basename "$proj" .csproj)"
  dotnet test "$proj" -c Release --no-build -nologo --results-directory TestResults 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  summary=$(grep -E '(Passed|Failed)!  - Failed: ' "$log" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "no test summary from $proj (exit $rc)"; failed=$((failed + 1)); status=1; continue
  fi
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  f=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$rc" = 0 ] || status=1
done
rm -f "$log"
echo "$passed passed, $failed failed"
exit $status
