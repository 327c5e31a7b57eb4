# test/lib/suites.sh: run test suites and sum their counts.  Sourced by
# test/run and test/versions/inside.
#
#   run_suites SUITE...   each SUITE is a command line (the script, then its
#                         arguments, split on spaces) whose last line of
#                         output is "N passed, M failed"; runs them in turn,
#                         showing their output between "=== SUITE" lines,
#                         and adds their counts to SUITES_PASSED and
#                         SUITES_FAILED.  A suite that prints no summary
#                         counts as one failure.
# shellcheck shell=bash

SUITES_PASSED=0
SUITES_FAILED=0

run_suites() {
	local suite started log summary p f command
	for suite in "$@"; do
		echo "=== $suite"
		started=$(date +%s)
		log=$(mktemp)
		read -ra command <<<"$suite"
		"${command[@]}" 2>&1 | tee "$log"
		summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
		rm -f "$log"
		if [ -z "$summary" ]; then
			echo "$suite printed no summary: counted as one failure"
			summary="0 passed, 1 failed"
		fi
		read -r p _ f _ <<<"$summary"
		SUITES_PASSED=$((SUITES_PASSED + p))
		SUITES_FAILED=$((SUITES_FAILED + f))
		echo "=== $suite: $summary ($(($(date +%s) - started)) s)"
	done
}
