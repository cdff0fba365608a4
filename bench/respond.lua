-- respond.lua — the wrk script of bench/respond: every request hands in a
-- complete answer form (POST /respond, action=submit, every question
-- answered) through a link of its own, as a respondent without an account
-- does: the form's CSRF field with the matching pre-login cookie
-- (double submit, as the page sets it), the token as a form field.
--
--   wrk -t2 -c200 -d30s -s bench/respond.lua URL -- TOKENS ITEMS SECONDS THREADS [PART PARTS]
--
-- TOKENS: the links, one a line (bench-waves writes them); thread k of
-- THREADS takes lines k, k + THREADS, ... so that no link is used twice.
-- PART and PARTS (default 0 and 1) for PARTS wrk processes at once, each
-- of THREADS threads (one a server, bench/postgresql): thread k of process
-- PART takes lines PART * THREADS + k, then every THREADS * PARTS-th, so
-- that no two processes use the same link either.
-- ITEMS: "i<item id> likert|open" a line: the form fields. SECONDS: new
-- hand-ins start only during the first SECONDS of the run; the rest of the
-- run (wrk -d minus SECONDS) lets those under way finish, so that every
-- hand-in started is counted by wrk when the run ends (compared with the
-- database afterwards). wrk's own requests/s is over the whole -d: the
-- rate printed at the end is over SECONDS.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *t);
]]
local function now()
	local t = ffi.new("bench_timespec")
	ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
	return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

local CSRF = "5eb3c0de5eb3c0de5eb3c0de5eb3c0de5eb3c0de5eb3c0de5eb3c0de5eb3c0de"
local texts = {
	"Vragen+stellen+voordat+ik+oordeel.",
	"Het+verschil+tussen+dialoog+en+discussie.",
	"Luisteren+naar+wat+de+ander+niet+zegt%2C+ook+als+het+schuurt.",
	"Dat+reflectie+helpt%3A+na%C3%AFef+beginnen+mag.",
}

local threads = {}
function setup(thread)
	thread:set("index", #threads)
	threads[#threads + 1] = thread
end

function init(args)
	local nthreads = tonumber(args[4])
	local part, parts = tonumber(args[5] or "0"), tonumber(args[6] or "1")
	tokens = {}
	local n = 0
	for line in io.lines(args[1]) do
		if n % (nthreads * parts) == part * nthreads + index then
			tokens[#tokens + 1] = line
		end
		n = n + 1
	end
	fields = {}
	for line in io.lines(args[2]) do
		local name, kind = line:match("^(%S+) (%S+)$")
		fields[#fields + 1] = { name = name, kind = kind }
	end
	seconds = tonumber(args[3])
	start = now()
	sent = 0
	headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "lg_pre=" .. CSRF }
end

function request()
	sent = sent + 1
	local body = { "csrf=" .. CSRF, "token=" .. tokens[sent], "action=submit" }
	for j, f in ipairs(fields) do
		if f.kind == "open" then
			body[#body + 1] = f.name .. "=" .. texts[(sent + j) % #texts + 1]
		else
			body[#body + 1] = f.name .. "=" .. ((sent * 7 + j) % 5 + 1)
		end
	end
	return wrk.format("POST", "/respond", headers, table.concat(body, "&"))
end

-- after SECONDS (or when this thread's links run out), start nothing new
function delay()
	if now() - start >= seconds or sent >= #tokens then
		return 3600000
	end
	return 0
end

function done(summary, latency, requests)
	local seconds = threads[1]:get("seconds")
	local e = summary.errors
	local ok = summary.requests - e.status
	io.write(string.format("hand-ins answered %d, of which 2xx/3xx %d, other status %d; " ..
		"socket errors: connect %d, read %d, write %d, timeout %d\n",
		summary.requests, ok, e.status, e.connect, e.read, e.write, e.timeout))
	io.write(string.format("handed in: %d in %d s = %.0f per second; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
		ok, seconds, ok / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
		latency:percentile(99) / 1000, latency.max / 1000))
	io.write(string.format("ok=%d\n", ok))
end
