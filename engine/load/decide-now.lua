-- wrk script: POST /api/cases/decide-now at a fixed arrival rate, signed with an e-service's API key.
--
--   wrk -t1 -c64 -d60s --latency -s decide-now.lua http://127.0.0.1:8080 -- <rate per second> <threads>
--   (the key in BESLISSTRAAT_API_KEY; decide-now.sh does all of this)
--
-- wrk itself sends as fast as the server answers. Here every thread keeps a timetable of arrivals,
-- <rate>/<threads> per second, and delay() holds each connection until the next arrival is due, so
-- the load is an open arrival rate as long as a connection is free when an arrival is due. When
-- none is, the arrival starts late and wrk, which times a request from its actual start, would not
-- see the wait (coordinated omission): such late starts are counted and reported, and a run with
-- late starts did not hold its rate. The bodies are valid applications of the four case types
-- (DOMAIN.md, the input schemas under rules/), generated with varied values, so that the outcomes
-- vary too: granted, rejected, partially granted and to review.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bs_timespec;
  int clock_gettime(int clock, bs_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bs_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
local thread_number = 0

function setup(thread)
  thread_number = thread_number + 1
  thread:set("number", thread_number)
  table.insert(threads, thread)
end

-- ---------------------------------------------------------------------------------------------
-- Applications

local function pick(list) return list[math.random(#list)] end
local function chance(p) return math.random() < p end
local function amount(low, high) return string.format("%.2f", low + math.random() * (high - low)) end
local function json_value(v)
  if v == nil then return "null" end
  if type(v) == "boolean" then return tostring(v) end
  if type(v) == "number" then return tostring(v) end
  return '"' .. v .. '"'
end
local function object(fields)
  local parts = {}
  for _, field in ipairs(fields) do
    parts[#parts + 1] = '"' .. field[1] .. '":' .. json_value(field[2])
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

-- a reference date in 2026, on both sides of 1 July when rules and norms change
local function reference_time()
  return os.time({year = 2026, month = 1, day = 5, hour = 12}) + math.random(0, 320) * 86400
end
local function iso(t) return os.date("!%Y-%m-%d", t) end

local function parking_permit()
  local lease = chance(0.15)
  return object({
    {"caseType", "PARKING_PERMIT"}, {"referenceDate", iso(reference_time())},
    {"zone", chance(0.95) and pick({"A", "B"}) or nil},
    {"vehicleHolderIsApplicant", not lease and chance(0.95)},
    {"leaseOrCompanyCar", lease},
    {"declarationSupplied", lease and (chance(0.7) and true or nil) or nil},
    {"vehicleLength", amount(3.2, chance(0.95) and 5.9 or 6.8)},
    {"vehicleHeight", amount(1.3, chance(0.95) and 2.2 or 2.7)},
    {"fuel", pick({"PETROL", "DIESEL", "ELECTRIC", "HYBRID", "LPG"})},
    {"euroClass", math.random(0, 6)},
    {"permitsAtAddress", pick({0, 0, 0, 1, 1, 2, 3})},
    {"ownParkingSpace", chance(0.08)},
  })
end

local function tax_remission()
  local household = pick({"SINGLE", "SINGLE_PARENT", "COUPLE"})
  local owner = chance(0.1)
  local cars = pick({0, 0, 0, 1, 1, 2})
  return object({
    {"caseType", "TAX_REMISSION"}, {"referenceDate", iso(reference_time())},
    {"amountDue", amount(150, 900)},
    {"householdType", household},
    {"pensionAge", chance(0.2)},
    {"otherResidents27Plus", chance(0.1) and 1 or 0},
    {"netIncome", amount(900, 2600)},
    {"allowances", amount(0, 500)},
    {"rent", amount(400, 1000)},
    {"healthPremium", amount(120, 160)},
    {"bankBalance", amount(-500, 6000)},
    {"carCount", cars},
    {"carValue", cars > 0 and amount(500, 6000) or nil},
    {"carNeededClaim", cars > 0 and chance(0.3) or nil},
    {"homeOwner", owner},
    {"wozValue", owner and amount(150000, 400000) or nil},
    {"mortgage", owner and amount(140000, 420000) or nil},
  })
end

local function city_pass()
  return object({
    {"caseType", "CITY_PASS"}, {"referenceDate", iso(reference_time())},
    {"age", math.random(15, 90)},
    {"resident", chance(0.95)},
    {"householdType", pick({"SINGLE", "SINGLE_PARENT", "COUPLE"})},
    {"pensionAge", chance(0.2)},
    {"netIncome", amount(800, 2800)},
    {"bankBalance", amount(-200, 6000)},
    {"studentFinance", chance(0.08)},
    {"selfEmployed", chance(0.12)},
  })
end

local function event_notification()
  local received = reference_time()
  local start_hour = math.random(8, 16)
  local end_hour = math.min(23, start_hour + math.random(2, 8))
  return object({
    {"caseType", "EVENT_NOTIFICATION"}, {"referenceDate", iso(received)},
    {"eventDate", iso(received + math.random(5, 60) * 86400)},
    {"startTime", string.format("%02d:%02d", start_hour, pick({0, 30}))},
    {"endTime", string.format("%02d:00", end_hour)},
    {"visitors", math.random(20, 260)},
    {"musicEndTime", chance(0.5) and string.format("%02d:00", math.random(19, 23)) or nil},
    {"roadClosure", chance(0.1)},
    {"objectCount", math.random(0, 4)},
    {"largestObjectArea", amount(1, chance(0.9) and 9.5 or 14)},
    {"alcoholSold", chance(0.15)},
  })
end

local kinds = {parking_permit, tax_remission, city_pass, event_notification}

-- ---------------------------------------------------------------------------------------------
-- The timetable

local bodies = {}
local next_body = 1
local headers = {}
local interval_ms
local next_arrival
-- globals, so that done() can read them from each thread
late_starts = 0
late_ms_max = 0
non_created = 0
-- an arrival that starts this much after its time counts as late
local LATE_AFTER_MS = 2

function init(args)
  local rate = tonumber(args[1] or "500")
  local thread_count = tonumber(args[2] or "1")
  interval_ms = 1000 * thread_count / rate
  math.randomseed(7919 * number + os.time())
  for i = 1, 4000 do
    bodies[i] = kinds[(i % #kinds) + 1]()
  end
  -- BESLISSTRAAT_AUTHORIZATION sends another Authorization header as it is (such as "Basic ..."),
  -- to compare the cost of signing in with a password
  local authorization = os.getenv("BESLISSTRAAT_AUTHORIZATION")
  local key = os.getenv("BESLISSTRAAT_API_KEY")
  if authorization ~= nil and authorization ~= "" then
    headers["Authorization"] = authorization
  elseif key ~= nil and key ~= "" then
    headers["Authorization"] = "Bearer " .. key
  else
    error("set BESLISSTRAAT_API_KEY to an e-service's API key")
  end
  headers["Content-Type"] = "application/json"
  -- threads start their timetables a fraction of an interval apart
  next_arrival = now_ms() + interval_ms * (number - 1) / thread_count
end

function delay()
  local now = now_ms()
  next_arrival = next_arrival + interval_ms
  local wait = next_arrival - now
  if wait < -LATE_AFTER_MS then
    late_starts = late_starts + 1
    if -wait > late_ms_max then late_ms_max = -wait end
  end
  return wait > 0 and wait or 0
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/cases/decide-now", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    non_created = non_created + 1
    if non_created <= 3 then
      io.stderr:write("status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local late, late_max, refused = 0, 0, 0
  for _, thread in ipairs(threads) do
    late = late + thread:get("late_starts")
    late_max = math.max(late_max, thread:get("late_ms_max"))
    refused = refused + thread:get("non_created")
  end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("requests        %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("achieved        %.1f req/s\n", summary.requests / seconds))
  io.write(string.format("latency p50     %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p90     %.2f ms\n", latency:percentile(90) / 1000))
  io.write(string.format("latency p99     %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency p99.9   %.2f ms\n", latency:percentile(99.9) / 1000))
  io.write(string.format("latency max     %.2f ms\n", latency.max / 1000))
  io.write(string.format("errors          %d (not 201: %d, socket: %d, timeouts: %d)\n",
    refused + socket_errors, refused, socket_errors, errors.timeout))
  io.write(string.format("late starts     %d (latest %.1f ms after its time)\n", late, late_max))
end
