"""Drives the certificate API for Benchmarks/communityaffairs/measure.sh (standard library only).

issue.py BASE number                      prints the number of one genuine demo certificate
issue.py BASE issue REQUESTS PARALLEL     files REQUESTS requests as the demo resident, then approves them
                                          PARALLEL at a time as the demo community worker; prints approvals/s
"""
import hashlib, hmac, json, struct, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE = sys.argv[1]


def call(method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def totp(secret):
    key = secret.encode()
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def login(username, otp=False):
    body = {"username": username, "password": "Chengdu-Demo-2018"}
    if otp:
        body["otp"] = totp("CitizenCloudDemoTOTP")
    return call("POST", "/api/v1/auth/login", body)["accessToken"]


resident = login("13800138000")
if sys.argv[2] == "number":
    items = call("GET", "/api/v1/certificates/documents", token=resident)["items"]
    print(next(item["number"] for item in items if not item.get("revokedAt")))
    sys.exit(0)

count, parallel = int(sys.argv[3]), int(sys.argv[4])
worker = login("community.worker", otp=True)
ids = [
    call("POST", "/api/v1/certificates/requests",
         {"kind": "volunteer-service", "inputs": {"hours": str(n), "service": "基准测试", "purpose": "测量"}},
         token=resident)["id"]
    for n in range(count)
]
started = time.monotonic()
with ThreadPoolExecutor(parallel) as pool:
    results = list(pool.map(
        lambda id: call("POST", f"/api/v1/certificates/requests/{id}/review", {"decision": "approve"}, token=worker),
        ids))
elapsed = time.monotonic() - started
numbers = {result["certificateNumber"] for result in results}
assert len(numbers) == count, "a number was handed out twice"
print(f"issued {count} certificates in {elapsed:.2f}s: {count / elapsed:.1f} per second ({len(numbers)} distinct numbers)")
