"""Checks for scripts/crash-test.sh after the last restart: every acknowledged article is
served, complete (the same number of quotes and entities as its acknowledgement, its
quotes listed by /v1/quotes, a story), and no stored article is half-written (every
article the list shows has its quotes resource in agreement). Then, with the server
stopped, PRAGMA integrity_check must say ok. Usage: crash_verify.py PORT ACKS [DB]"""
import http.client, json, sqlite3, sys, urllib.parse

port, acks_path = int(sys.argv[1]), sys.argv[2]
db = sys.argv[3] if len(sys.argv) > 3 else None
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

def get(path):
    conn.request("GET", path)
    r = conn.getresponse()
    return r.status, json.loads(r.read() or b"null")

def quote_ids(article_id):
    ids, cursor = [], None
    while True:
        q = {"article": article_id, "limit": 200}
        if cursor: q["cursor"] = cursor
        status, page = get("/v1/quotes?" + urllib.parse.urlencode(q))
        assert status == 200, (status, page)
        ids += [x["id"] for x in page["data"]]
        cursor = page["next_cursor"]
        if not cursor: return ids

failures = []
if db is None:
    acks = [json.loads(l) for l in open(acks_path, encoding="utf-8")]
    unexpected = [a for a in acks if "unexpected_status" in a]
    failures += [f"unexpected status {a['unexpected_status']}: {a['body'][:200]}" for a in unexpected]
    acked = {a["id"]: a for a in acks if "id" in a}
    for id, ack in acked.items():
        status, article = get(f"/v1/articles/{id}")
        if status != 200:
            failures.append(f"acknowledged article {id} is missing ({status})"); continue
        if len(article["quotes"]) != ack["quotes"] or len(article["entities"]) != ack["entities"]:
            failures.append(f"{id}: {len(article['quotes'])} quotes/{len(article['entities'])} entities, "
                            f"acknowledged with {ack['quotes']}/{ack['entities']}")
        if article.get("story_id") is None:
            failures.append(f"{id}: no story")
    stored, cursor = [], None
    while True:
        status, page = get("/v1/articles?limit=200" + (f"&cursor={cursor}" if cursor else ""))
        stored += [a["id"] for a in page["data"]]
        cursor = page["next_cursor"]
        if not cursor: break
    for id in stored:
        status, article = get(f"/v1/articles/{id}")
        if status != 200:
            failures.append(f"listed article {id} is not served ({status})"); continue
        if sorted(q["id"] for q in article["quotes"]) != sorted(quote_ids(id)):
            failures.append(f"{id}: its quotes and the quotes resource disagree (half-written?)")
    print(json.dumps({"acknowledged": len(acked), "stored": len(stored), "failures": len(failures)}))
else:
    result = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchall()
    if result != [("ok",)]:
        failures.append(f"integrity_check: {result}")
    print(json.dumps({"integrity_check": result[0][0] if len(result) == 1 else result}))
for f in failures[:20]:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
