"""Bulk-loads VOLUNTEERS volunteers and HOURS verified hour records (with their activities, shifts and sign-ups)
into the SQLite database at PATH, spread over the city's communities and the last 12 months, and builds the
statistics rollups from them exactly as verification maintains them. Usage: volume.py PATH VOLUNTEERS HOURS"""
import random, sqlite3, sys, time

path, volunteers, hours = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = sqlite3.connect(path, timeout=60)
db.execute("PRAGMA synchronous = OFF")
communities = [r[0] for r in db.execute("SELECT code FROM divisions WHERE level = 'community' ORDER BY code")]
rng = random.Random(2018)
now = int(time.time())
start = time.time()
with db:
    db.executemany(
        "INSERT INTO society_volunteers (account_id, display_name, community_code, skills, availability, joined_at,"
        " verified_minutes, touched_at) VALUES (?, ?, ?, '', '', ?, 0, ?)",
        (("bulk-%d" % n, "志愿者%d" % n, communities[n % len(communities)], now, now) for n in range(volunteers)))
    per_shift = 100
    shifts = (hours + per_shift - 1) // per_shift
    for s in range(shifts):
        when = now - rng.randrange(365 * 86400)
        community = communities[s % len(communities)]
        db.execute("INSERT INTO society_activities VALUES (?, ?, NULL, '社区服务', '', '社区广场', 30.65, 104.06, '', 'bulk', ?)",
                   ("bulk-a%d" % s, community, when - 86400))
        db.execute("INSERT INTO society_shifts VALUES (?, ?, 'fixed', ?, ?, 180, ?, ?, ?, 'BULK')",
                   ("bulk-s%d" % s, "bulk-a%d" % s, when, when + 10800, per_shift, per_shift, per_shift))
        rows = []
        first = rng.randrange(volunteers)  # consecutive volunteers: one sign-up each per shift
        for k in range(min(per_shift, hours - s * per_shift)):
            v = (first + k) % volunteers
            rows.append(("bulk-g%d-%d" % (s, k), "bulk-s%d" % s, "bulk-%d" % v, k + 1, when - 86400,
                         "bulk-h%d-%d" % (s, k), communities[v % len(communities)], 30 + rng.randrange(150), when + 10800))
        db.executemany("INSERT INTO society_signups (id, shift_id, account_id, status, position, created_at)"
                       " VALUES (?, ?, ?, 'confirmed', ?, ?)", [r[:5] for r in rows])
        db.executemany("INSERT INTO society_hours (id, signup_id, account_id, activity_id, community_code, minutes,"
                       " status, note, reported_at, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, 'verified', '', ?, 'bulk', ?)",
                       [(r[5], r[0], r[2], "bulk-a%d" % s, r[6], r[7], r[8], r[8]) for r in rows])
print("loaded %d volunteers and %d hour records in %.0fs" % (volunteers, hours, time.time() - start))
start = time.time()
month = "strftime('%Y-%m', reviewed_at + 28800, 'unixepoch')"
with db:
    db.execute("UPDATE society_volunteers SET verified_minutes = COALESCE((SELECT SUM(minutes) FROM society_hours h"
               " WHERE h.account_id = society_volunteers.account_id AND h.status = 'verified'), 0)"
               " WHERE account_id LIKE 'bulk-%'")
    db.execute("INSERT INTO society_volunteer_months (account_id, month) SELECT DISTINCT account_id, %s"
               " FROM society_hours WHERE id LIKE 'bulk-%%' ON CONFLICT DO NOTHING" % month)
    # Every level, as verification maintains it: the community, its street, district and city.
    levels = [("community_code", "SUBSTR(community_code, 1, 9)"),
              ("SUBSTR(community_code, 1, 9)", "SUBSTR(community_code, 1, 6)"),
              ("SUBSTR(community_code, 1, 6)", "SUBSTR(community_code, 1, 4) || '00'"),
              ("SUBSTR(community_code, 1, 4) || '00'", "NULL")]
    for code, parent in levels:
        db.execute("INSERT INTO society_division_months (division_code, month, verified_minutes, active_volunteers)"
                   " SELECT %s, %s, SUM(minutes), COUNT(DISTINCT account_id) FROM society_hours"
                   " WHERE id LIKE 'bulk-%%' GROUP BY 1, 2 ON CONFLICT (division_code, month) DO UPDATE SET"
                   " verified_minutes = verified_minutes + excluded.verified_minutes,"
                   " active_volunteers = active_volunteers + excluded.active_volunteers" % (code, month))
        db.execute("INSERT INTO society_division_stats (division_code, parent_code, volunteers, verified_minutes)"
                   " SELECT %s, %s, COUNT(*), SUM(verified_minutes) FROM society_volunteers"
                   " WHERE account_id LIKE 'bulk-%%' GROUP BY 1"
                   " ON CONFLICT (division_code) DO UPDATE SET volunteers = volunteers + excluded.volunteers,"
                   " verified_minutes = verified_minutes + excluded.verified_minutes" % (code, parent))
print("rollups built in %.0fs" % (time.time() - start))
