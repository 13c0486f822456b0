import { type ErrorCode, RapkError } from "@rapk/core";

/**
 * Thrown by the History queries on a question that has no answer (a version that does not exist,
 * a date that is not one) or a log that cannot be replayed. Carries a stable code like every
 * other error of rapk, and the log line when one is to blame.
 */
export class HistoryError extends RapkError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(code, message);
    this.name = "HistoryError";
  }
}
