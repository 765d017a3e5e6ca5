-- Open-loop pacing of im.message.add for the delivery step's latency (c): message i is due at
-- start + i / RATE whatever the earlier answers did, and its text "b<epoch µs>" carries that due
-- moment, so a send held up by busy connections counts against the service (no coordinated
-- omission); the handler reads the text on receipt. Each connection, when free, takes the next
-- message and waits for its due moment (wrk's delay(), whole milliseconds, rounded up: a send is
-- never early). One wrk thread (500 messages a second are little for it).
--   wrk -t1 -c64 -d600s -s pace.lua URL -- DIALOGS RATE SECONDS
-- Prints "sent=N errors=N late=N" (late: sends more than 5 ms after their due moment). The run
-- ends with the last answer: wrk's main thread, which otherwise sleeps out -d, is interrupted as
-- its own SIGINT handler expects.
local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } bench_pace_timespec;
int clock_gettime(int clock, bench_pace_timespec *tp);
unsigned long pthread_self(void);
int pthread_kill(unsigned long thread, int sig);
]])
local now_buffer = ffi.new("bench_pace_timespec")
local function micros()
  ffi.C.clock_gettime(0, now_buffer) -- CLOCK_REALTIME: the handler reads epoch µs too
  return tonumber(now_buffer.tv_sec) * 1000000 + math.floor(tonumber(now_buffer.tv_nsec) / 1000)
end

-- Main state: the start and the main thread, told to the one thread.
local threads = {}
local start_us = micros() + 200000
function setup(thread)
  assert(#threads == 0, "pace.lua paces from one wrk thread (-t1)")
  thread:set("start_us", start_us)
  thread:set("main_thread", tonumber(ffi.C.pthread_self()))
  table.insert(threads, thread)
end

-- Thread state.
local dialogs, interval_us, total
local next_i, head, tail, answered = 0, 1, 0, 0
-- Globals: the main state reads them with thread:get().
sent, late = 0, 0
local queue = {}
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  dialogs = {}
  for dialog in string.gmatch(args[1], "[^,]+") do
    table.insert(dialogs, dialog)
  end
  local rate = tonumber(args[2])
  interval_us = 1000000 / rate
  total = math.floor(rate * tonumber(args[3]) + 0.5)
end

function delay()
  local i = next_i
  if i >= total then
    return 3600000 -- nothing left for this connection
  end
  next_i = next_i + 1
  tail = tail + 1
  queue[tail] = i
  local wait_us = start_us + i * interval_us - micros()
  if wait_us <= 0 then
    if wait_us < -5000 then
      late = late + 1
    end
    return 0
  end
  return math.ceil(wait_us / 1000)
end

function request()
  local i = queue[head]
  if i == nil then
    -- wrk's own check of the script, before any delay(): a message that is never sent
    return wrk.format("POST", nil, headers, "DIALOG_ID=0")
  end
  queue[head] = nil
  head = head + 1
  sent = sent + 1
  local body = "DIALOG_ID=" .. dialogs[(i % #dialogs) + 1]
    .. "&MESSAGE=b" .. string.format("%d", math.floor(start_us + i * interval_us))
  return wrk.format("POST", nil, headers, body)
end

function response(status, response_headers, body)
  answered = answered + 1
  if answered == total then
    ffi.C.pthread_kill(ffi.cast("unsigned long", main_thread), 2) -- SIGINT: wrk's own stop
  end
end

function done(summary, latency, requests)
  local all_sent, all_late = 0, 0
  for _, thread in ipairs(threads) do
    all_sent = all_sent + thread:get("sent")
    all_late = all_late + thread:get("late")
  end
  local e = summary.errors
  io.write(string.format("sent=%d errors=%d late=%d\n", all_sent,
    e.status + e.connect + e.read + e.write + e.timeout, all_late))
end
