#ifndef BYLINE_CZLIB_SHIM_H
#define BYLINE_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2 / inflateInit2 are macros; Swift imports these static inline wrappers instead.
// windowBits + 16 selects gzip framing (RFC 1952).
static inline int byline_deflateInit2_gzip(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int byline_inflateInit2_gzip(z_streamp strm) {
    return inflateInit2(strm, MAX_WBITS + 16);
}
#endif
