#!/usr/bin/env python3
"""POSTs every article of a corpus NDJSON file to a Byline server from C concurrent
keep-alive clients; prints articles/s and the status counts. Usage: ingest.py PORT FILE C"""
import http.client, json, sys, threading, time, collections

def main():
    port, path, clients = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    articles = [json.loads(l) for l in open(path, encoding="utf-8")]
    statuses = collections.Counter()
    lock = threading.Lock()
    def worker(k):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for text in articles[k::clients]:
            conn.request("POST", "/v1/articles", body=text.encode("utf-8"),
                         headers={"Content-Type": "text/plain; charset=utf-8"})
            r = conn.getresponse(); r.read()
            with lock:
                statuses[r.status] += 1
            if r.getheader("Connection", "").lower() == "close":
                conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start = time.time()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    [t.start() for t in threads]; [t.join() for t in threads]
    elapsed = time.time() - start
    print(json.dumps({"articles": len(articles), "seconds": round(elapsed, 2),
                      "articles_per_s": round(len(articles) / elapsed, 1), "statuses": dict(statuses)}))

if __name__ == "__main__":
    main()
