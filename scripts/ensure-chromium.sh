#!/usr/bin/env bash
# Browser tests and reports' PDFs use Debian's Chromium (Playwright cannot download its own
# browser here); the tests read those PDFs with poppler's pdftotext and pdfinfo, and the
# reports' Word files with unzip.
# With --optional (npm start): never fails, says what is missing and that PDF export is off.
set -uo pipefail
optional=false
[ "${1:-}" = "--optional" ] && optional=true
path="${CHROMIUM_PATH:-/usr/bin/chromium}"

missing() {
  local packages=()
  [ -x "$path" ] || packages+=(chromium)
  # The server needs only Chromium; poppler-utils and unzip are for the tests.
  if [ "$optional" = false ] && ! command -v pdftotext >/dev/null; then packages+=(poppler-utils); fi
  if [ "$optional" = false ] && ! command -v unzip >/dev/null; then packages+=(unzip); fi
  echo "${packages[@]}"
}

packages="$(missing)"
[ -z "$packages" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's $packages (chromium drives the browser tests and prints reports to PDF; poppler-utils' pdftotext reads those PDFs and unzip the Word files in the tests)…"
  # shellcheck disable=SC2086 # one word per package
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null; then
    packages="$(missing)"
    [ -z "$packages" ] && exit 0
  fi
fi
if [ "$optional" = true ]; then
  echo "Chromium not found at $path: reports cannot be downloaded as PDF on this server (Word, Markdown and CSV still work)." >&2
  echo "To enable PDF: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium or Chrome executable), then restart." >&2
  exit 0
fi
echo "Missing Debian packages: $packages (chromium, expected at $path, drives the browser tests and prints reports to PDF; poppler-utils' pdftotext reads those PDFs and unzip the Word files in the tests)." >&2
echo "Install them with: sudo apt-get install -y $packages" >&2
echo "(or set CHROMIUM_PATH to a Chromium or Chrome executable)" >&2
exit 1
