import { EventValidator, versionMetadataOf } from "@rapk/core";
import { firstDifference } from "./difference.js";
import { instantOf } from "./instant.js";
import type { Line } from "./lines.js";
import type { LogError } from "./logError.js";
import { Envelope, HEX_SHA256, type StoredEvent, type StoredMetadata } from "./storedEvent.js";

export type LineResult =
  | { readonly ok: true; readonly event: StoredEvent; readonly startsVersion: boolean }
  | { readonly ok: false; readonly error: LogError };

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 1;
const isHash = (value: unknown): value is string => typeof value === "string" && HEX_SHA256.test(value);

const METADATA_KEYS = ["at", "recordedAt", "effectiveAt", "actor", "reason", "reference", "kind", "corrects", "importer"] as const;
// The rare object fields (an import's source and findings) are compared by their JSON.
const OBJECT_KEYS = ["source", "findings"] as const;

/**
 * Reads a log one line at a time and checks what a line can be checked for without the hash
 * chain or the plan: valid JSON, a valid event (core's parseEvent), nothing the schema would drop
 * or store differently, seq contiguous from 1, version starting at 1 and rising by at most one,
 * one metadata per version, and time that does not go backwards from one version to the next.
 * parseLog and verifyLog share it, so both name the same line for the same fault.
 */
export class LineReader {
  // One validator per log read: it remembers the metadata it checked last (a v1 batch repeats it on every line).
  private readonly validator = new EventValidator();
  private last: StoredEvent | undefined;
  private lastRecorded = Number.NEGATIVE_INFINITY;
  private lastEffective = Number.NEGATIVE_INFINITY;

  read(line: Line): LineResult {
    const fail = (code: string, message: string): LineResult => ({ ok: false, error: { line: line.number, code, message } });
    if (line.text.trim() === "") return fail("BLANK_LINE", "is blank; a log has one event on every line and no empty lines between them");

    let raw: unknown;
    try {
      raw = JSON.parse(line.text);
    } catch (error) {
      return fail("INVALID_JSON", `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("EVENT_INVALID", "is not a JSON object (an event)");

    // The schema runs only to word the error: these four checks are the hot path of a long log.
    const { seq, version, prev, hash } = raw as Record<string, unknown>;
    if (!(isCount(seq) && isCount(version) && isHash(prev) && isHash(hash))) {
      const issue = Envelope.safeParse(raw).error?.issues[0];
      return fail("EVENT_INVALID", `${issue?.path.map(String).join(".") || "(whole)"} ${issue?.message ?? "is invalid"}`);
    }
    const parsed = this.validator.parse(raw, line.number);
    if (!parsed.ok) return fail("EVENT_INVALID", parsed.error.message);
    const { metadata } = parsed.event;
    if (metadata.kind === undefined)
      return fail("EVENT_INVALID", "metadata.kind must name the kind of batch the event was accepted in (draft, pok, dipa, rapk, report)");

    const event = { seq, version, type: parsed.event.type, data: parsed.event.data, metadata: metadata as StoredMetadata, prev, hash } as StoredEvent;
    const drift = firstDifference(raw, event);
    if (drift)
      return fail(
        "NOT_CANONICAL",
        drift.kind === "extra"
          ? `${drift.path} is unknown (not a field of ${event.type})`
          : `${drift.path} is written ${JSON.stringify(drift.written)} but is kept as ${JSON.stringify(drift.kept)}`,
      );

    const expectedSeq = this.last ? this.last.seq + 1 : 1;
    if (seq !== expectedSeq) return fail("SEQ_OUT_OF_ORDER", `seq is ${seq}, expected ${expectedSeq} (events are numbered 1, 2, 3, ... without gaps)`);

    const lastVersion = this.last?.version ?? 0;
    if (version !== lastVersion && version !== lastVersion + 1)
      return fail("VERSION_OUT_OF_ORDER", `version is ${version}, expected ${lastVersion === 0 ? "1" : `${lastVersion} or ${lastVersion + 1}`} (versions start at 1 and rise by one)`);

    const startsVersion = version !== lastVersion;
    if (!startsVersion && this.last) {
      const mine = metadata as Record<string, unknown>;
      const before = this.last.metadata as Record<string, unknown>;
      const differing =
        METADATA_KEYS.find((key) => mine[key] !== before[key]) ??
        OBJECT_KEYS.find((key) => (mine[key] !== undefined || before[key] !== undefined) && JSON.stringify(mine[key]) !== JSON.stringify(before[key]));
      if (differing)
        return fail("VERSION_METADATA_DIFFERS", `metadata.${differing} differs from the earlier events of version ${version}; a version is one decision with one who, when, why and kind`);
    }
    if (startsVersion) {
      // Both dates never go back (a v1 `at` is both): every as-of question is a prefix of the log.
      const { recordedAt, effectiveAt } = versionMetadataOf(metadata);
      const field = "at" in metadata ? "at" : undefined;
      const recorded = instantOf(recordedAt);
      const effective = instantOf(effectiveAt);
      if (Number.isNaN(recorded) || Number.isNaN(effective)) return fail("EVENT_INVALID", `metadata.${field ?? "recordedAt"} ${recordedAt} is not a date-time`);
      const previous = this.last ? versionMetadataOf(this.last.metadata) : undefined;
      if (recorded < this.lastRecorded)
        return fail("TIME_GOES_BACKWARDS", `metadata.${field ?? "recordedAt"} ${recordedAt} is before ${previous?.recordedAt}, when version ${lastVersion} was recorded`);
      if (effective < this.lastEffective)
        return fail("TIME_GOES_BACKWARDS", `metadata.${field ?? "effectiveAt"} ${effectiveAt} is before ${previous?.effectiveAt}, when version ${lastVersion} took effect`);
      this.lastRecorded = recorded;
      this.lastEffective = effective;
    }
    this.last = event;
    return { ok: true, event, startsVersion };
  }
}
