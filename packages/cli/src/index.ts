/**
 * @rapk/cli: the `rapk` command line for RAPK plan logs, usable in-process through `main`.
 * Node only: it reads and writes log files (through @rapk/store's file store) and store URLs.
 */
export { main, buildProgram } from "./main.js";
export type { Io, Output } from "./io.js";
export { CliError, type CliErrorPlace, EXIT, type ExitCode, errorLine } from "./cliError.js";
export { stateToJson, type StateJson, type IndicatorJson, type LineJson, type RealisationJson, type CodedJson } from "./stateToJson.js";
<<<<<<< HEAD
export { writeFileAtomic, type WriteOptions } from "./files.js";
export { withLock, type HeldLock, type LockOptions } from "./lock.js";
=======
export { writeFileAtomic } from "./files.js";
export { STORE_SCHEMES, type LogTarget, type StoreOpener, openTarget, registerStoreScheme } from "./logTarget.js";
>>>>>>> 9f6e880 (NDJSON file store and CLI on the store contract: append-only under an OS write lock, repair, store URLs, verify --json/--expect-head/--trust, keygen and --sign)
export { parseSelector, type Selector } from "./selector.js";
