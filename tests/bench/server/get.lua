-- GET of wrk's URL, with a bearer token when ONB_TOKEN is set. Both sides of the status-read
-- comparison use it (onboard-server's enrollment, nginx's static file), so the client does the same work.
local report = dofile(os.getenv("ONB_BENCH_LUA") .. "/report.lua")
local token = os.getenv("ONB_TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

done = report.done
