import { isRapkError } from "@rapk/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, errorBody } from "./apiError.js";

/** The status of a rapk error a route lets through (a store's, history's). */
const STATUS_OF_CODE: Readonly<Record<string, ContentfulStatusCode>> = {
  PLAN_ID_INVALID: 400,
  INVALID_INSTANT: 400,
  VERSION_OUT_OF_RANGE: 404,
  CONFLICT: 409,
  LOCKED: 503,
  STORE_UNAVAILABLE: 503,
  CONNECTION_LOST: 503,
};

/**
 * Every error as the client sees it: `{"error": {"code", "message"}}` with its status. A refusal
 * says why; anything unforeseen is a 500 that says only that the server failed, and the server's
 * log gets its message (never a stack, a cookie or a signature: none is in a message).
 */
export function errorResponse(error: unknown, c: Context, log: (line: string) => void): Response {
  if (error instanceof ApiError) {
    if (error.retryAfter !== undefined) c.header("retry-after", String(error.retryAfter));
    return c.json(errorBody(error.code, error.message), error.status);
  }
  if (error instanceof HTTPException) return c.json(errorBody("HTTP_" + error.status, error.message || "refused"), error.status as ContentfulStatusCode);
  if (isRapkError(error)) {
    const status = STATUS_OF_CODE[error.code];
    if (status !== undefined) return c.json(errorBody(error.code, error.message), status);
    log(`error: ${c.req.method} ${new URL(c.req.url).pathname}: ${error.code}: ${error.message}`);
    return c.json(errorBody("INTERNAL", "the server could not do this; its log says why"), 500);
  }
  log(`error: ${c.req.method} ${new URL(c.req.url).pathname}: ${error instanceof Error ? `${error.name}: ${error.message}` : "a non-error was thrown"}`);
  return c.json(errorBody("INTERNAL", "the server could not do this; its log says why"), 500);
}
