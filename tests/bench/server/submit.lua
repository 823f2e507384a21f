-- POST /v1/enrollments/{id}/events {"kind":"submitted","base_version":1}: the customer submits an
-- enrollment (draft -> submitted, after validating the stored application), a durable write
-- acknowledged after COMMIT. Each id (from create.lua) is submitted once: threads take disjoint
-- slices of the id file. Args after `--`: IDS_FILE THREADS. Should a thread run out of ids it starts
-- over, and the repeats answer 409 and show up as status_errors, so a run too long is visible.
local report = dofile(os.getenv("ONB_BENCH_LUA") .. "/report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ONB_TOKEN")
local body = '{"kind":"submitted","base_version":1}'

local threads = 0
function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

function init(args)
  local count = tonumber(args[2])
  mine, next_id = {}, 0
  local n = 0
  for line in io.lines(args[1]) do
    if n % count == index then mine[#mine + 1] = line end
    n = n + 1
  end
  assert(#mine > 0, "no enrollment ids for thread " .. index)
end

function request()
  next_id = next_id % #mine + 1
  return wrk.format(nil, "/v1/enrollments/" .. mine[next_id] .. "/events", nil, body)
end

done = report.done
