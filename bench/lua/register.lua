-- imbot.register as CRest sends it: POST, form-encoded the way PHP's http_build_query does
-- (brackets as %5B/%5D, UTF-8 percent-encoded), the access token in the body's auth field.
-- The seed's example with a unique CODE and EMAIL per request, spread round-robin over the
-- applications whose access tokens are listed, one a line, in the file given as first argument.
-- Second argument: a tag that keeps codes unique across the runs against one service.
--   wrk -s register.lua http://127.0.0.1:8080/rest/imbot.register -- tokens.txt run1
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local tokens, tag, counter = {}, "r", 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then tokens[#tokens + 1] = line end
  end
  assert(#tokens > 0, "no access tokens in " .. tostring(args[1]))
  tag = (args[2] or "r") .. "t" .. tid
  counter = 0
end

local head = "auth="
local fixed = "&TYPE=B"
  .. "&EVENT_HANDLER=http%3A%2F%2Fwww.hazz%2FchatApi%2Fevent.php"
  .. "&OPENLINE=Y"
  .. "&PROPERTIES%5BNAME%5D=NewBot"
  .. "&PROPERTIES%5BLAST_NAME%5D="
  .. "&PROPERTIES%5BCOLOR%5D=GREEN"
local tail = "&PROPERTIES%5BPERSONAL_BIRTHDAY%5D=2016-03-11"
  .. "&PROPERTIES%5BWORK_POSITION%5D=%D0%9B%D1%83%D1%87%D1%88%D0%B8%D0%B9+%D1%81%D0%BE%D1%82%D1%80%D1%83%D0%B4%D0%BD%D0%B8%D0%BA"
  .. "&PROPERTIES%5BPERSONAL_WWW%5D=http%3A%2F%2Ftest.ru"
  .. "&PROPERTIES%5BPERSONAL_GENDER%5D=F"
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function request()
  counter = counter + 1
  -- Threads start at different applications so they do not queue on the same lock.
  local token = tokens[((counter + tid * 7919) % #tokens) + 1]
  local code = tag .. "n" .. counter
  local body = head .. token .. "&CODE=" .. code .. fixed
    .. "&PROPERTIES%5BEMAIL%5D=" .. code .. "%40test.ru" .. tail
  return wrk.format("POST", nil, headers, body)
end
