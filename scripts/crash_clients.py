"""Writers for scripts/crash-test.sh. C threads POST unique articles (from a corpus NDJSON
file) to 127.0.0.1:PORT until the file STOP exists, reconnecting whenever the server is
down (it is being killed with SIGKILL). Every acknowledged article (201 or 200) is
appended to ACKS as one JSON line with its id and the quote and entity counts the
acknowledgement carried, flushed at once. Usage: crash_clients.py PORT CORPUS C ACKS STOP"""
import http.client, json, os, sys, threading, time

port, corpus, clients, acks_path, stop = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
articles = [json.loads(l) for l in open(corpus, encoding="utf-8")]
lock = threading.Lock()
acks = open(acks_path, "a", encoding="utf-8")

def worker(k):
    conn = None
    n = k
    while not os.path.exists(stop):
        text = articles[n % len(articles)] + f"\n\nCrash test writer {k}, article {n}.\n"
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("POST", "/v1/articles", body=text.encode("utf-8"),
                         headers={"Content-Type": "text/plain; charset=utf-8"})
            r = conn.getresponse()
            body = r.read()
        except (OSError, http.client.HTTPException):
            # The server died mid-request: this article was not acknowledged; try it again.
            if conn is not None: conn.close()
            conn = None
            time.sleep(0.05)
            continue
        if r.status in (200, 201):
            a = json.loads(body)
            with lock:
                acks.write(json.dumps({"id": a["id"], "quotes": len(a["quotes"]),
                                       "entities": len(a["entities"]), "status": r.status}) + "\n")
                acks.flush()
        elif r.status != 503:
            with lock:
                acks.write(json.dumps({"unexpected_status": r.status, "body": body.decode("utf-8", "replace")}) + "\n")
                acks.flush()
        n += clients

threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
[t.start() for t in threads]; [t.join() for t in threads]
