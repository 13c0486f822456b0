/** What the system refused a write for, as the store's error code (the message table explains each in both languages). */
export type WriteRefusal = "DISK_FULL" | "READ_ONLY" | "PERMISSION_DENIED";

const REFUSALS: Readonly<Record<string, WriteRefusal>> = { ENOSPC: "DISK_FULL", EDQUOT: "DISK_FULL", EROFS: "READ_ONLY", EACCES: "PERMISSION_DENIED", EPERM: "PERMISSION_DENIED" };

/** The refusal an operating-system error means (ENOSPC, EDQUOT, EROFS, EACCES, EPERM), or undefined for any other. */
export function writeRefusal(error: unknown): WriteRefusal | undefined {
  return REFUSALS[(error as NodeJS.ErrnoException | undefined)?.code ?? ""];
}
