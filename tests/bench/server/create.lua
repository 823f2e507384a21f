-- POST /v1/enrollments with the complete application (ONB_APPLICATION) as ONB_TOKEN's customer: each
-- 201 is a durable write (acknowledged after COMMIT). The new ids go to ONB_IDS_DIR/ids-<thread>.txt
-- for submit.lua, so the setup of the submission benchmark is itself a measured benchmark of creates.
local report = dofile(os.getenv("ONB_BENCH_LUA") .. "/report.lua")
local file = assert(io.open(os.getenv("ONB_APPLICATION")))
local application = file:read("*a")
file:close()

wrk.method = "POST"
wrk.body = '{"application":' .. application .. '}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ONB_TOKEN")

local threads = 0
function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

function init()
  ids = assert(io.open(os.getenv("ONB_IDS_DIR") .. "/ids-" .. index .. ".txt", "w"))
  ids:setvbuf("line")  -- wrk exits without closing Lua states: unflushed ids would be lost
end

-- The enrollment's id is the only "id" of 32 hex digits: the application's documents have ids too,
-- but they are the client's own words ("register", "vat").
local id_pattern = '"id":"(' .. string.rep("%x", 32) .. ')"'
function response(status, headers, body)
  if status ~= 201 then return end
  local id = body:match(id_pattern)
  if id then ids:write(id, "\n") end
end

done = report.done
