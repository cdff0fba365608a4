-- A mix of the logged-in pages for the memory run: the people list, a
-- page further on, a search, and person pages of the organisation.
local ids = {}
for line in io.lines(os.getenv("PERSON_IDS")) do ids[#ids + 1] = line end
local n = 0
request = function()
	n = n + 1
	local k = n % 4
	local path
	if k == 0 then
		path = "/people"
	elseif k == 1 then
		path = "/people?page=" .. (n % 20 + 1)
	elseif k == 2 then
		path = "/people?q=" .. ({ "Jansen", "Bos", "anouk", "E25-001" })[n % 4 + 1]
	else
		path = "/people/" .. ids[n % #ids + 1]
	end
	return wrk.format("GET", path)
end
