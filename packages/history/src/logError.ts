import type { ErrorCode } from "@rapk/core";

/** What is wrong with a log: the first bad line (1-based), a stable code, and why, in words. */
export interface LogError {
  readonly line: number;
  readonly code: ErrorCode;
  readonly message: string;
}
