import { type PlanState, checkInvariants, initialState } from "@rapk/core";
import { hashEvent } from "./hash.js";
import { kindBreach } from "./kindPolicy.js";
import { LineReader } from "./lineReader.js";
import { splitLines } from "./lines.js";
import { foldRange } from "./replayRange.js";
import { GENESIS_HASH, type StoredEvent } from "./storedEvent.js";

export type VerifyResult =
  | {
      readonly ok: true;
      readonly events: number;
      readonly versions: number;
      /** The hash of the last line (64 zeros for an empty log): keep it elsewhere to detect a log cut short. */
      readonly lastHash: string;
    }
  | { readonly ok: false; readonly line: number; readonly code: string; readonly message: string };

type Failure = Extract<VerifyResult, { ok: false }>;

/** The version being read: its events wait to be applied, in one fold, when it is complete. */
interface OpenVersion {
  readonly number: number;
  readonly kind: string;
  readonly before: PlanState;
  readonly events: StoredEvent[];
}

/**
 * Verifies a log from its text and names the first line that fails:
 * - everything parseLog checks (JSON, schema, seq and version order, one metadata per version,
 *   time not going backwards);
 * - the hash chain: `prev` is the hash of the line before (CHAIN_BROKEN) and `hash` is the sha256
 *   of the line's canonical form (HASH_MISMATCH);
 * - the kind of each version allows its events (REVISION_KIND_MISMATCH, POK_CHANGES_CEILING,
 *   PLAN_SIGNED_REVISION_REQUIRED);
 * - every event applies to the plan (EVENT_NOT_APPLICABLE), and after every version the plan holds
 *   every invariant (INVARIANT_BROKEN, named on the version's last line).
 * The line named is always the first one at fault: a version's events are applied when it is
 * complete, or as soon as a later line fails, to see whether one of them failed first.
 * A log cut short after a version is still a valid log: compare `lastHash` with one kept elsewhere.
 */
export function verifyLog(text: string): VerifyResult {
  const reader = new LineReader();
  let prev = GENESIS_HASH;
  let state = initialState();
  let open: OpenVersion | undefined;
  let count = 0;
  let versions = 0;

  // Applies the open version's events; with `complete`, also checks what holds after a version.
  const close = (complete: boolean): Failure | undefined => {
    if (!open) return undefined;
    const version = open;
    open = undefined;
    const first = version.events[0] as StoredEvent;
    const last = version.events[version.events.length - 1] as StoredEvent;
    const folded = foldRange(version.events, 0, version.events.length, version.before);
    if (!folded.ok) return { ok: false, line: (version.events[folded.index] as StoredEvent).seq, code: folded.error.code, message: folded.error.message };
    state = folded.state;
    if (!complete) return undefined;
    const where = `after version ${version.number} (lines ${first.seq}-${last.seq})`;
    const ceilingBefore = version.before.plan?.ceiling;
    if (version.kind === "pok" && ceilingBefore !== undefined && state.plan && state.plan.ceiling !== ceilingBefore)
      return { ok: false, line: last.seq, code: "POK_CHANGES_CEILING", message: `${where}: a pok version changed the ceiling` };
    const violation = checkInvariants(state)[0];
    if (violation) return { ok: false, line: last.seq, code: "INVARIANT_BROKEN", message: `${where}: ${violation.code}: ${violation.message}` };
    return undefined;
  };
  // A fault on a line comes after any fault of the lines before it, still waiting in the open version.
  const failAt = (failure: Failure): Failure => close(false) ?? failure;

  for (const line of splitLines(text)) {
    const fail = (code: string, message: string) => failAt({ ok: false, line: line.number, code, message });
    const read = reader.read(line);
    if (!read.ok) return failAt({ ok: false, ...read.error });
    const event = read.event;
    if (read.startsVersion) {
      const closed = close(true);
      if (closed) return closed;
      open = { number: event.version, kind: event.metadata.kind, before: state, events: [] };
      versions += 1;
    }
    if (event.prev !== prev) return fail("CHAIN_BROKEN", `prev is ${event.prev} but the line before has hash ${prev}${line.number === 1 ? " (the first line's prev is 64 zeros)" : ""}`);
    const hash = hashEvent(event);
    if (event.hash !== hash) return fail("HASH_MISMATCH", `hash is ${event.hash} but the line's content hashes to ${hash}: the line was changed after it was written`);
    prev = event.hash;
    const version = open as OpenVersion;
    const breach = kindBreach(event.type, event.metadata.kind, version.before);
    if (breach) return fail(breach.code, breach.message);
    version.events.push(event);
    count += 1;
  }
  return close(true) ?? { ok: true, events: count, versions, lastHash: prev };
}
