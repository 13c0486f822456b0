import { isDomainFailure, type DomainError } from "./errors.js";
import { applyEvent } from "./applyEvent.js";
import { draftOf, finishDraft } from "./planDraft.js";
import { EventValidator } from "./recordedEvent.js";
import { type PlanState, initialState } from "./state.js";

export type ReplayLinesResult =
  | { readonly ok: true; readonly state: PlanState; readonly events: number }
  | { readonly ok: false; readonly error: DomainError & { readonly line: number } };

/**
 * The state a log's lines make, in one pass and holding nothing but the state: each line is
 * parsed as JSON, validated as an event with its metadata (EventValidator) and applied to one plan
 * draft, frozen once at the end. Fields a log line adds around the event (history's seq,
 * version, prev, hash) are not this package's to check. The first bad line stops it, named by
 * its 1-based number. This is the fast way to the head of a long log (packages/bench measures it
 * against JSON.parse alone).
 */
export function replayLines(lines: Iterable<string>, from: PlanState = initialState()): ReplayLinesResult {
  const draft = draftOf(from);
  const validator = new EventValidator();
  let line = 0;
  for (const text of lines) {
    line += 1;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: "INVALID_JSON", message: `line ${line}: is not valid JSON (${why})`, path: [], line } };
    }
    const parsed = validator.validate(raw, line);
    if (!parsed.ok) return { ok: false, error: { ...parsed.error, line } };
    try {
      applyEvent(draft, parsed.event);
    } catch (error) {
      if (isDomainFailure(error)) return { ok: false, error: { ...error.error, message: `line ${line}: ${error.error.message}`, line } };
      throw error;
    }
  }
  return { ok: true, state: finishDraft(draft), events: line };
}
