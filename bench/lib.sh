# shellcheck shell=sh disable=SC2154  # out, conns, duration, submit, grace: the sourcing script sets them
# bench/lib.sh — sourced by bench/run and bench/postgresql (POSIX sh): the
# pages they measure, the log-ins that reach them, and one way of running
# wrk and reading its figures. Expects $out (the output folder) and, for
# the loads, $duration and $conns (the connections of one run).

# machine, date and load average, one line
bench_machine() {
	echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo);" \
		"$(date -u '+%Y-%m-%d %H:%M') UTC; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

# waits (10 s at most) until URL answers
bench_wait() {
	for i in $(seq 1 100); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done
	echo "bench: $1 does not answer" >&2
	return 1
}

# bench_login BASE EMAIL: the session cookie's value of that account
bench_login() {
	rm -f "$out/cookies"
	t=$(curl -s -c "$out/cookies" "$1/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)
	curl -s -b "$out/cookies" -c "$out/cookies" -o /dev/null \
		--data "csrf=$t&email=$2&password=bench-wachtwoord&next=%2F" "$1/login"
	awk '$6 == "lg_session" { print $7 }' "$out/cookies"
}

# bench_targets BASE: logs in on the server at BASE (the bench database of
# bench/generate) and sets session, person (a person of the third page of
# the people list), coach and group (the coach's first group) and feed (a
# participant's calendar link)
bench_targets() {
	session=$(bench_login "$1" "admin%40org-25.example")
	[ -n "$session" ] || { echo "bench: log-in failed" >&2; return 1; }
	person=$(curl -s -b "lg_session=$session" "$1/people?page=3" | sed -n 's/.*href="\/people\/\([0-9]*\)".*/\1/p' | head -n 1)
	coach=$(bench_login "$1" "coach%40org-25.example")
	group=$(curl -s -b "lg_session=$coach" "$1/groups" | sed -n 's/.*href="\/groups\/\([0-9]*\)".*/\1/p' | head -n 1)
	pupil=$(bench_login "$1" "deelnemer%40org-25.example")
	t=$(curl -s -b "lg_session=$pupil" "$1/calendar" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -n 1)
	feed=$(curl -s -b "lg_session=$pupil" --data "csrf=$t&group=0" "$1/calendar" |
		sed -n 's/.*calendar\.ics?token=\([0-9a-f]*\)".*/\1/p' | head -n 1)
	[ -n "$person" ] && [ -n "$group" ] && [ -n "$feed" ] ||
		{ echo "bench: no person, group or calendar link (regenerate: rm bench/out/bench.db)" >&2; return 1; }
}

# the pages, after bench_targets: "name<TAB>path<TAB>session cookie" a line
# (no cookie: the page is reached by its secret link)
bench_pages() {
	printf '%s\t%s\t%s\n' \
		"GET /people (admin)" "/people" "$session" \
		"GET /people?q=Jansen (admin)" "/people?q=Jansen" "$session" \
		"GET /people/$person (admin)" "/people/$person" "$session" \
		"GET /groups/$group (coach: 12 participants, 10 meetings)" "/groups/$group" "$coach" \
		"GET /calendar.ics?token=... (a participant's feed)" "/calendar.ics?token=$feed" ""
}

# bench_figures FILE: wrk's output as "requests/s p50 p99 non-2xx
# socket-errors(0/1)", the latencies in ms
bench_figures() {
	awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
		/Requests\/sec/ { rps = $2 } / 50%/ { p50 = ms($2) } / 99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF }
		/Socket errors/ { err = 1 } END { printf "%s %.2f %.2f %s %s\n", rps, p50, p99, bad ? bad : 0, err ? 1 : 0 }' "$1"
}

# bench_load URL [wrk options]: one wrk of $conns connections (two threads)
bench_load() {
	url=$1
	shift
	wrk -t2 -c"$conns" -d"$duration" --latency "$@" "$url" >"$out/wrk.txt"
	bench_figures "$out/wrk.txt"
}

# bench_load_pair URL1 URL2 [wrk options]: two wrk at once, one a server,
# each of one thread and half the connections; their requests/s added, the
# worse p50 and p99 of the two, non-2xx added
bench_load_pair() {
	url1=$1 url2=$2
	shift 2
	wrk -t1 -c$((conns / 2)) -d"$duration" --latency "$@" "$url1" >"$out/wrk-1.txt" &
	w1=$!
	wrk -t1 -c$((conns - conns / 2)) -d"$duration" --latency "$@" "$url2" >"$out/wrk-2.txt"
	wait $w1
	{ bench_figures "$out/wrk-1.txt"; bench_figures "$out/wrk-2.txt"; } | awk '
		{ rps += $1; if ($2 > p50) p50 = $2; if ($3 > p99) p99 = $3; bad += $4; if ($5) err = 1 }
		END { printf "%.2f %.2f %.2f %d %d\n", rps, p50, p99, bad, err }'
}

# bench_row NAME "rps p50 p99 non-2xx socket-errors" YARDSTICK-RPS
bench_row() {
	echo "$2" | awk -v name="$1" -v y="$3" '{ printf "%-58s %9.0f %7.1fms %7.1fms %6.2f%s%s\n", name, $1, $2, $3,
		(y > 0 ? $1 / y : 0), ($4 != "0" ? "  (" $4 " not 2xx)" : ""), ($5 != "0" ? "  (socket errors)" : "") }'
}

bench_header() {
	printf '%-58s %9s %9s %9s %6s\n' "page" "req/s" "p50" "p99" "ratio"
}

# bench_handins TOKENS URL [URL2]: the hand-ins of bench/respond.lua for
# $submit s (+$grace s to finish), wrk -t2 -c$conns against one server, or
# two wrk at once of one thread and half the connections each, one a
# server, with disjoint links; prints wrk's lines and sets handed (the
# 2xx/3xx answers, added)
bench_handins() {
	tokens=$1
	shift
	set -- "$@" ""
	if [ -z "$2" ]; then
		wrk -t2 -c"$conns" -d$((submit + grace))s --timeout "${grace}s" --latency -s bench/respond.lua \
			"$1" -- "$tokens" "$out/respond-items" "$submit" 2 0 1 >"$out/respond-wrk.txt"
		grep -E '^(hand-ins|handed in)' "$out/respond-wrk.txt"
		handed=$(sed -n 's/^ok=//p' "$out/respond-wrk.txt")
		return
	fi
	wrk -t1 -c$((conns / 2)) -d$((submit + grace))s --timeout "${grace}s" --latency -s bench/respond.lua \
		"$1" -- "$tokens" "$out/respond-items" "$submit" 1 0 2 >"$out/respond-wrk-1.txt" &
	w1=$!
	wrk -t1 -c$((conns - conns / 2)) -d$((submit + grace))s --timeout "${grace}s" --latency -s bench/respond.lua \
		"$2" -- "$tokens" "$out/respond-items" "$submit" 1 1 2 >"$out/respond-wrk-2.txt"
	wait $w1
	for i in 1 2; do
		grep -E '^(hand-ins|handed in)' "$out/respond-wrk-$i.txt" | sed "s/^/server $i: /"
	done
	handed=$(cat "$out/respond-wrk-1.txt" "$out/respond-wrk-2.txt" | sed -n 's/^ok=//p' | awk '{ n += $1 } END { print n + 0 }')
	echo "handed in, both: $handed in ${submit} s = $((handed / submit)) per second"
}

# bench_handin_check QUERY WAVE: after bench_handins, compares the database
# with wrk's count; QUERY is a command that runs one SQL statement and
# prints its one value (sqlite3 or psql)
bench_handin_check() {
	stored=$($1 "SELECT count(*) FROM response WHERE wave_id = $2")
	marked=$($1 "SELECT count(*) FROM invitation WHERE wave_id = $2 AND responded = 1")
	answers=$($1 "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.wave_id = $2")
	linked=$($1 "SELECT count(*) FROM response WHERE wave_id = $2 AND invitation_id IS NOT NULL")
	drafts=$($1 "SELECT count(*) FROM draft")  # the saved parts (encrypted) of those who did not hand in
	# on PostgreSQL the last anonymous hand-ins, fewer than five, wait
	# sealed to be mixed in (src/domain/anonymous_mix.h)
	waiting=$($1 "SELECT count(*) FROM response_pending WHERE wave_id = $2")
	echo "database: $stored responses ($answers answers) and $waiting waiting to be mixed in," \
		"$marked invitations marked answered, $linked responses tied to their invitation, $drafts saved drafts left"
	stored=$((stored + waiting))
	if [ "$stored" = "$handed" ] && [ "$marked" = "$handed" ]; then
		echo "check: the database holds exactly the $handed hand-ins wrk saw answered"
	else
		echo "CHECK FAILED: wrk saw $handed hand-ins answered, the database holds $stored ($marked marked)"
	fi
}
