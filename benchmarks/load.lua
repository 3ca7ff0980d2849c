-- wrk script of benchmarks/run. Environment: BENCH_METHOD (GET or POST), BENCH_PATH,
-- BENCH_TOKEN (optional bearer token), BENCH_BODY (POST body; %INSZ% becomes a fresh, valid
-- INSZ per request), BENCH_OFFSET (first person number, so that runs never repeat a client),
-- BENCH_DELAY_MS (pause before each request of a connection: a fixed, lower load).
-- Prints one line: RESULT requests rate p50_ms p99_ms max_ms non_2xx socket_errors.
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH")
local token = os.getenv("BENCH_TOKEN") or ""
local body = os.getenv("BENCH_BODY")
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads - 1)
end

local seq = 0
local base = os.time({year = 1950, month = 1, day = 1, hour = 12})
-- A client born between 1950 and 1999 with serial 001-600 (benchmarks/import-file uses 601-997).
local function insz()
  local key = (offset + seq) * 16 + tid
  seq = seq + 1
  local born = os.date("*t", base + math.floor(key / 600) * 86400)
  local first9 = string.format("%02d%02d%02d%03d", born.year % 100, born.month, born.day, key % 600 + 1)
  return first9 .. string.format("%02d", 97 - tonumber(first9) % 97)
end

local headers = {["Content-Type"] = "application/json"}
if token ~= "" then headers["Authorization"] = "Bearer " .. token end

function request()
  if method == "POST" then
    return wrk.format("POST", path, headers, (body:gsub("%%INSZ%%", insz())))
  end
  return wrk.format("GET", path, headers)
end

if pause > 0 then
  function delay() return pause end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %d %d\n", summary.requests,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
