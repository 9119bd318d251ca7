// GET /api/training-data/openapi.json: the OpenAPI 3 description of tde-http.
#include <string>

#include "routes.hpp"

namespace tde_http {

namespace {

const char* const kOpenApi = R"JSON({
  "openapi": "3.0.3",
  "info": {
    "title": "training_data_export REST API (tde-http)",
    "version": "0.1.0",
    "description": "Privacy-safe natural-language question / SQL pairs for fine-tuning text-to-SQL models. Personal data is anonymized by the database before it is stored. Authenticate with 'Authorization: Bearer <JWT or API key>'; the role decides what is allowed (tde_writer adds and deletes, tde_reader lists and reads, tde_exporter exports)."
  },
  "servers": [{"url": "/"}],
  "security": [{"bearer": []}],
  "paths": {
    "/api/training-data/pairs": {
      "post": {
        "summary": "Add a query-SQL pair",
        "operationId": "addPair",
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewPair"}}}
        },
        "responses": {
          "201": {"description": "The pair as stored (anonymized)",
                  "headers": {"Location": {"description": "path of the new pair: /api/training-data/pairs/{id}", "required": true, "schema": {"type": "string"}}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PairEnvelope"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "413": {"$ref": "#/components/responses/Error"},
          "415": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "default": {"$ref": "#/components/responses/Error"}
        }
      },
      "get": {
        "summary": "List pairs, newest first",
        "operationId": "listPairs",
        "parameters": [
          {"$ref": "#/components/parameters/start_date"},
          {"$ref": "#/components/parameters/end_date"},
          {"$ref": "#/components/parameters/successful_only"},
          {"name": "limit", "in": "query", "description": "at most the server's --max-page-size (default 10000); exports stream any number", "schema": {"type": "integer", "minimum": 0, "default": 100}},
          {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}}
        ],
        "responses": {
          "200": {"description": "A page of pairs and the total number of matching pairs",
                  "content": {"application/json": {"schema": {
                    "type": "object",
                    "required": ["pairs", "total"],
                    "properties": {"pairs": {"type": "array", "items": {"$ref": "#/components/schemas/Pair"}},
                                   "total": {"type": "integer", "description": "matching pairs in all pages"}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "default": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/training-data/pairs/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "get": {
        "summary": "Get a pair",
        "operationId": "getPair",
        "responses": {
          "200": {"description": "The pair",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PairEnvelope"}}}},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "default": {"$ref": "#/components/responses/Error"}
        }
      },
      "delete": {
        "summary": "Delete a pair",
        "operationId": "deletePair",
        "responses": {
          "200": {"description": "Deleted",
                  "content": {"application/json": {"schema": {
                    "type": "object", "required": ["message"], "properties": {"message": {"type": "string", "example": "Pair deleted successfully"}}}}}},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "default": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/training-data/statistics": {
      "get": {
        "summary": "Dataset statistics",
        "operationId": "getStatistics",
        "parameters": [
          {"$ref": "#/components/parameters/start_date"},
          {"$ref": "#/components/parameters/end_date"},
          {"$ref": "#/components/parameters/successful_only"}
        ],
        "responses": {
          "200": {"description": "Statistics",
                  "content": {"application/json": {"schema": {
                    "type": "object", "required": ["statistics"], "properties": {"statistics": {"$ref": "#/components/schemas/Statistics"}}}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "501": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Unavailable"},
          "default": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/training-data/export": {
      "get": {
        "summary": "Export training data (streamed download)",
        "operationId": "exportTrainingData",
        "parameters": [
          {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["jsonl", "json", "csv"], "default": "jsonl"}},
          {"$ref": "#/components/parameters/start_date"},
          {"$ref": "#/components/parameters/end_date"},
          {"$ref": "#/components/parameters/successful_only"},
          {"name": "style", "in": "query", "description": "JSONL only: fine-tuning style", "schema": {"type": "string", "enum": ["pair", "prompt_completion", "chat", "alpaca"], "default": "pair"}},
          {"name": "system_prompt", "in": "query", "description": "JSONL only: system message of the chat style", "schema": {"type": "string"}},
          {"name": "deduplicate", "in": "query", "description": "drop pairs whose question (case and white space ignored) and SQL repeat", "schema": {"type": "boolean", "default": false}},
          {"name": "split", "in": "query", "description": "only the pairs of one split", "schema": {"type": "string", "enum": ["train", "validation", "test"]}},
          {"name": "split_ratios", "in": "query", "description": "train,validation,test fractions summing to 1, e.g. 0.8,0.1,0.1 (or the parameter repeated once per number)", "schema": {"type": "string"}}
        ],
        "responses": {
          "200": {"description": "The export file, streamed (chunked)",
                  "headers": {"Content-Disposition": {"description": "attachment; filename=\"training_data.<format>\" (training_data_<split>.<format> with split)", "schema": {"type": "string"}}},
                  "content": {"application/x-ndjson": {"schema": {"type": "string"}},
                              "application/json": {"schema": {"type": "string"}},
                              "text/csv": {"schema": {"type": "string"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"},
          "501": {"$ref": "#/components/responses/Error"},
          "503": {"description": "No database connection is free (at most pool size - 1 exports run at once: Retry-After 5), or the database is unavailable (Retry-After 1)",
                  "headers": {"Retry-After": {"description": "seconds", "required": true, "schema": {"type": "integer"}}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "default": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/training-data/openapi.json": {
      "get": {"summary": "This document", "operationId": "getOpenApi", "security": [],
              "responses": {"200": {"description": "OpenAPI 3 document", "content": {"application/json": {"schema": {"type": "object", "additionalProperties": true}}}},
                            "503": {"$ref": "#/components/responses/Unavailable"},
                            "default": {"$ref": "#/components/responses/Error"}}}
    },
    "/healthz": {
      "get": {
        "summary": "Liveness and database reachability",
        "operationId": "health",
        "security": [],
        "responses": {
          "200": {"description": "OK",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}, "example": {"status": "ok", "database": "ok"}}}},
          "503": {"description": "Database unavailable (Health), or the bridge is shutting down or over --max-connections (Error)",
                  "headers": {"Retry-After": {"description": "seconds", "required": true, "schema": {"type": "integer"}}},
                  "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Health"}, {"$ref": "#/components/schemas/Error"}]}, "example": {"status": "degraded", "database": "unavailable"}}}},
          "default": {"$ref": "#/components/responses/Error"}
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer", "description": "An HS256 JWT whose 'role' claim names a PostgreSQL role, or an API key"}
    },
    "parameters": {
      "start_date": {"name": "start_date", "in": "query", "description": "ISO 8601 date or timestamp, inclusive", "schema": {"type": "string"}},
      "end_date": {"name": "end_date", "in": "query", "description": "ISO 8601 date or timestamp, inclusive (a date includes the whole day)", "schema": {"type": "string"}},
      "successful_only": {"name": "successful_only", "in": "query", "schema": {"type": "boolean", "default": false}}
    },
    "responses": {
      "Error": {
        "description": "An error (default: 404 no such route, 405 with Allow, 413, 414, 431, 500, 501, 504 statement timeout)",
        "headers": {"Allow": {"description": "with 405", "schema": {"type": "string"}}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      },
      "Unavailable": {
        "description": "The database is unavailable or every connection is busy: retry after Retry-After seconds",
        "headers": {"Retry-After": {"description": "seconds", "required": true, "schema": {"type": "integer"}}},
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
      }
    },
    "schemas": {
      "NewPair": {
        "type": "object",
        "required": ["natural_language_query"],
        "additionalProperties": false,
        "properties": {
          "natural_language_query": {"type": "string"},
          "sql_query": {"type": "string", "nullable": true, "description": "absent or null: \"\""},
          "database_type": {"type": "string", "nullable": true},
          "database_name": {"type": "string", "nullable": true},
          "success": {"type": "boolean", "nullable": true, "description": "absent or null: true"},
          "execution_time_ms": {"type": "number", "minimum": 0, "nullable": true},
          "metadata": {"type": "object", "additionalProperties": true, "nullable": true, "description": "absent or null: {}"},
          "pair_id": {"type": "string", "readOnly": true, "description": "set by the server; ignored"},
          "timestamp": {"type": "string", "readOnly": true, "description": "set by the server; ignored"},
          "table_names": {"type": "array", "items": {"type": "string"}, "readOnly": true, "description": "set by the server; ignored"},
          "query_type": {"type": "string", "readOnly": true, "description": "set by the server; ignored"}
        }
      },
      "Pair": {
        "type": "object",
        "required": ["pair_id", "natural_language_query", "sql_query", "timestamp", "database_type", "database_name",
                     "table_names", "success", "execution_time_ms", "metadata", "query_type"],
        "properties": {
          "pair_id": {"type": "string", "format": "uuid"},
          "natural_language_query": {"type": "string"},
          "sql_query": {"type": "string"},
          "timestamp": {"type": "string", "format": "date-time"},
          "database_type": {"type": "string", "nullable": true},
          "database_name": {"type": "string", "nullable": true},
          "table_names": {"type": "array", "items": {"type": "string"}},
          "success": {"type": "boolean"},
          "execution_time_ms": {"type": "number", "nullable": true},
          "metadata": {"type": "object", "additionalProperties": true},
          "query_type": {"type": "string", "nullable": true}
        }
      },
      "PairEnvelope": {"type": "object", "required": ["pair"], "properties": {"pair": {"$ref": "#/components/schemas/Pair"}}},
      "Statistics": {
        "type": "object",
        "required": ["total_pairs", "successful_pairs", "failed_pairs", "unique_tables", "database_types",
                     "avg_query_length", "avg_sql_length", "date_range", "query_type_distribution"],
        "properties": {
          "total_pairs": {"type": "integer"},
          "successful_pairs": {"type": "integer"},
          "failed_pairs": {"type": "integer"},
          "unique_tables": {"type": "array", "items": {"type": "string"}},
          "database_types": {"type": "array", "items": {"type": "string"}},
          "avg_query_length": {"type": "number"},
          "avg_sql_length": {"type": "number"},
          "date_range": {"type": "object", "required": ["start", "end"],
                         "properties": {"start": {"type": "string", "format": "date-time", "nullable": true},
                                        "end": {"type": "string", "format": "date-time", "nullable": true}}},
          "query_type_distribution": {"type": "object", "additionalProperties": {"type": "integer"}}
        }
      },
      "Health": {
        "type": "object",
        "required": ["status", "database"],
        "properties": {
          "status": {"type": "string", "enum": ["ok", "degraded"]},
          "database": {"type": "string", "enum": ["ok", "unavailable"]}
        }
      },
      "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
          "error": {
            "type": "object",
            "required": ["code", "message", "details"],
            "properties": {
              "code": {"type": "string", "description": "SQLSTATE or a bridge code (not_found, unauthorized, invalid_token, token_expired, payload_too_large, unsupported_media_type, method_not_allowed, invalid_parameter, uri_too_long, headers_too_large, bad_request, not_implemented, database_unavailable, busy, shutting_down)"},
              "message": {"type": "string"},
              "details": {"type": "object", "nullable": true, "additionalProperties": true, "description": "null, or {\"hint\": ...}"}
            }
          }
        }
      }
    }
  }
}
)JSON";

}  // namespace

const std::string& openapi_document() {
    static const std::string doc = kOpenApi;
    return doc;
}

}  // namespace tde_http
