# Sourced by the load and fault scripts (crash-test, disk-full, slow-clients, idle-connections,
# soak): which server binary to run, a free loopback port, and waiting until it is ready.

# BYLINE_BIN=path runs that binary (CI passes its debug build); otherwise this tree's
# release build, built first.
byline_bin() {
    if [ -n "${BYLINE_BIN:-}" ]; then echo "$BYLINE_BIN"; return; fi
    swift build -c release --product byline >/dev/null
    echo "$(swift build -c release --show-bin-path)/byline"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits up to 10 s for /readyz on PORT; returns non-zero if the server never answered.
wait_ready() {
    for _ in $(seq 1 200); do curl -fsS "http://127.0.0.1:$1/readyz" >/dev/null 2>&1 && return 0; sleep 0.05; done
    return 1
}
