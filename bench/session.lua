-- session.lua — the wrk script of bench/session: every connection answers
-- as one of the 30 members of the session (its session cookie and CSRF
-- token, a line "COOKIE CSRF" of the members file), POSTing a one-minute
-- answer to /sessions/{id}/answers as the members' page does; the 30
-- connections take the members in turn. One person gives at most 20
-- answers in a session: after 600 answers (20 of each member) the members
-- go on to the next session of the SESSIONS file (one id a line).
--
--   wrk -t1 -c30 -d10s -s bench/session.lua URL -- MEMBERS SESSIONS
local texts = {
	"Vraag+je+team+wat+zij+nodig+hebben.",
	"Begin+met+een+gesprek+over+het+gezamenlijke+doel.",
	"Misschien+ligt+het+niet+aan+het+team+maar+aan+de+opdracht.",
	"Laat+een+collega+meekijken+bij+het+volgende+overleg.",
}
local members = {}

function init(args)
	for line in io.lines(args[1]) do
		local cookie, csrf = line:match("^(%S+) (%S+)$")
		members[#members + 1] = { cookie = cookie, csrf = csrf }
	end
	sessions = {}
	for line in io.lines(args[2]) do
		sessions[#sessions + 1] = line
	end
	sent = 0
end

-- the members in turn: request after request another member answers
function request()
	sent = sent + 1
	local m = members[(sent - 1) % #members + 1]
	local per = 20 * #members
	local path = "/sessions/" .. sessions[math.floor((sent - 1) / per) % #sessions + 1] .. "/answers"
	local headers = {
		["Content-Type"] = "application/x-www-form-urlencoded",
		["Cookie"] = "lg_session=" .. m.cookie,
	}
	return wrk.format("POST", path, headers, "csrf=" .. m.csrf .. "&answer=" .. texts[sent % #texts + 1])
end
