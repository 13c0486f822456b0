import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * A refusal the API answers with: an HTTP status, a stable code and a plain message, sent as
 * `{"error": {"code", "message"}}`. Nothing else of an error (a stack, a store's internals)
 * reaches a client.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export const errorBody = (code: string, message: string): ErrorBody => ({ error: { code, message } });
