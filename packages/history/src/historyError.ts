/**
 * Thrown by the History queries on a question that has no answer (a version that does not exist,
 * a date that is not one) or a log that cannot be replayed. Carries a stable code like every
 * other error of rapk, and the log line when one is to blame.
 */
export class HistoryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "HistoryError";
  }
}
