#!/usr/bin/env bash
# Same-run cost of TLS: wrk against GET /healthz on byline over plain HTTP and over HTTPS,
# and on nginx (1 worker) over both as the peer, ROUNDS rounds interleaved. Two modes:
#   keepalive  wrk -c $CONNS on persistent connections (bulk record encryption cost)
#   handshake  `Connection: close` on every request: one full TLS handshake per request
# Prints the median req/s, p99 latency and server CPU µs per request (utime+stime from
# /proc/PID/stat, nginx's worker included), which moves far less than req/s here.
#
#   scripts/bench-tls.sh            # DURATION (8) ROUNDS (3) CONNS (64) CLOSE_CONNS (16)
#   BUILD=0 scripts/bench-tls.sh    # use the existing .build/release/byline
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8}; ROUNDS=${ROUNDS:-3}; CONNS=${CONNS:-64}; CLOSE_CONNS=${CLOSE_CONNS:-16}
[ "${BUILD:-1}" = 1 ] && swift build -c release --product byline >/dev/null
bin=.build/release/byline
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"' EXIT
. scripts/lib/server.sh  # free_port
cpu_ticks() {  # utime+stime of a process and its direct children
  local total=0 p stat kids=()
  [ -r "/proc/$1/task/$1/children" ] && read -r -a kids <"/proc/$1/task/$1/children" || true
  for p in "$1" "${kids[@]}"; do
    stat=$(<"/proc/$p/stat") || continue; stat=${stat##*) }; read -r -a f <<<"$stat"
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2>/dev/null

declare -A URL PID
start_byline() {  # start_byline NAME [tls flags...]
  local name=$1 port; shift; port=$(free_port)
  BYLINE_ACCESS_LOG=false "$bin" serve --port "$port" --no-seeds --database "$tmp/$name.sqlite" "$@" \
    >"$tmp/$name.log" 2>&1 &
  PID[$name]=$!; pids+=($!)
  URL[$name]=$([ $# -gt 0 ] && echo "https" || echo "http")://127.0.0.1:$port/healthz
}
start_byline byline-http
start_byline byline-https --tls-cert "$tmp/cert.pem" --tls-key "$tmp/key.pem"

nginx_port=$(free_port); nginx_tls_port=$(free_port)
mkdir -p "$tmp/nginx/www" "$tmp/nginx/temp" "$tmp/nginx/logs"
printf '{"status":"ok"}' >"$tmp/nginx/www/healthz"
cat >"$tmp/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
user $(id -un) $(id -gn);
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 8192; }
http {
    access_log off;
    default_type application/json;
    tcp_nodelay on;
    client_body_temp_path $tmp/nginx/temp/body;
    proxy_temp_path $tmp/nginx/temp/proxy;
    fastcgi_temp_path $tmp/nginx/temp/fastcgi;
    uwsgi_temp_path $tmp/nginx/temp/uwsgi;
    scgi_temp_path $tmp/nginx/temp/scgi;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
    ssl_certificate $tmp/cert.pem;
    ssl_certificate_key $tmp/key.pem;
    server {
        listen 127.0.0.1:$nginx_port;
        listen 127.0.0.1:$nginx_tls_port ssl;
        root $tmp/nginx/www;
        location = /healthz { }
    }
}
CONF
/usr/sbin/nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/logs/error.log" >/dev/null 2>&1 &
PID[nginx-http]=$!; PID[nginx-https]=$!; pids+=($!)
URL[nginx-http]=http://127.0.0.1:$nginx_port/healthz
URL[nginx-https]=https://127.0.0.1:$nginx_tls_port/healthz

servers=(byline-http byline-https nginx-http nginx-https)
for s in "${servers[@]}"; do
  for _ in $(seq 1 100); do curl -fsSk -o /dev/null "${URL[$s]}" 2>/dev/null && break; sleep 0.1; done
  curl -fsSk -o /dev/null "${URL[$s]}" || { cat "$tmp"/*.log "$tmp/nginx/logs/error.log" >&2; echo "$s did not start" >&2; exit 1; }
done

hz=$(getconf CLK_TCK)
: >"$tmp/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for mode in keepalive handshake; do
    for s in "${servers[@]}"; do
      if [ "$mode" = keepalive ]; then args=(-c "$CONNS"); else args=(-c "$CLOSE_CONNS" -H "Connection: close"); fi
      before=$(cpu_ticks "${PID[$s]}")
      out=$(wrk -t2 -d"${DURATION}s" --latency "${args[@]}" "${URL[$s]}")
      after=$(cpu_ticks "${PID[$s]}")
      requests=$(awk '/requests in/ { print $1 }' <<<"$out")
      rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
      p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
      errors=$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out" | tr '\n' ' ')
      cpu_us=$(python3 -c "print(round(($after - $before) / $hz * 1e6 / max(1, $requests), 1))")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$s" "$rps" "$p99" "$cpu_us" "$errors" >>"$tmp/results.tsv"
      echo "round $round $mode $s: $rps req/s, p99 $p99, $cpu_us µs CPU/req $errors" >&2
    done
  done
done

python3 - "$tmp/results.tsv" <<'PY'
import statistics, sys, collections
rows = collections.defaultdict(list)
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
for line in open(sys.argv[1]):
    rnd, mode, server, rps, p99, cpu, errors = line.rstrip("\n").split("\t")
    rows[(mode, server)].append((float(rps), ms(p99), float(cpu), errors.strip()))
print("| mode | server | req/s (median) | p99 ms | CPU µs/req | errors |")
print("|---|---|---:|---:|---:|---|")
for (mode, server), runs in rows.items():
    med = lambda i: statistics.median(r[i] for r in runs)
    errs = "; ".join(sorted({r[3] for r in runs if r[3]})) or "none"
    print(f"| {mode} | {server} | {med(0):,.0f} | {med(1):.2f} | {med(2):.1f} | {errs} |")
PY
