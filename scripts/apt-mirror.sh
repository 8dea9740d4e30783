# Sourced by setup.sh (and its test): debian_mirror prints the machine's Debian mirror.
# APT_ETC (default /etc/apt) is where apt's configuration is read from.
APT_ETC="${APT_ETC:-/etc/apt}"

# The machine's own Debian mirror for bookworm (not its security archive), from whichever form
# its apt sources take: deb822 files (*.sources) or classic one-line entries (sources.list, *.list).
debian_mirror() {
  local f uri
  for f in "$APT_ETC"/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk 'BEGIN { RS = ""; FS = "\n" }
         { uris = ""; suites = ""; deb = 0
           for (i = 1; i <= NF; i++) {
             if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris) }
             if ($i ~ /^Suites:/) suites = $i
             if ($i ~ /^Types:.*(^|[ \t:])deb([ \t]|$)/) deb = 1
           }
           if (deb && suites ~ /[ \t]bookworm([ \t]|$)/ && uris != "") { split(uris, u, /[ \t]+/); print u[1]; exit } }' "$f")
    if [ -n "$uri" ]; then echo "$uri"; return 0; fi
  done
  for f in "$APT_ETC"/sources.list "$APT_ETC"/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                       if ($(i + 1) == "bookworm") { print $i; exit } }' "$f")
    if [ -n "$uri" ]; then echo "$uri"; return 0; fi
  done
  return 0
}
