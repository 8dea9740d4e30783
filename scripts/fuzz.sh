#!/usr/bin/env bash
# Fuzzes with libFuzzer + ASan + UBSan, one harness after another, sharing the time given:
#   load     the journey-map loader (tests/fuzz/fuzz_load.cpp)
#   exports  the CSV, Markdown and HTML exports (tests/fuzz/fuzz_exports.cpp)
#   merge    the merge of participants' files (tests/fuzz/fuzz_merge.cpp)
#   link     the share-link decoder, inflate + base64 (web/share-link.js, in node: fuzz_link.mjs)
#
#   scripts/fuzz.sh [SECONDS] [HARNESS...]   default 30 s in all, split evenly; e.g.
#                                            `scripts/fuzz.sh 3600` or `scripts/fuzz.sh 600 merge`
#
# Builds build-fuzz/fuzz_NAME with clang++-14 (objects kept in build-fuzz/obj and rebuilt when a
# source or header changes), copies each seed corpus (tests/fuzz/corpus*, plus map fixtures for
# the exports) to a temporary folder so the repository is never modified, and runs each harness
# for its share. A crash, leak, sanitizer report, failed property, timeout or out-of-memory makes
# the script exit non-zero (after the other harnesses ran) and leaves the input that caused it in
# build-fuzz/ (NAME-crash-*, NAME-timeout-*, NAME-oom-*); replay it with `build-fuzz/fuzz_NAME FILE`.
# The regular build replays the seed corpora as ctest tests (fuzz_*_corpus) without libFuzzer.
# Extra libFuzzer flags can be passed in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-jobs=2 -workers=2");
# FUZZ_JOBS sets how many files compile at once (default 2).
set -euo pipefail

seconds="${1:-30}"
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(load exports merge link)
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/build-fuzz"
mkdir -p "$out/obj"

# Every harness links against the whole core as one archive, so the linker takes just the files
# it needs: a hand-kept list of files per harness went stale as soon as one core file started
# calling into another.
core_sources=("$root"/core/*.cpp)
for h in "${harnesses[@]}"; do
    case "$h" in
        load|exports|merge|link) ;;
        *) echo "fuzz.sh: no harness '$h' (load, exports, merge, link)" >&2; exit 2 ;;
    esac
done

flags=(-std=c++17 -g -O1 -Wall -Wextra -fsanitize=fuzzer-no-link,address,undefined
       -fno-sanitize-recover=undefined -I "$root/include")
# An object is rebuilt when its source, or any header, is newer.
newest_header="$(ls -t "$root"/include/trayecto/*.hpp "$root"/core/*.hpp | head -1)"
stale=()
for src in "${core_sources[@]}" "$root"/tests/fuzz/fuzz_*.cpp; do
    obj="$out/obj/$(basename "$src" .cpp).o"
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ] ||
       { [[ "$src" == */tests/fuzz/* ]] && [ "$root/tests/fuzz/fuzz_map.hpp" -nt "$obj" ]; }; then
        stale+=("$src")
    fi
done
if [ ${#stale[@]} -gt 0 ]; then
    echo "fuzz.sh: compiling ${#stale[@]} file(s) into $out/obj"
    printf '%s\n' "${stale[@]}" | xargs -P "${FUZZ_JOBS:-2}" -I{} sh -c \
        'clang++-14 "$@" -c "$0" -o "'"$out"'/obj/$(basename "$0" .cpp).o"' {} "${flags[@]}"
fi

if [ ${#stale[@]} -gt 0 ] || [ ! -f "$out/libcore.a" ]; then
    rm -f "$out/libcore.a"
    core_objects=()
    for src in "${core_sources[@]}"; do core_objects+=("$out/obj/$(basename "$src" .cpp).o"); done
    ar rcs "$out/libcore.a" "${core_objects[@]}"
fi

# A dictionary of the format's keys and enum names helps the loader's fuzzer reach deep code.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
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

share=$(( seconds / ${#harnesses[@]} ))
[ "$share" -ge 1 ] || share=1
failed=()
for h in "${harnesses[@]}"; do
    if [ "$h" = link ]; then   # JavaScript: seeded rounds in node until its share is up
        echo "fuzz.sh: fuzzing link for ${share}s"
        node "$root/tests/fuzz/fuzz_link.mjs" "$share" | tail -n 1 || failed+=("$h")
        continue
    fi
    echo "fuzz.sh: linking $out/fuzz_$h"
    clang++-14 -fsanitize=fuzzer,address,undefined "$out/obj/fuzz_$h.o" "$out/libcore.a" -o "$out/fuzz_$h"

    corpus="$work/corpus-$h"
    mkdir "$corpus"
    case "$h" in
        load) cp "$root"/tests/fuzz/corpus/* "$corpus/"; extra=(-dict="$work/trayecto.dict" -max_len=16384) ;;
        exports) cp "$root"/tests/fuzz/corpus-exports/* "$root"/tests/fixtures/analysis-small.json \
                    "$root"/tests/fixtures/example-es.json "$root"/tests/fixtures/hostile-ids.json "$corpus/"
                 extra=(-max_len=8192 -len_control=10) ;;
        merge) cp "$root"/tests/fuzz/corpus-merge/* "$corpus/"; extra=(-max_len=4096 -len_control=10) ;;
    esac
    echo "fuzz.sh: fuzzing $h for ${share}s"
    # shellcheck disable=SC2086
    if ! "$out/fuzz_$h" -max_total_time="$share" -timeout=10 -rss_limit_mb=2048 "${extra[@]}" \
            -artifact_prefix="$out/$h-" -print_final_stats=1 ${FUZZ_FLAGS:-} "$corpus"; then
        failed+=("$h")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: FAILED: ${failed[*]} (inputs in $out)" >&2
    exit 1
fi
echo "fuzz.sh: ${harnesses[*]}: no failure in ${seconds}s"
