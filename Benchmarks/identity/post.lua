-- wrk script: POST the body in $WRK_BODY with content type $WRK_TYPE and optional $WRK_AUTH header.
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY")
wrk.headers["Content-Type"] = os.getenv("WRK_TYPE")
local auth = os.getenv("WRK_AUTH")
if auth ~= nil and auth ~= "" then
    wrk.headers["Authorization"] = auth
end
