# Byline — HTTP/1.1 JSON API server.
#
#   docker build -t byline .
#   docker run -p 8080:8080 -v byline-data:/var/lib/byline byline
#
# scripts/docker-build-steps.sh replays the build stage on a host without a
# Docker engine: it reads BYLINE_BUILD_FLAGS, the apt package lists and the
# COPY destinations from this file, so change them here and the script follows
# (or fails loudly if it can no longer find them).

# ---------------------------------------------------------------- build stage
FROM swift:6.3-bookworm AS build

# The -dev packages the system-library targets link against (COpenSSL, CZlib,
# GRDB's SQLite3; libxml2 for FoundationXML).
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl-dev zlib1g-dev libsqlite3-dev libxml2-dev \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Resolve dependencies in their own layer so source edits don't refetch them.
# Package.resolved is deliberately not copied (it is gitignored, and a local
# one may pin mirror-specific revisions).
COPY Package.swift ./
RUN swift package resolve

COPY Sources ./Sources
COPY seeds ./seeds
COPY Config ./Config

# Keep the flags on this one ARG line: scripts/docker-build-steps.sh parses it.
ARG BYLINE_BUILD_FLAGS="-c release --product byline --static-swift-stdlib"
# Stage the files exactly as the runtime image lays them out.
RUN swift build ${BYLINE_BUILD_FLAGS} \
 && install -D -m 0755 "$(swift build ${BYLINE_BUILD_FLAGS} --show-bin-path)/byline" /staging/usr/local/bin/byline \
 && install -d -m 0755 /staging/usr/share/byline \
 && cp -R seeds /staging/usr/share/byline/seeds \
 && install -D -m 0644 Config/byline.json /staging/etc/byline/byline.json \
 && install -D -m 0755 /usr/libexec/swift/linux/swift-backtrace-static /staging/usr/libexec/swift/linux/swift-backtrace-static

# -------------------------------------------------------------- runtime stage
FROM debian:bookworm-slim AS runtime

# Shared libraries the binary links (ssl/crypto, z, sqlite3, xml2 with its ICU and
# lzma, which apt would pull in anyway but ldd sees, so they are named), CA roots
# for outbound TLS, and curl for the HEALTHCHECK. Versions are not pinned: the
# bookworm-slim base moves with security updates and pins would go stale.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl3 zlib1g libsqlite3-0 libxml2 libicu72 liblzma5 ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 byline \
 && useradd --system --uid 10001 --gid byline --home-dir /var/lib/byline --no-create-home --shell /usr/sbin/nologin byline \
 && install -d -o byline -g byline -m 0750 /var/lib/byline

COPY --from=build /staging/usr/local/bin/byline /usr/local/bin/byline
COPY --from=build /staging/usr/share/byline/seeds /usr/share/byline/seeds
COPY --from=build /staging/etc/byline/byline.json /etc/byline/byline.json
# Swift's crash reporter: a fatal error prints a symbolicated backtrace to
# stderr (the container log) instead of just dying.
COPY --from=build /staging/usr/libexec/swift/linux/swift-backtrace-static /usr/libexec/swift/linux/swift-backtrace-static

ENV BYLINE_HOST=0.0.0.0 \
    BYLINE_PORT=8080 \
    BYLINE_DATABASE=/var/lib/byline/byline.sqlite \
    BYLINE_SEEDS=/usr/share/byline/seeds \
    BYLINE_CONFIG=/etc/byline/byline.json \
    SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=/usr/libexec/swift/linux/swift-backtrace-static

# The database lives here; the directory is created (owned by byline) before
# the VOLUME line so a fresh named volume inherits that ownership.
VOLUME /var/lib/byline
WORKDIR /var/lib/byline
# Numeric ids (= the byline user/group above) so runAsNonRoot-style checks can
# verify the user without reading /etc/passwd.
USER 10001:10001

EXPOSE 8080

# Through sh so a BYLINE_PORT overridden with `docker run -e` is honoured.
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD ["sh", "-c", "curl -fsS \"http://127.0.0.1:${BYLINE_PORT:-8080}/healthz\" || exit 1"]

ENTRYPOINT ["byline"]
CMD ["serve"]
