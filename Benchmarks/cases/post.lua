-- wrk script: the same POST each time; method, content type, body and authorization come from measure.sh.
wrk.method = os.getenv("WRK_METHOD") or "POST"
wrk.body = os.getenv("WRK_BODY")
wrk.headers["Content-Type"] = os.getenv("WRK_TYPE")
local auth = os.getenv("WRK_AUTH")
if auth then wrk.headers["Authorization"] = auth end
