-- wrk script: GET the paths listed in $WRK_PATHS (one a line). Thread i of $WRK_THREADS requests paths i, i + n,
-- i + 2n, … in order, so no path is requested twice unless a thread runs through its whole share; done() says
-- whether any did ("wrapped"), which would mean the run also measured repeats.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end

function init(args)
    paths = {}
    for line in io.lines(os.getenv("WRK_PATHS")) do
        if line ~= "" then table.insert(paths, line) end
    end
    step = tonumber(os.getenv("WRK_THREADS"))
    position = id
    wrapped = "no"
end

function request()
    local path = paths[position]
    position = position + step
    if position > #paths then
        position = id
        wrapped = "yes"
    end
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local count = 0
    for line in io.lines(os.getenv("WRK_PATHS")) do
        if line ~= "" then count = count + 1 end
    end
    local any = "no"
    for _, thread in ipairs(threads) do
        if thread:get("wrapped") == "yes" then any = "yes" end
    end
    io.write(string.format("rotation: %d requests over %d distinct paths, wrapped: %s\n", summary.requests,
        count, any))
end
