/**
 * @rapk/cli: the `rapk` command line for RAPK plan logs, usable in-process through `main`.
 * Node only: it reads and writes log files (through @rapk/store's file store) and store URLs.
 */
export { main, buildProgram } from "./main.js";
export type { Io, Output } from "./io.js";
export { CLI_ERROR_CODES, CliError, type CliErrorCode, type CliErrorPlace, EXIT, type ExitCode, errorLine, isCliError } from "./cliError.js";
export { stateToJson, type StateJson, type IndicatorJson, type LineJson, type RealisationJson, type CodedJson } from "./stateToJson.js";
export { writeFileAtomic, type WriteOptions } from "./files.js";
export { STORE_SCHEMES, type LogTarget, type StoreOpener, openTarget, registerStoreScheme } from "./logTarget.js";
export { parseSelector, type Selector } from "./selector.js";
