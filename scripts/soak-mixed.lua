-- wrk script for scripts/soak.sh: a mix of read routes, picked round-robin per request.
-- The paths come from the SOAK_PATHS environment variable, separated by spaces.
local paths = {}
for p in string.gmatch(os.getenv("SOAK_PATHS") or "/healthz", "%S+") do paths[#paths + 1] = p end
local i = 0
request = function()
    i = i + 1
    return wrk.format("GET", paths[(i % #paths) + 1])
end
