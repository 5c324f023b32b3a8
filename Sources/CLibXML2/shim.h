#ifndef BYLINE_CLIBXML2_SHIM_H
#define BYLINE_CLIBXML2_SHIM_H
// libxml2's HTML parser (a real, error-tolerant HTML parser), for article extraction.
//
// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes the system's
// <unicode/ucnv.h>; its ICU declarations clash with the ICU that Foundation bundles
// (_FoundationICU) in any Swift file that sees both, and a clean build fails. libxml2's
// headers only need the ICU converter and character types by name (we never touch those
// struct members), so ICU's header is kept out and the two names declared opaquely.
#include <stdint.h>
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/parser.h>
#endif
