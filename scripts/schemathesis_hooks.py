"""schemathesis hooks for scripts/api-contract.sh: how to send an application/x-ndjson body
(POST /v1/articles/batch). The schema describes the body as a string of lines; objects
and lists that the generator makes for it are sent one JSON value per line."""
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson(ctx, value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    values = value if isinstance(value, list) else [value]
    return "".join(json.dumps(v) + "\n" for v in values).encode("utf-8")
