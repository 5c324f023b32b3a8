import BylineStore

/// The OpenAPI 3.1 description of every route this server serves, at `GET /openapi.json`.
/// `OpenAPIDocumentTests` holds it to the router (no route missing, none extra) and CI
/// validates it with openapi-spec-validator and runs schemathesis against the live server.
enum OpenAPIDocument {
    static func json(version: String) -> String {
        template.replacingOccurrences(of: "{{VERSION}}", with: version)
    }

    private static let problemResponses = """
        "400": {"$ref": "#/components/responses/Problem"},
        "404": {"$ref": "#/components/responses/Problem"},
        "405": {"$ref": "#/components/responses/Problem"},
        "408": {"$ref": "#/components/responses/Problem"},
        "413": {"$ref": "#/components/responses/Problem"},
        "414": {"$ref": "#/components/responses/Problem"},
        "431": {"$ref": "#/components/responses/Problem"},
        "500": {"$ref": "#/components/responses/Problem"},
        "503": {"$ref": "#/components/responses/Problem"}
        """

    /// Every route but the health checks and /metrics is rate limited (`RateLimitMiddleware`).
    private static let limitedResponses = problemResponses + """
        ,
        "429": {"$ref": "#/components/responses/RateLimited"}
        """

    private static let template = """
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Byline",
        "version": "{{VERSION}}",
        "description": "Who said what, where, and who reported it: news articles parsed into quotes, speakers and entities. Errors are RFC 9457 problem documents; every JSON GET has a strong ETag (If-None-Match gives 304) and is gzip-compressed for clients that accept it.",
        "license": {"name": "Proprietary", "identifier": "LicenseRef-Byline"}
      },
      "servers": [{"url": "/"}],
      "paths": {
        "/": {"get": {"operationId": "index", "summary": "Index of links",
          "responses": {"200": {"description": "What this server is and where its resources are",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Index"}}}}, \(limitedResponses)}}},
        "/healthz": {"get": {"operationId": "health", "summary": "Liveness",
          "responses": {"200": {"description": "The process answers",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}, \(problemResponses)}}},
        "/readyz": {"get": {"operationId": "ready", "summary": "Readiness: the store answers",
          "responses": {"200": {"description": "Ready",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}, \(problemResponses)}}},
        "/metrics": {"get": {"operationId": "metrics", "summary": "Prometheus metrics: requests by route template and status, latency histograms, open connections, ingests, store size. Public like every read; not rate limited",
          "responses": {"200": {"description": "Prometheus text exposition format 0.0.4",
            "content": {"text/plain": {"schema": {"type": "string"}}}}, \(problemResponses)}}},
        "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document",
          "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}, \(limitedResponses)}}},
        "/v1/articles": {
          "get": {"operationId": "listArticles", "summary": "Article summaries, oldest first, with cursor pagination",
            "parameters": [
              {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"},
              {"name": "q", "in": "query", "description": "Full-text query (FTS5 syntax) over title and body", "schema": {"type": "string"}},
              {"name": "outlet", "in": "query", "description": "Outlet ID or name", "schema": {"type": "string"}},
              {"name": "story", "in": "query", "description": "Story ID", "schema": {"type": "string"}},
              {"name": "entity", "in": "query", "description": "Only articles that mention this entity (ID)", "schema": {"type": "string"}},
              {"name": "speaker", "in": "query", "description": "Only articles that quote this entity (ID)", "schema": {"type": "string"}},
              {"name": "published_from", "in": "query", "schema": {"type": "string", "format": "date"}},
              {"name": "published_to", "in": "query", "schema": {"type": "string", "format": "date"}}
            ],
            "responses": {"200": {"description": "A page of summaries; a Link header points to the next one",
              "headers": {"Link": {"description": "<…>; rel=\\"next\\" when there is a next page", "schema": {"type": "string"}}},
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleList"}}}}, \(limitedResponses)}},
          "post": {"operationId": "ingestArticle", "summary": "Ingest one article (idempotent by content)",
            "requestBody": {"required": true, "content": {
              "text/plain": {"schema": {"type": "string", "minLength": 1}},
              "text/html": {"schema": {"type": "string", "minLength": 1}},
              "application/json": {"schema": {"$ref": "#/components/schemas/IngestRequest"}}}},
            "responses": {
              "200": {"description": "The same content was already stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}}},
              "201": {"description": "Stored", "headers": {"Location": {"schema": {"type": "string"}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}}},
              "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
              "415": {"$ref": "#/components/responses/Problem"},
              "422": {"$ref": "#/components/responses/Problem"}, \(limitedResponses)},
            "security": [{}, {"bearer": []}]}
        },
        "/v1/articles/batch": {
          "post": {"operationId": "ingestArticleBatch",
            "summary": "Ingest many articles: one JSON article request per NDJSON line; one result or problem per line, in order, streamed (chunked) as each is stored",
            "requestBody": {"required": true, "content": {
              "application/x-ndjson": {"schema": {"type": "string", "minLength": 1,
                "description": "Lines, each an IngestRequest object; blank lines are skipped"}}}},
            "responses": {
              "200": {"description": "One line per non-blank input line: a BatchResult, or a problem object with its `line`",
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}}},
              "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
              "415": {"$ref": "#/components/responses/Problem"}, \(problemResponses)},
            "security": [{}, {"bearer": []}]}
        },
        "/v1/articles/{id}": {
          "parameters": [{"$ref": "#/components/parameters/ArticleID"}],
          "get": {"operationId": "getArticle", "summary": "The full article",
            "responses": {"200": {"description": "The article", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}}}, \(limitedResponses)}},
          "delete": {"operationId": "deleteArticle", "summary": "Remove the article and what derives only from it",
            "responses": {"204": {"description": "Deleted"},
              "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, \(limitedResponses)},
            "security": [{}, {"bearer": []}]}
        },
        "/v1/search": {
          "get": {"operationId": "search", "summary": "Ranked hits across articles and quotes (FTS5 bm25), with highlighted snippets",
            "description": "Each index (articles, quotes) ranks its \(SearchLimits.rankedMatches) newest matches: every match of all but the broadest queries.",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "description": "Words, \\"phrases\\", prefix*, AND/OR/NOT", "schema": {"type": "string", "minLength": 1}},
              {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"}
            ],
            "responses": {"200": {"description": "A page of hits",
              "content": {"application/json": {"schema": {"type": "object", "required": ["data", "next_cursor"], "properties": {
                "data": {"type": "array", "items": {"type": "object", "required": ["type", "id", "score", "snippet"], "properties": {
                  "type": {"enum": ["article", "quote"]}, "id": {"type": "string"}, "score": {"type": "number"},
                  "snippet": {"type": "string"}}}},
                "next_cursor": {"type": ["string", "null"]}}}}}}, \(limitedResponses)}}
        },
        "/v1/entities": {
          "get": {"operationId": "listEntities", "summary": "People, organisations and places across the corpus, by article count then name",
            "parameters": [
              {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"},
              {"name": "type", "in": "query", "schema": {"enum": ["person", "organization", "location"]}},
              {"name": "q", "in": "query", "description": "Name or alias prefix; another whole spelling of a place (Kyiv for Kiev) also finds it", "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "A page of entities",
              "headers": {"Link": {"description": "<…>; rel=\\"next\\" when there is a next page", "schema": {"type": "string"}}},
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntityList"}}}}, \(limitedResponses)}}
        },
        "/v1/entities/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "getEntity", "summary": "An entity with the articles that mention it, the quotes it speaks and the entities mentioned with it",
            "responses": {"200": {"description": "The entity", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntityDetail"}}}}, \(limitedResponses)}}
        },
        "/v1/quotes": {
          "get": {"operationId": "listQuotes", "summary": "Quotes, in the order they were stored",
            "parameters": [
              {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"},
              {"name": "speaker", "in": "query", "description": "The speaker's entity ID", "schema": {"type": "string"}},
              {"name": "q", "in": "query", "description": "Full-text query (FTS5 syntax) over the quoted words", "schema": {"type": "string"}},
              {"name": "article", "in": "query", "description": "Article ID", "schema": {"type": "string"}},
              {"name": "story", "in": "query", "description": "Story ID", "schema": {"type": "string"}},
              {"name": "outlet", "in": "query", "description": "Outlet ID or name", "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "A page of quotes",
              "headers": {"Link": {"description": "<…>; rel=\\"next\\" when there is a next page", "schema": {"type": "string"}}},
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuoteList"}}}}, \(limitedResponses)}}
        },
        "/v1/quotes/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "getQuote", "summary": "A quote with its variants: the other renderings of its words, each with its outlet",
            "responses": {"200": {"description": "The quote", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QuoteWithVariants"}}}}, \(limitedResponses)}}
        },
        "/v1/stories": {
          "get": {"operationId": "listStories", "summary": "Stories (articles that report the same event), in the order their first article arrived",
            "parameters": [{"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"}],
            "responses": {"200": {"description": "A page of stories",
              "headers": {"Link": {"description": "<…>; rel=\\"next\\" when there is a next page", "schema": {"type": "string"}}},
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoryList"}}}}, \(limitedResponses)}}
        },
        "/v1/stories/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"operationId": "getStory", "summary": "A story: its articles, top entities, and which outlet carried which quote",
            "responses": {"200": {"description": "The story", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Story"}}}}, \(limitedResponses)}}
        },
        "/v1/articles/{id}/raw": {
          "parameters": [{"$ref": "#/components/parameters/ArticleID"}],
          "get": {"operationId": "getArticleRaw", "summary": "The original as ingested, with its content type",
            "responses": {"200": {"description": "The original bytes", "content": {"text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}, \(limitedResponses)}}
        },
        "/v1/articles/{id}/text": {
          "parameters": [{"$ref": "#/components/parameters/ArticleID"}],
          "get": {"operationId": "getArticleText", "summary": "The text that spans index",
            "responses": {"200": {"description": "UTF-8 text", "content": {"text/plain": {"schema": {"type": "string"}}}}, \(limitedResponses)}}
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": {"type": "http", "scheme": "bearer", "description": "An API key; writes need one when api_key_sha256 is configured"}
        },
        "parameters": {
          "ArticleID": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
          "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}},
          "Cursor": {"name": "cursor", "in": "query", "description": "Opaque; from next_cursor", "schema": {"type": "string"}}
        },
        "responses": {
          "Problem": {"description": "An RFC 9457 problem", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
          "RateLimited": {"description": "Too many requests from this API key or address (token bucket); retry after Retry-After seconds",
            "headers": {
              "Retry-After": {"description": "Seconds until a request will be accepted again (RFC 9110 §10.2.3)", "schema": {"type": "integer", "minimum": 1}},
              "RateLimit-Policy": {"description": "draft-ietf-httpapi-ratelimit-headers-08: \\"name\\";q=<burst>;w=<seconds to refill>", "schema": {"type": "string"}},
              "RateLimit": {"description": "draft-ietf-httpapi-ratelimit-headers-08: \\"name\\";r=<remaining>;t=<seconds until full>", "schema": {"type": "string"}}},
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
        "schemas": {
          "Problem": {"type": "object", "required": ["type", "title", "status", "detail", "instance"], "properties": {
            "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
            "detail": {"type": "string"}, "instance": {"type": "string"}}},
          "Status": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
          "Index": {"type": "object", "required": ["name", "version", "links"], "properties": {
            "name": {"type": "string"}, "version": {"type": "string"},
            "links": {"type": "object", "additionalProperties": {"type": "string"}}}},
          "Span": {"type": "object", "required": ["start", "end"], "description": "Half-open range of Unicode scalar indices into the article's text",
            "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}},
          "Outlet": {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
          "Speaker": {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
          "Quote": {"type": "object", "required": ["id", "text", "speaker", "speaker_text", "cue", "article_id", "span", "group_id"], "properties": {
            "id": {"type": "string"}, "text": {"type": "string"},
            "speaker": {"oneOf": [{"$ref": "#/components/schemas/Speaker"}, {"type": "null"}]},
            "speaker_text": {"type": ["string", "null"]}, "cue": {"type": ["string", "null"]},
            "article_id": {"type": "string"}, "span": {"$ref": "#/components/schemas/Span"},
            "group_id": {"type": ["string", "null"]}}},
          "ArticleEntity": {"type": "object", "required": ["id", "name", "type", "spans"], "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "type": {"enum": ["person", "organization", "location"]},
            "aliases": {"type": "array", "items": {"type": "string"}}, "roles": {"type": "array", "items": {"type": "string"}},
            "spans": {"type": "array", "items": {"$ref": "#/components/schemas/Span"}}}},
          "DateMention": {"type": "object", "required": ["text", "span", "date"], "properties": {
            "text": {"type": "string"}, "span": {"$ref": "#/components/schemas/Span"}, "date": {"type": "string", "format": "date"}}},
          "ArticleSummary": {"type": "object", "required": ["id", "title", "outlet", "published", "url", "authors", "language", "word_count", "story_id", "ingested_at"], "properties": {
            "id": {"type": "string"}, "title": {"type": ["string", "null"]},
            "outlet": {"oneOf": [{"$ref": "#/components/schemas/Outlet"}, {"type": "null"}]},
            "published": {"type": ["string", "null"], "format": "date"}, "url": {"type": ["string", "null"]},
            "authors": {"type": "array", "items": {"type": "string"}}, "language": {"type": "string"},
            "word_count": {"type": "integer", "minimum": 0}, "story_id": {"type": ["string", "null"]},
            "ingested_at": {"type": "string", "format": "date-time"}}},
          "Article": {"allOf": [{"$ref": "#/components/schemas/ArticleSummary"}, {"type": "object",
            "required": ["body", "quotes", "entities", "sha256"], "properties": {
              "body": {"type": "string"},
              "quotes": {"type": "array", "items": {"$ref": "#/components/schemas/Quote"}},
              "entities": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleEntity"}},
              "dates": {"type": "array", "items": {"$ref": "#/components/schemas/DateMention"}},
              "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}}]},
          "ArticleList": {"type": "object", "required": ["data", "next_cursor"], "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleSummary"}},
            "next_cursor": {"type": ["string", "null"]}}},
          "Entity": {"type": "object", "required": ["id", "name", "type", "aliases", "roles", "article_count", "mention_count", "quote_count"], "properties": {
            "id": {"type": "string", "description": "From the type and the canonical spelling of the name, the same for every spelling of it (Kiev and Kyiv, Zelenskiy and Zelenskyy)"},
            "name": {"type": "string", "description": "A place's canonical spelling when an article used it, otherwise the fullest name the articles used"},
            "type": {"enum": ["person", "organization", "location"]},
            "aliases": {"type": "array", "items": {"type": "string"}, "description": "Every other name and spelling the articles used"}, "roles": {"type": "array", "items": {"type": "string"}},
            "article_count": {"type": "integer", "minimum": 1}, "mention_count": {"type": "integer", "minimum": 1},
            "quote_count": {"type": "integer", "minimum": 0}}},
          "EntityList": {"type": "object", "required": ["data", "next_cursor"], "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/Entity"}},
            "next_cursor": {"type": ["string", "null"]}}},
          "EntityDetail": {"allOf": [{"$ref": "#/components/schemas/Entity"}, {"type": "object",
            "required": ["articles", "quotes", "mentioned_with"], "properties": {
              "articles": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleSummary"}},
              "quotes": {"type": "array", "items": {"$ref": "#/components/schemas/CarriedQuote"}},
              "mentioned_with": {"type": "array", "items": {"type": "object", "required": ["id", "name", "type", "article_count"], "properties": {
                "id": {"type": "string"}, "name": {"type": "string"}, "type": {"enum": ["person", "organization", "location"]},
                "article_count": {"type": "integer", "minimum": 1}}}}}}]},
          "CarriedQuote": {"allOf": [{"$ref": "#/components/schemas/Quote"}, {"type": "object", "required": ["outlet"], "properties": {
            "outlet": {"oneOf": [{"$ref": "#/components/schemas/Outlet"}, {"type": "null"}]}}}]},
          "QuoteList": {"type": "object", "required": ["data", "next_cursor"], "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/CarriedQuote"}},
            "next_cursor": {"type": ["string", "null"]}}},
          "QuoteWithVariants": {"allOf": [{"$ref": "#/components/schemas/CarriedQuote"}, {"type": "object", "required": ["variants"], "properties": {
            "variants": {"type": "array", "items": {"$ref": "#/components/schemas/CarriedQuote"}}}}]},
          "StorySummary": {"type": "object", "required": ["id", "title", "first_published", "last_published", "outlets", "article_count"], "properties": {
            "id": {"type": "string"}, "title": {"type": ["string", "null"]},
            "first_published": {"type": ["string", "null"], "format": "date"}, "last_published": {"type": ["string", "null"], "format": "date"},
            "outlets": {"type": "array", "items": {"type": "string"}}, "article_count": {"type": "integer", "minimum": 1}}},
          "StoryList": {"type": "object", "required": ["data", "next_cursor"], "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/StorySummary"}},
            "next_cursor": {"type": ["string", "null"]}}},
          "Story": {"allOf": [{"$ref": "#/components/schemas/StorySummary"}, {"type": "object",
            "required": ["articles", "entities", "quotes"], "properties": {
              "articles": {"type": "array", "maxItems": \(StoryDetailLimits.articles), "items": {"$ref": "#/components/schemas/ArticleSummary"},
                "description": "The first \(StoryDetailLimits.articles) articles in ingestion order; all of them: GET /v1/articles?story={id}"},
              "entities": {"type": "array", "maxItems": \(StoryDetailLimits.entities), "description": "Top entities by article count, counted over the story's \(StoryDetailLimits.sample) articles with the smallest IDs (the whole story when it has no more)",
                "items": {"type": "object", "required": ["id", "name", "type", "article_count"], "properties": {
                "id": {"type": "string"}, "name": {"type": "string"}, "type": {"enum": ["person", "organization", "location"]},
                "article_count": {"type": "integer", "minimum": 1}}}},
              "quotes": {"type": "array", "maxItems": \(StoryDetailLimits.quotes), "description": "Quote groups by the number of articles carrying them, over the same articles as entities",
                "items": {"type": "object", "required": ["group_id", "speaker", "text", "outlets", "article_ids"], "properties": {
                "group_id": {"type": "string"}, "speaker": {"oneOf": [{"$ref": "#/components/schemas/Speaker"}, {"type": "null"}]},
                "text": {"type": "string"}, "outlets": {"type": "array", "items": {"type": "string"}},
                "article_ids": {"type": "array", "items": {"type": "string"}}}}}}}]},
          "IngestRequest": {"type": "object", "properties": {
            "text": {"type": "string", "minLength": 1}, "html": {"type": "string", "minLength": 1},
            "url": {"type": "string", "format": "uri"}, "outlet": {"type": "string"},
            "published": {"type": "string", "format": "date"}, "title": {"type": "string"}}}
        }
      }
    }
    """
}
