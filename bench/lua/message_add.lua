-- im.message.add from a person: POST, form-encoded, to the person's inbound webhook URL
-- (…/rest/1/<secret>/im.message.add), DIALOG_ID round-robin over the bot ids listed one a line in
-- the file given as first argument (each a private dialog of the person with that bot).
--   wrk -s message_add.lua http://127.0.0.1:8080/rest/1/<secret>/im.message.add -- bots.txt
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local dialogs, counter = {}, 0
function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then dialogs[#dialogs + 1] = line end
  end
  assert(#dialogs > 0, "no bot ids in " .. tostring(args[1]))
  counter = 0
end

local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
function request()
  counter = counter + 1
  local dialog = dialogs[((counter + tid * 7919) % #dialogs) + 1]
  return wrk.format("POST", nil, headers,
    "DIALOG_ID=" .. dialog .. "&MESSAGE=Hello+bot%2C+message+" .. tid .. "-" .. counter)
end
