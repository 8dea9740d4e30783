#!/usr/bin/env bash
# Fuzzes the journey-map loader (tests/fuzz/fuzz_load.cpp) with libFuzzer + ASan + UBSan.
#
#   scripts/fuzz.sh [SECONDS]     default 30; e.g. `scripts/fuzz.sh 3600` for a longer run
#
# Builds build-fuzz/fuzz_load with clang++-14, copies the seed corpus (tests/fuzz/corpus) to a
# temporary folder so the repository is never modified, and runs for SECONDS. A crash, leak,
# sanitizer report, timeout or out-of-memory exits non-zero and leaves the input that caused it
# in build-fuzz/ (crash-*, timeout-*, oom-*); replay it with `build-fuzz/fuzz_load FILE`.
# Extra libFuzzer flags can be passed in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-jobs=2 -workers=2").
set -euo pipefail

seconds="${1:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/build-fuzz"
mkdir -p "$out"

# Only the files the loader needs: the rest of core/ may be mid-edit by someone else.
sources=("$root"/core/format*.cpp "$root/core/invariants.cpp" "$root/core/model.cpp")
echo "fuzz.sh: building $out/fuzz_load"
clang++-14 -std=c++17 -g -O1 -Wall -Wextra \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I "$root/include" "${sources[@]}" "$root/tests/fuzz/fuzz_load.cpp" \
    -o "$out/fuzz_load"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
cp "$root"/tests/fuzz/corpus/* "$work/corpus/"

# A dictionary of the format's keys and enum names helps the fuzzer reach deep code.
{
    for word in format trayecto-journey version meta title description scope language author \
        created modified personas stages lanes cards emotions moments id name goals needs \
        expectations frustrations quote color icon valueTier phase type hidden stageId laneId \
        kind text notes personaIds votes touchpoint improvement backstage channel owner \
        controlled dimensions expectation experience metrics value target unit severity impact \
        effort status systems personaId cardId valence feeling note customType reason state \
        columns rows column row persona score label pre-purchase purchase post-purchase \
        pain-point pain-points opportunity opportunities kpi kpis social-external in-person \
        zmot fmot smot at-risk in-progress cognitive emotional behavioural sensory social; do
        printf '"\\"%s\\""\n' "$word"
    done
    printf '"%s"\n' '#a1b2c3' ': ' '{}' '[]' '-3' '1e400' 'null' 'true'
} > "$work/trayecto.dict"

echo "fuzz.sh: fuzzing for ${seconds}s"
# shellcheck disable=SC2086
"$out/fuzz_load" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -dict="$work/trayecto.dict" -artifact_prefix="$out/" -print_final_stats=1 \
    ${FUZZ_FLAGS:-} "$work/corpus"
