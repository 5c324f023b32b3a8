"""Concurrent writers for scripts/soak.sh: W threads POST articles from a corpus NDJSON
file (one JSON string per line) in a loop until SECONDS have passed, each article made
unique by a counter line so every POST stores something new. Prints a JSON summary:
acknowledged count and any status other than 201."""
import collections, http.client, json, sys, threading, time

port, path, writers, seconds = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
articles = [json.loads(l) for l in open(path, encoding="utf-8")]
statuses = collections.Counter()
lock = threading.Lock()
deadline = time.time() + seconds

def worker(k):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = k
    while time.time() < deadline:
        text = articles[n % len(articles)] + f"\n\nSoak writer {k} article {n}.\n"
        n += writers
        try:
            conn.request("POST", "/v1/articles", body=text.encode("utf-8"),
                         headers={"Content-Type": "text/plain; charset=utf-8"})
            r = conn.getresponse(); r.read()
            status = r.status
        except Exception as error:  # a failed request is a soak failure, counted by kind
            status = type(error).__name__
            conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with lock:
            statuses[status] += 1

threads = [threading.Thread(target=worker, args=(k,)) for k in range(writers)]
[t.start() for t in threads]; [t.join() for t in threads]
print(json.dumps({"statuses": {str(k): v for k, v in statuses.items()}}))
