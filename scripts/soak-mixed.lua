-- wrk script for scripts/soak.sh: a mix of read routes, picked round-robin per request.
-- The paths come from the SOAK_PATHS environment variable, separated by spaces. Counts
-- responses by class, so the script can fail on server errors (5xx) while it reports 4xx
-- (a story's ID changes when an older article joins it, so a fixed story URL can 404).
local paths = {}
for p in string.gmatch(os.getenv("SOAK_PATHS") or "/healthz", "%S+") do paths[#paths + 1] = p end
local i = 0
local threads = {}

setup = function(thread)
    table.insert(threads, thread)
end

init = function(args)
    client_errors = 0
    server_errors = 0
end

request = function()
    i = i + 1
    return wrk.format("GET", paths[(i % #paths) + 1])
end

response = function(status, headers, body)
    if status >= 500 then server_errors = server_errors + 1
    elseif status >= 400 then client_errors = client_errors + 1 end
end

done = function(summary, latency, requests)
    local c, s = 0, 0
    for _, thread in ipairs(threads) do
        c = c + thread:get("client_errors")
        s = s + thread:get("server_errors")
    end
    io.write(string.format("status 4xx: %d\nstatus 5xx: %d\n", c, s))
end
