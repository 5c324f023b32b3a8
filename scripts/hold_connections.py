"""Opens N keep-alive connections to HOST:PORT, sends one GET on each, reads the response,
then holds them all idle until stdin closes or a line arrives. Prints a JSON line when all
connections are established and answered, and another with how many were still open
(answered no EOF) when released. Used by scripts/idle-connections.sh."""
import asyncio
import json
import sys


async def open_one(host, port, path, sem):
    async with sem:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await reader.readexactly(length)
        return reader, writer


async def main():
    host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    path = sys.argv[4] if len(sys.argv) > 4 else "/healthz"
    sem = asyncio.Semaphore(500)
    results = await asyncio.gather(*(open_one(host, port, path, sem) for _ in range(count)),
                                   return_exceptions=True)
    conns = [r for r in results if not isinstance(r, BaseException)]
    errors = [repr(r) for r in results if isinstance(r, BaseException)]
    print(json.dumps({"open": len(conns), "errors": len(errors), "first_error": errors[0] if errors else None}),
          flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    alive = 0
    for reader, writer in conns:
        # A connection the server closed has EOF waiting; an open one has nothing to read.
        try:
            data = await asyncio.wait_for(reader.read(1), timeout=0.001)
            alive += 0 if data == b"" else 1
        except asyncio.TimeoutError:
            alive += 1
        writer.close()
    print(json.dumps({"still_open": alive}), flush=True)


asyncio.run(main())
