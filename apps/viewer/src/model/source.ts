import type { Finding, PlanState, SourceFile } from "@rapk/core";
import type { LogError, VerifyResult } from "@rapk/history";
import type { FoldedHistory } from "./foldedHistory.js";

/**
 * How the check of a log ended (history's `verifyLog`: the chain, every signature, the policy
 * where the log has a roster), with every problem it found when it failed (the first is `error`).
 */
export type Verification = VerifyResult & { readonly problems?: readonly LogError[] };

/** What the viewer shows: a plan's events, where they came from, and whether they can be trusted. */
export interface Loaded {
  /** The file name, or the bundled example's. */
  readonly name: string;
  /** `log`: an event log (NDJSON); `import`: a published table or CSV turned into one version. */
  readonly origin: "log" | "import";
  /** Its versions and the plan after each, folded where it was read (in the worker). */
  readonly history: FoldedHistory;
  /** The chain check of a log; null for an import, which has no chain of its own yet. */
  readonly verification: Verification | null;
  /** What the importer found, as version 1 of the log records it (or the import just made). */
  readonly findings: readonly Finding[];
  /** The file the plan was imported from and the importer, as the log records them; absent for a plan not imported. */
  readonly imported?: { readonly source: SourceFile; readonly importer: string };
}

/** Why a source could not be opened, with the line where that is known. */
export interface LoadFailure {
  readonly code: string;
  readonly message: string;
  readonly line?: number;
}

export type LoadOutcome = { ok: true; loaded: Loaded; rest?: Promise<RestOfStates> } | { ok: false; error: LoadFailure };

/**
 * The plans of the versions a loaded history still lacks (`states[n]` for version n, undefined
 * where the history has it already), when they come after it: a large log's newest plan comes
 * first, the others once the page has shown it. Never resolved when the loading was aborted;
 * rejected (with the reason) when the reading failed after the newest plan was given.
 */
export type RestOfStates = readonly (PlanState | undefined)[];

/**
 * What an auditor holds from outside the log and pins it to, as `rapk verify --root` and
 * `--expect-head`: the public key that must sign the roster's first version (ROOT_NOT_TRUSTED
 * otherwise), and the head the log must end at (HEAD_MISMATCH: a log cut short or rewritten).
 */
export interface Pins {
  readonly root?: string;
  readonly expectHead?: string;
}

/**
 * What to open: a file the user chose or dropped, a file shipped with the app (the bundled
 * example, fetched from its URL), or text already in memory; with the pins it is checked against.
 */
export type SourceInput = ({ readonly file: File } | { readonly url: string; readonly name: string } | { readonly text: string; readonly name: string }) & { readonly pins?: Pins };

/** The name to show for a source. */
export function sourceName(input: SourceInput): string {
  return "file" in input ? input.file.name : input.name;
}

/** The text of a source (read where the parsing runs: in the worker, off the main thread). */
export async function readSource(input: SourceInput): Promise<string> {
  if ("file" in input) return input.file.text();
  if ("url" in input) {
    const response = await fetch(input.url);
    if (!response.ok) throw new Error(`${input.name}: HTTP ${response.status}`);
    return response.text();
  }
  return input.text;
}

/** Opens a source; the default runs in a Web Worker, tests pass one that runs inline. */
/**
 * Opens a source. `signal` is aborted when the user opens another file first: a loader may stop
 * its work then (the worker loader terminates its worker); the caller ignores the outcome.
 */
export type Loader = (input: SourceInput, signal?: AbortSignal) => Promise<LoadOutcome>;
