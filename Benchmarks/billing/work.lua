-- wrk script for Benchmarks/billing/measure.sh: every request is a fresh booking or payment.
--   WRK_MODE=book   POST /api/v1/slots/{slot}/bookings, each (resident, slot) pair used once
--   WRK_MODE=pay    POST /api/v1/bills/{bill}/payments with a fresh Idempotency-Key, each bill once
--   WRK_MODE=affairs  GET /api/v1/me/affairs (first page, 20 items) of each resident in turn
-- Thread i of WRK_THREADS takes rows i, i + WRK_THREADS, …; a row used twice would fail and be counted as failed.
-- WRK_DATA names a file written by measure.sh: lines "token slot" (book), "token bill amount" (pay) or "token"
-- (affairs).
-- Counts 2xx answers per thread so the summary reports successful operations, not attempts.
local mode = os.getenv("WRK_MODE")
local rows = {}
local threads = {}
local counter = 0

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(os.getenv("WRK_DATA")) do
        local fields = {}
        for field in line:gmatch("%S+") do table.insert(fields, field) end
        table.insert(rows, fields)
    end
    ok = 0
    failed = 0
    counter = id
end

function request()
    local row = rows[(counter % #rows) + 1]
    local n = counter
    counter = counter + tonumber(os.getenv("WRK_THREADS"))
    local headers = { ["Authorization"] = "Bearer " .. row[1], ["Content-Type"] = "application/json" }
    if mode == "affairs" then
        return wrk.format("GET", "/api/v1/me/affairs", { ["Authorization"] = "Bearer " .. row[1] })
    end
    if mode == "book" then
        return wrk.format("POST", "/api/v1/slots/" .. row[2] .. "/bookings", headers, "")
    end
    headers["Idempotency-Key"] = "bench-" .. id .. "-" .. n
    return wrk.format("POST", "/api/v1/bills/" .. row[2] .. "/payments", headers, '{"amountFen":' .. row[3] .. '}')
end

function response(status, headers, body)
    if status >= 200 and status < 300 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
    local total_ok, total_failed = 0, 0
    for _, thread in ipairs(threads) do
        total_ok = total_ok + thread:get("ok")
        total_failed = total_failed + thread:get("failed")
    end
    io.write(string.format("succeeded %d failed %d\n", total_ok, total_failed))
end
