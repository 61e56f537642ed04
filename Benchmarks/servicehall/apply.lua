-- wrk script: submit applications, each with a fresh Idempotency-Key (thread number and a counter), so every
-- request creates one application. $WRK_PATH, $WRK_BODY and $WRK_AUTH come from measure.sh.
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("tid", threads)
end

local counter = 0
local path = os.getenv("WRK_PATH")
local body = os.getenv("WRK_BODY")
local auth = os.getenv("WRK_AUTH")
local run = os.getenv("WRK_RUN") or "run"

function request()
    counter = counter + 1
    return wrk.format("POST", path, {
        ["Content-Type"] = "application/json",
        ["Authorization"] = auth,
        ["Idempotency-Key"] = run .. "-" .. tostring(tid) .. "-" .. tostring(counter),
    }, body)
end
