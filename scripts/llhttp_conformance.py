#!/usr/bin/env python3
"""Sends every strict request case of llhttp's corpus to a live Byline server over a real
socket and checks each answer with h11, an independent strict HTTP/1.1 parser.

- must-fail cases (llhttp reports an error): the server's last response is a 4xx/5xx with
  `Connection: close`, and the server then closes the connection.
- must-parse cases: every response the server sends is well-formed HTTP/1.1 (h11 accepts
  it), whatever its status (a 404 for an unknown path is a fine answer); an incomplete
  request ends in a 408.

Case extraction mirrors Tests/BylineHTTPTests/Support/LLHTTPCorpus.swift (see there for
why each case is taken or left out). Usage: llhttp_conformance.py PORT CORPUS_DIR
"""
import json
import os
import re
import socket
import sys

import h11


def decode_http_block(block: str) -> bytes:
    src = block.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(src):
        b = src[i]
        if b == 0x0A:
            out += b"\r\n"; i += 1; continue
        if b != 0x5C or i + 1 >= len(src):
            out.append(b); i += 1; continue
        n = src[i + 1]
        if n == 0x0A: i += 2
        elif n == ord("r"): out.append(0x0D); i += 2
        elif n == ord("n"): out.append(0x0A); i += 2
        elif n == ord("t"): out.append(0x09); i += 2
        elif n == ord("f"): out.append(0x0C); i += 2
        elif ord("0") <= n <= ord("7"):
            i += 1; value = 0; digits = 0
            while digits < 3 and i < len(src) and ord("0") <= src[i] <= ord("7"):
                value = value * 8 + src[i] - ord("0"); digits += 1; i += 1
            out.append(value & 0xFF)
        else:
            out.append(b); i += 1
    return bytes(out)


def cases(directory):
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".md") or name.startswith("lenient-"):
            continue
        text = open(os.path.join(directory, name), encoding="utf-8").read()
        heading, meta, http, block = name, None, None, None
        for line in text.split("\n"):
            if line.startswith("```"):
                info = line[3:].strip()
                if block is not None:
                    kind, lines = block
                    block = None
                    content = "\n".join(lines)
                    if kind == "http":
                        http = content if meta is not None else None
                    elif kind == "log":
                        if meta and http is not None and meta.get("type") == "request" \
                                and meta.get("mode", "strict") == "strict":
                            yield name + " > " + heading, decode_http_block(http), verdict(content)
                        meta, http = None, None
                    if not info:
                        continue
                block = (info, [])
                continue
            if block is not None:
                block[1].append(line)
            elif line.startswith("#"):
                heading = line.lstrip("#").strip()
            elif line.startswith("<!-- meta=") and line.endswith("-->"):
                try:
                    meta = json.loads(line[len("<!-- meta="):-3])
                except ValueError:
                    meta = None
                http = None


def verdict(log):
    """(must_fail, switch_offset) from an llhttp log, as LLHTTPCorpus.swift decides."""
    for line in log.split("\n"):
        m = re.search(r"^off=(\d+) error code=(\d+)", line)
        if not m:
            continue
        code = int(m.group(2))
        if code == 21:
            continue
        if code in (22, 23):
            return False, int(m.group(1))
        return True, None
    return False, None


def exchange(port, payload):
    # The write side stays open: an incomplete request must end in the server's own 408 or
    # idle close (the script starts it with short timeouts), never in silence.
    s = socket.create_connection(("127.0.0.1", port), timeout=3)
    s.sendall(payload)
    data, closed = b"", False
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                closed = True
                break
            data += chunk
    except ConnectionResetError:
        closed = True
    except socket.timeout:
        pass
    s.close()
    return data, closed


def parse_responses(data, methods):
    """Feeds the bytes to an h11 client, one request/response cycle per expected request."""
    responses = []
    conn = h11.Connection(h11.CLIENT)
    conn.receive_data(data)
    conn.receive_data(b"")  # EOF
    for method in methods or [b"GET"]:
        conn.send(h11.Request(method=method, target="/", headers=[("Host", "x")]))
        conn.send(h11.EndOfMessage())
        status, headers = None, None
        while True:
            event = conn.next_event()
            if isinstance(event, h11.InformationalResponse):
                continue
            if isinstance(event, h11.Response):
                status, headers = event.status_code, dict(event.headers)
            elif isinstance(event, h11.EndOfMessage):
                responses.append((status, headers))
                break
            elif event is h11.NEED_DATA or isinstance(event, h11.ConnectionClosed):
                return responses
        if conn.our_state is h11.MUST_CLOSE or conn.their_state is h11.MUST_CLOSE:
            break
        try:
            conn.start_next_cycle()
        except h11.LocalProtocolError:
            break
    return responses


def request_methods(payload):
    return re.findall(rb"(?:^|\r\n\r\n)([A-Z]+) ", payload)


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    failures, total, must_fail_n = [], 0, 0
    for name, payload, (must_fail, switch) in cases(directory):
        total += 1
        if switch is not None:
            payload = payload[:switch]
        data, closed = exchange(port, payload)
        try:
            responses = parse_responses(data, request_methods(payload))
        except h11.RemoteProtocolError as error:
            failures.append(f"{name}: response rejected by h11: {error}: {data[:200]!r}")
            continue
        if not responses:
            failures.append(f"{name}: no complete response: {data[:200]!r}")
            continue
        if not closed:
            failures.append(f"{name}: the server did not close the connection")
            continue
        if must_fail:
            must_fail_n += 1
            status, headers = responses[-1]
            if status < 400 or headers.get(b"connection", b"").lower() != b"close" or not closed:
                failures.append(f"{name}: must fail, got {status} closed={closed}")
    print(f"llhttp cases: {total} ({must_fail_n} must-fail), failures: {len(failures)}")
    for f in failures:
        print("  FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
