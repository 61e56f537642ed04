-- wrk script: chained refresh-token rotation. Each thread has one connection and its own token family (from the
-- comma-separated $WRK_TOKENS); every response's new refresh token is used for the next request.
local tokens = {}
for t in string.gmatch(os.getenv("WRK_TOKENS"), "[^,]+") do
    table.insert(tokens, t)
end
local next_index = 1

function setup(thread)
    thread:set("token", tokens[next_index])
    next_index = next_index + 1
end

function init(args)
    current = token
end

function request()
    return wrk.format("POST", "/api/v1/auth/refresh", { ["Content-Type"] = "application/json" },
        '{"refreshToken":"' .. current .. '"}')
end

function response(status, headers, body)
    local t = string.match(body, '"refreshToken":"([^"]+)"')
    if t then
        current = t
    end
end
