-- POSTs one form-encoded body, read from the file given as first argument, again and again: the
-- handler ceiling of the delivery benchmark posts an event body as the service delivered it.
--   wrk -s post_body.lua http://127.0.0.1:9000/h -- event-body.txt
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local request_text
function init(args)
  local file = assert(io.open(args[1], "rb"))
  local body = file:read("*a")
  file:close()
  assert(#body > 0, "empty body in " .. tostring(args[1]))
  request_text = wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function request()
  return request_text
end
