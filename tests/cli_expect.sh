#!/bin/sh
# For the command-line tests (tests/CMakeLists.txt): runs a shell snippet and checks both its exit
# status and what it printed, which ctest's PASS_REGULAR_EXPRESSION alone cannot (it ignores the
# status).
#
#   sh cli_expect.sh STATUS REGEX SNIPPET [ARG...]
#
# STATUS is the exit status expected; REGEX an extended regular expression that the output (stdout
# and stderr together) must match; the snippet sees the ARGs as $1, $2… and may redirect its own
# stdout (e.g. to /dev/full).
expected=$1
pattern=$2
snippet=$3
shift 3
output=$(sh -c "$snippet" sh "$@" 2>&1)
status=$?
printf '%s\n' "$output"
if [ "$status" -ne "$expected" ]; then
    echo "cli_expect: exit status $status, expected $expected"
    exit 1
fi
if ! printf '%s\n' "$output" | grep -Eq -- "$pattern"; then
    echo "cli_expect: the output does not match: $pattern"
    exit 1
fi
