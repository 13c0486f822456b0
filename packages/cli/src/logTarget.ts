import { fileURLToPath } from "node:url";
import type { EventStore } from "@rapk/store";
import { NdjsonFileStore, type RecoveredTail } from "@rapk/store/file";
import { CliError } from "./cliError.js";
import { pathOf } from "./files.js";
import { type Io, println } from "./io.js";

/** Where a command's `<log>` lives: a store and the plan in it. */
export interface LogTarget {
  /** The argument as the user wrote it, for messages. */
  readonly label: string;
  readonly store: EventStore;
  readonly plan: string;
  /** The log file's absolute path, for a log kept in a file. */
  readonly path?: string;
}

/**
 * Opens the store a URL names (with the plan after `#`); registered per scheme. `label` is the
 * URL as messages may show it (a password hidden), the URL itself when omitted.
 */
export type StoreOpener = (url: string, io: Io) => Promise<{ store: EventStore; plan: string; label?: string }>;

/**
 * The store URL schemes rapk knows beside files (`file:` and plain paths): a store adapter adds
 * itself here (`postgres:` and `postgresql:` by @rapk/store-postgres).
 */
export const STORE_SCHEMES = new Map<string, StoreOpener>();

/** Adds or replaces the opener of a URL scheme (`postgres`), without the colon. */
export function registerStoreScheme(scheme: string, opener: StoreOpener): void {
  STORE_SCHEMES.set(scheme.toLowerCase(), opener);
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):/;

/** The absolute path a log argument names when it is a file (a plain path or a `file:` URL); undefined for a store URL. */
export function plainFilePath(io: Io, arg: string): string | undefined {
  const scheme = SCHEME.exec(arg)?.[1]?.toLowerCase();
  if (scheme === undefined) return arg === "" ? undefined : pathOf(io, arg);
  if (scheme !== "file") return undefined;
  const path = arg.startsWith("file://") ? fileURLToPath(arg) : arg.slice("file:".length);
  return path === "" ? undefined : pathOf(io, path);
}

/**
 * Resolves a `<log>` argument: a plain path or a `file:` URL is an NDJSON log file; any other
 * `scheme:` is a store URL opened through STORE_SCHEMES (`postgres://user@host:port/db#plan`).
 * A one-letter scheme is a Windows drive (`C:\plans\x.ndjson`), a path.
 */
export async function openTarget(io: Io, arg: string): Promise<LogTarget> {
  const scheme = SCHEME.exec(arg)?.[1]?.toLowerCase();
  if (scheme === undefined) return fileTarget(io, arg, arg);
  if (scheme === "file") return fileTarget(io, arg, arg.startsWith("file://") ? fileURLToPath(arg) : arg.slice("file:".length));
  const opener = STORE_SCHEMES.get(scheme);
  if (!opener) {
    const known = ["file", ...STORE_SCHEMES.keys()].map((s) => `${s}:`).join(", ");
    throw new CliError(`is a ${scheme}: URL, which no store of this rapk opens (known: ${known}, or a plain path)`, { file: arg });
  }
  const { store, plan, label } = await opener(arg, io);
  return { label: label ?? arg, store, plan };
}

function fileTarget(io: Io, label: string, path: string, lockWaitMs = 5_000): LogTarget {
  if (path === "") throw new CliError("names no file", { file: label });
  const absolute = pathOf(io, path);
  const onRecovered = (tail: RecoveredTail) =>
    println(
      io.stderr,
      `rapk: ${label}: note: cut an uncommitted tail that a writer stopped in the middle left (${tail.events} event line(s)${tail.torn ? " and a line cut short" : ""}, ${tail.bytes} bytes; kept in ${tail.backup})`,
    );
  const store = NdjsonFileStore.file(absolute, { onRecovered, lockWaitMs });
  return { label, store, plan: store.plan as string, path: absolute };
}

/** The same target with another lock wait (`--lock-wait`), for file logs. */
export function withLockWait(io: Io, target: LogTarget, waitMs: number): LogTarget {
  return target.path ? fileTarget(io, target.label, target.path, waitMs) : target;
}
