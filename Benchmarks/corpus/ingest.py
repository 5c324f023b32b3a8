#!/usr/bin/env python3
"""POSTs every article of a corpus NDJSON file to a Byline server from C concurrent
keep-alive clients; prints articles/s and the status counts.
Usage: ingest.py PORT FILE C [BATCH]
BATCH = 0 (default): one `POST /v1/articles` per article. BATCH = N > 0: each client sends
its articles as `POST /v1/articles/batch` requests of N NDJSON lines and counts the status
of every result line."""
import http.client, json, sys, threading, time, collections

def main():
    port, path, clients = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    batch = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    articles = [json.loads(l) for l in open(path, encoding="utf-8")]
    statuses = collections.Counter()
    lock = threading.Lock()
    def post(conn, target, body, content_type):
        conn.request("POST", target, body=body, headers={"Content-Type": content_type})
        r = conn.getresponse()
        return r, r.read()
    def worker(k):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        mine = articles[k::clients]
        if batch:
            for start in range(0, len(mine), batch):
                body = "".join(json.dumps({"text": t}) + "\n" for t in mine[start:start + batch]).encode("utf-8")
                r, data = post(conn, "/v1/articles/batch", body, "application/x-ndjson")
                lines = [json.loads(l) for l in data.decode("utf-8").splitlines() if l.strip()] if r.status == 200 else []
                with lock:
                    if r.status != 200:
                        statuses[f"request {r.status}"] += 1
                    for line in lines:
                        statuses[line["status"]] += 1
        else:
            for text in mine:
                r, _ = post(conn, "/v1/articles", text.encode("utf-8"), "text/plain; charset=utf-8")
                with lock:
                    statuses[r.status] += 1
                if r.getheader("Connection", "").lower() == "close":
                    conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    start = time.time()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    [t.start() for t in threads]; [t.join() for t in threads]
    elapsed = time.time() - start
    print(json.dumps({"articles": len(articles), "seconds": round(elapsed, 2),
                      "articles_per_s": round(len(articles) / elapsed, 1), "statuses": dict(statuses)}))

if __name__ == "__main__":
    main()
