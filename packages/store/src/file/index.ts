/**
 * @rapk/store/file: the NDJSON file store (Node only): one append-only log file per plan, written
 * under an operating-system lock, crash-safe, with `repair` for a tail a crash left.
 */
export { type FileStoreOptions, NdjsonFileStore, type RecoveredTail, type RepairResult } from "./ndjsonFileStore.js";
export { syncFolder } from "./syncFolder.js";
