#!/usr/bin/env bash
# scripts/apt-mirror.sh finds the Debian mirror in either form of apt sources, and nothing else.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fails=0 passes=0
check() {   # name, expected, apt etc folder
  local got
  got=$(APT_ETC="$3" bash -c 'set -euo pipefail; source "$1"; debian_mirror' _ "$HERE/../../scripts/apt-mirror.sh") || got="<exit $?>"
  if [ "$got" = "$2" ]; then passes=$((passes + 1)); else echo "FAIL $1: got '$got', want '$2'"; fails=$((fails + 1)); fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Classic sources.list only (debootstrap, the Debian installer): no sources.list.d at all.
mkdir -p "$tmp/classic"
printf '# deb-src http://commented.example/debian bookworm main\ndeb http://security.example/debian-security bookworm-security main\ndeb [arch=amd64 signed-by=/k.gpg] http://mirror.example/debian bookworm main contrib\n' > "$tmp/classic/sources.list"
check classic http://mirror.example/debian "$tmp/classic"

# deb822 (Debian's container images), security stanza first.
mkdir -p "$tmp/deb822/sources.list.d"
printf 'Types: deb\nURIs: http://sec.example/debian-security\nSuites: bookworm-security\nComponents: main\n\nTypes: deb\nURIs: http://deb822.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\n' > "$tmp/deb822/sources.list.d/debian.sources"
check deb822 http://deb822.example/debian "$tmp/deb822"

# A deb-src stanza alone is no mirror to read; an empty configuration yields nothing (setup then says so).
mkdir -p "$tmp/none/sources.list.d"
printf 'Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\nComponents: main\n' > "$tmp/none/sources.list.d/src.sources"
check none "" "$tmp/none"
check empty "" "$tmp/missing"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
