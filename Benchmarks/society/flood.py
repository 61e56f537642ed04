"""Sign-up flood on one popular activity: registers VOLUNTEERS residents, opts each in, posts one activity with
one fixed shift of CAPACITY places as the demo city officer, then has every volunteer sign up at once (CONNECTIONS
threads, keep-alive) and reports sign-ups per second; checks that places never exceed the capacity and that the
confirmed are the first arrivals. Usage: flood.py BASE VOLUNTEERS CAPACITY CONNECTIONS"""
import hashlib, hmac, http.client, json, struct, sys, time, urllib.parse
from concurrent.futures import ThreadPoolExecutor

base, volunteers, capacity, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
host = urllib.parse.urlparse(base)


def call(conn, method, path, body=None, token=None, forwarded=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    return response.status, json.loads(response.read() or b"{}")


def id_number(n):
    body = "510104" + "1990%02d%02d" % (1 + n % 12, 1 + n % 28) + "%03d" % (100 + n % 800)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


def volunteer(n):
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    phone, password, forwarded = "139%08d" % (50_000_000 + n), "Flood-Volunteer-2018", "10.9.%d.%d" % (n // 250, n % 250)
    status, _ = call(conn, "POST", "/api/v1/residents", {"name": "志愿者%d" % n, "idNumber": id_number(n),
                                                          "phone": phone, "password": password}, forwarded=forwarded)
    assert status == 201, status
    status, body = call(conn, "POST", "/api/v1/auth/login", {"username": phone, "password": password}, forwarded=forwarded)
    token = body["accessToken"]
    status, _ = call(conn, "PUT", "/api/v1/society/volunteers/me", {"communityCode": community}, token=token)
    assert status == 200, status
    return conn, token


def officer_token():
    key = b"CitizenCloudDemoTOTP"  # HummingbirdOTP uses the secret's UTF-8 bytes as the HMAC key
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 15
    otp = "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)
    conn = http.client.HTTPConnection(host.hostname, host.port)
    status, body = call(conn, "POST", "/api/v1/auth/login",
                        {"username": "city.officer", "password": "Chengdu-Demo-2018", "otp": otp})
    return conn, body["accessToken"]


conn, officer = officer_token()
status, page = call(conn, "GET", "/api/v1/society/activities?limit=1")
community = page["items"][0]["communityCode"]
start = time.time()
with ThreadPoolExecutor(8) as pool:
    people = list(pool.map(volunteer, range(volunteers)))
print("set-up: %d volunteers registered, signed in and opted in in %.1fs" % (volunteers, time.time() - start))
starts = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 86400))
ends = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 86400 + 7200))
conn = http.client.HTTPConnection(host.hostname, host.port)  # the first one idled out during the set-up
status, activity = call(conn, "POST", "/api/v1/society/activities", {
    "communityCode": community, "title": "Popular: marathon water station", "place": "Tianfu Square",
    "lat": 30.657, "lon": 104.066,
    "shifts": [{"kind": "fixed", "startsAt": starts, "endsAt": ends, "capacity": capacity}]}, token=officer)
assert status == 201, (status, activity)
shift = activity["shifts"][0]["id"]


# Fresh connections (those of the set-up may have idled out), opened before the clock starts.
people = [(http.client.HTTPConnection(host.hostname, host.port, timeout=120), token) for _, token in people]
for c, _ in people:
    c.connect()


def sign_up(person):
    conn, token = person
    return call(conn, "POST", "/api/v1/society/shifts/%s/signups" % shift, token=token)


start = time.time()
with ThreadPoolExecutor(connections) as pool:
    results = list(pool.map(sign_up, people))
elapsed = time.time() - start
statuses = [s for s, _ in results]
confirmed = sorted(b["position"] for s, b in results if s == 201 and b["status"] == "confirmed")
waitlisted = [b for s, b in results if s == 201 and b["status"] == "waitlisted"]
print("sign-ups: %d in %.2fs = %.0f/s (%d confirmed, %d waitlisted, other answers %s)" % (
    len(results), elapsed, len(results) / elapsed, len(confirmed), len(waitlisted),
    sorted(set(s for s in statuses if s != 201))))
assert len(confirmed) == min(capacity, volunteers), "capacity exceeded or places lost"
assert confirmed == list(range(1, len(confirmed) + 1)), "the confirmed are not the first arrivals"
