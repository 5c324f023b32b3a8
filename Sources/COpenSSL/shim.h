#ifndef BYLINE_COPENSSL_SHIM_H
#define BYLINE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

// Function-like macros do not import into Swift; these wrappers stand in for them.
static inline long byline_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long byline_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_max_proto_version(ctx, version);
}
static inline long byline_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}
static inline void byline_OPENSSL_free(void *ptr) { OPENSSL_free(ptr); }
static inline long byline_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *list) {
    return SSL_CTX_set1_groups_list(ctx, list);
}
static inline long byline_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}
static inline long byline_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
/// The options every Byline server context sets: OpenSSL's interoperability workarounds,
/// no TLS-level compression (CRIME), the server's cipher order, no renegotiation, and a TCP
/// end of stream without close_notify read as a close (HTTP frames its own messages).
static inline uint64_t byline_server_ssl_options(void) {
    return SSL_OP_ALL | SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION
        | SSL_OP_IGNORE_UNEXPECTED_EOF;
}
static inline long byline_ssl_mode_partial_moving_write(void) {
    return SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS;
}
#endif
