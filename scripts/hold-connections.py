#!/usr/bin/env python3
"""Open N keep-alive connections to a local HTTP server and hold them.

    hold-connections.py --port P [--count 1000] [--hold 3] [--idle] [--path /healthz]

By default each connection sends one keep-alive `GET PATH` and reads the whole
response (so the server has set the connection up fully), then stays open and
silent. With --idle the connections send nothing. Prints one line
`ready opened=N answered=M` once all are open (the caller samples the server's
memory then), holds them --hold seconds, closes them and prints `closed`.
Loopback only: the host is fixed to 127.0.0.1.
"""
import argparse
import resource
import selectors
import socket
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--hold", type=float, default=3.0)
    ap.add_argument("--idle", action="store_true", help="send nothing")
    ap.add_argument("--path", default="/healthz")
    ap.add_argument("--timeout", type=float, default=10.0)
    args = ap.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = args.count + 64
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))

    socks = []
    for _ in range(args.count):
        s = socket.create_connection(("127.0.0.1", args.port), timeout=args.timeout)
        socks.append(s)

    answered = 0
    if not args.idle:
        request = (
            f"GET {args.path} HTTP/1.1\r\nHost: 127.0.0.1:{args.port}\r\n"
            "Connection: keep-alive\r\n\r\n"
        ).encode()
        for s in socks:
            s.sendall(request)
        sel = selectors.DefaultSelector()
        bufs = {}
        for s in socks:
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ)
            bufs[s] = b""
        deadline = time.monotonic() + args.timeout
        pending = set(socks)
        while pending and time.monotonic() < deadline:
            for key, _ in sel.select(timeout=0.5):
                s = key.fileobj
                try:
                    chunk = s.recv(65536)
                except BlockingIOError:
                    continue
                if not chunk:  # server closed it
                    sel.unregister(s)
                    pending.discard(s)
                    continue
                bufs[s] += chunk
                if complete(bufs[s]):
                    sel.unregister(s)
                    pending.discard(s)
                    answered += 1
        sel.close()

    print(f"ready opened={len(socks)} answered={answered}", flush=True)
    time.sleep(args.hold)
    for s in socks:
        s.close()
    print("closed", flush=True)
    return 0


def complete(buf: bytes) -> bool:
    head, sep, body = buf.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return True  # no body length given: the head is enough for our purpose


if __name__ == "__main__":
    sys.exit(main())
