import { type ErrorCode, EventValidator, PlanEvent, VersionMetadata as VersionMetadataSchema, schemaError, schemaIssue, versionMetadataOf } from "@rapk/core";
import { type CommitRecord, FORMAT_V2, type VersionMetadata, eventMetadataOf } from "./commit.js";
import { type Difference, firstDifference } from "./difference.js";
import { instantOf } from "./instant.js";
import { keyPathText, lineKeyProblem } from "./jsonKeys.js";
import type { LogError } from "./logError.js";
import { Envelope, LINE_KEYS_V2, type StoredEvent, type StoredMetadata, isSha256Hex } from "./storedEvent.js";

/**
 * What one line is: an event (v1 with its metadata, or v2 whose metadata comes with its version's
 * commit record), or a v2 commit record closing the version whose events came before it.
 */
export type LineResult =
  | {
      readonly ok: true;
      readonly kind: "event";
      readonly event: StoredEvent;
      readonly startsVersion: boolean;
      /** A v1 line whose metadata is written as the line before wrote it. */
      readonly repeatsMetadata?: boolean;
    }
  | { readonly ok: true; readonly kind: "commit"; readonly commit: CommitRecord; readonly events: readonly StoredEvent[] }
  | { readonly ok: false; readonly error: LogError };

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 1;
const isHexOf = (value: unknown, length: number): value is string => typeof value === "string" && value.length === length && /^[0-9a-f]+$/.test(value);

const METADATA_KEYS = ["at", "recordedAt", "effectiveAt", "actor", "reason", "reference", "kind", "corrects", "importer"] as const;
// The rare object fields (an import's source and findings) are compared by their JSON.
const OBJECT_KEYS = ["source", "findings"] as const;

/**
 * Reads a log one line at a time and checks what a line can be checked for without the hash
 * chain or the plan: valid JSON, a valid event (core's parseEvent) or commit record, nothing the
 * schema would drop or store differently, seq contiguous from 1, versions starting at 1 and
 * rising by one, and time that does not go backwards from one version to the next.
 *
 * Two formats (docs/log-format.md): v1 lines (no `format`, metadata on every event, a version
 * ends where the next begins) may open a log; v2 lines (`"format":"rapk/2"`, no metadata on
 * events, a commit record after each version's events) follow them, and nothing but v2 after the
 * first v2 line. A v2 event's metadata is attached when its commit record is read: until then the
 * version is open (`open()`), and a log that ends there ends with an uncommitted version.
 * parseLog and verifyLog share this reader, so both name the same line for the same fault.
 */
export class LineReader {
  // One validator per log read: it remembers the metadata it checked last (a v1 batch repeats it on every line).
  private readonly validator = new EventValidator();
  private last: StoredEvent | undefined;
  private lastRecorded = Number.NEGATIVE_INFINITY;
  private lastEffective = Number.NEGATIVE_INFINITY;
  private lastTimes: { recordedAt: string; effectiveAt: string } | undefined;
  private v2 = false;
  /** The open v2 version's events, waiting for their commit record. */
  private pending: StoredEvent[] = [];
  /** The last committed (or, for v1, started) version. */
  private committed = 0;

  /** The v2 events read since the last commit record: a version not (yet) committed. */
  open(): readonly StoredEvent[] {
    return this.pending;
  }

  /** Whether a v2 line has been read: from then on only v2 lines may follow. */
  get isV2(): boolean {
    return this.v2;
  }

  /** Reads the line `text`, line `number` of the log. */
  read(text: string, number: number): LineResult {
    const fail = (code: ErrorCode, message: string): LineResult => ({ ok: false, error: { line: number, code, message } });
    if (text.trim() === "") return fail("BLANK_LINE", "is blank; a log has one event on every line and no empty lines between them");

    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return fail("INVALID_JSON", `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("EVENT_INVALID", "is not a JSON object (an event)");
    // JSON.parse keeps the last of two equal keys (another reader may keep the first) and lets
    // `__proto__` through: a line that reads two ways cannot be part of a record.
    const keys = lineKeyProblem(text, raw);
    if (keys) {
      const where = keyPathText(keys.path);
      return keys.why === "duplicate"
        ? fail("DUPLICATE_KEY", `${where} is written twice in one object; readers disagree on which counts, so the line cannot be trusted`)
        : fail("RESERVED_KEY", `${where} is named after a member of every JavaScript object (${JSON.stringify(keys.key)}), never a field of a log line`);
    }
    const record = raw as Record<string, unknown>;
    if ("format" in record) {
      if (record.format !== FORMAT_V2) return fail("FORMAT_UNKNOWN", `format is ${JSON.stringify(record.format)}; this rapk reads "${FORMAT_V2}" lines and untagged v1 lines`);
      this.v2 = true;
      return "commit" in record ? this.readCommit(record, fail) : this.readEventV2(record, fail);
    }
    if (this.v2) return fail("FORMAT_MIXED", `has no format tag, but a "${FORMAT_V2}" line came before it; after the first v2 line every line carries "format":"${FORMAT_V2}"`);
    return this.readEventV1(record, fail);
  }

  private readEventV1(raw: Record<string, unknown>, fail: (code: ErrorCode, message: string) => LineResult): LineResult {
    // The schema runs only to word the error: these four checks are the hot path of a long log.
    const { seq, version, prev, hash } = raw;
    if (!(isCount(seq) && isCount(version) && isSha256Hex(prev) && isSha256Hex(hash))) return fail("EVENT_INVALID", envelopeIssue(raw));
    const parsed = this.validator.parse(raw, seq);
    if (!parsed.ok) return fail("EVENT_INVALID", parsed.error.message);
    const { metadata } = parsed.event;
    if (metadata.kind === undefined)
      return fail("EVENT_INVALID", "metadata.kind must name the kind of batch the event was accepted in (draft, pok, dipa, rapk, report)");

    const event = { seq, version, type: parsed.event.type, data: parsed.event.data, metadata: metadata as StoredMetadata, prev, hash } as StoredEvent;
    // Metadata written as the line before wrote it was checked there: only the data and the
    // line's own fields can differ from what is kept (the envelope's values are the line's own).
    const drift = parsed.repeated ? firstDifference(raw.data, event.data, "data") ?? extraField(raw, V1_KEYS) : firstDifference(raw, event);
    if (drift) return fail("NOT_CANONICAL", describeDrift(drift, event.type));
    const order = this.checkOrder(seq, version, fail);
    if (order) return order;

    const startsVersion = version !== (this.last?.version ?? 0);
    if (!startsVersion && this.last && !parsed.repeated) {
      const mine = metadata as Record<string, unknown>;
      const before = this.last.metadata as Record<string, unknown>;
      const differing =
        METADATA_KEYS.find((key) => mine[key] !== before[key]) ??
        OBJECT_KEYS.find((key) => (mine[key] !== undefined || before[key] !== undefined) && JSON.stringify(mine[key]) !== JSON.stringify(before[key]));
      if (differing)
        return fail("VERSION_METADATA_DIFFERS", `metadata.${differing} differs from the earlier events of version ${version}; a version is one decision with one who, when, why and kind`);
    }
    if (startsVersion) {
      const backwards = this.checkTimes(versionMetadataOf(metadata), "at" in metadata ? "metadata.at" : undefined, version - 1, fail);
      if (backwards) return backwards;
      this.committed = version;
    }
    this.last = event;
    return { ok: true, kind: "event", event, startsVersion, repeatsMetadata: parsed.repeated === true };
  }

  private readEventV2(raw: Record<string, unknown>, fail: (code: ErrorCode, message: string) => LineResult): LineResult {
    const { seq, version, prev, hash } = raw;
    if (!(isCount(seq) && isCount(version) && isSha256Hex(prev) && isSha256Hex(hash))) return fail("EVENT_INVALID", envelopeIssue(raw));
    const parsed = PlanEvent.safeParse(raw);
    if (!parsed.success) return fail("EVENT_INVALID", schemaError("EVENT_INVALID", `event ${seq}${typeof raw.type === "string" ? ` (${raw.type})` : ""}`, parsed.error).message);
    // The metadata is the commit record's, attached when it is read (one object for the version).
    const event = { format: FORMAT_V2, seq, version, type: parsed.data.type, data: parsed.data.data, metadata: undefined, prev, hash } as unknown as StoredEvent;
    // The envelope's values are the line's own: only the data and unknown fields can differ.
    const drift = firstDifference(raw.data, event.data, "data") ?? extraField(raw, V2_KEYS);
    if (drift) return fail("NOT_CANONICAL", describeDrift(drift, event.type));
    const order = this.checkOrder(seq, version, fail);
    if (order) return order;
    const startsVersion = this.pending.length === 0;
    if (startsVersion && version !== this.committed + 1)
      return fail("VERSION_OUT_OF_ORDER", `version is ${version}, expected ${this.committed + 1} (the version after the last committed one)`);
    this.pending.push(event);
    this.last = event;
    return { ok: true, kind: "event", event, startsVersion };
  }

  private readCommit(raw: Record<string, unknown>, fail: (code: ErrorCode, message: string) => LineResult): LineResult {
    const { commit, events, prev, hash, signature } = raw;
    if (!isCount(commit)) return fail("COMMIT_INVALID", "commit must be the number of the version it commits (1 or more)");
    if (!isCount(events)) return fail("COMMIT_INVALID", "events must be the number of events of the version (1 or more)");
    if (!isSha256Hex(prev)) return fail("COMMIT_INVALID", "prev must be 64 lowercase hex digits (a sha256)");
    if (!isSha256Hex(hash)) return fail("COMMIT_INVALID", "hash must be 64 lowercase hex digits (a sha256)");
    if (signature !== undefined) {
      const s = signature as Record<string, unknown> | null;
      if (typeof s !== "object" || s === null || !isHexOf(s.publicKey, 64) || !isHexOf(s.signature, 128) || Object.keys(s).length !== 2)
        return fail("COMMIT_INVALID", "signature must be {publicKey: 64 hex digits, signature: 128 hex digits} (Ed25519)");
    }
    const metadata = VersionMetadataSchema.safeParse(raw.metadata);
    if (!metadata.success) {
      const { path, why } = schemaIssue(metadata.error);
      return fail("COMMIT_INVALID", `metadata${path.length > 0 ? `.${path.join(".")}` : ""} ${why}`);
    }
    const kept = metadata.data as VersionMetadata;
    const unknown = Object.keys(raw).find((key) => !["format", "commit", "events", "metadata", "prev", "hash", "signature"].includes(key));
    if (unknown) return fail("NOT_CANONICAL", `${unknown} is unknown (not a field of a commit record)`);
    const drift = firstDifference(raw.metadata, kept, "metadata");
    if (drift) return fail("NOT_CANONICAL", drift.kind === "extra" ? `${drift.path} is unknown` : `${drift.path} is written ${JSON.stringify(drift.written)} but is kept as ${JSON.stringify(drift.kept)}`);
    if (this.pending.length === 0)
      return fail("COMMIT_WITHOUT_EVENTS", `commits version ${commit}, but no event of a version ${commit} comes before it since the last commit`);
    const open = this.pending[0]?.version as number;
    if (commit !== open) return fail("COMMIT_INVALID", `commit is ${commit}, but the events before it are version ${open}`);
    if (events !== this.pending.length)
      return fail("COMMIT_COUNT_MISMATCH", `counts ${events} events, but version ${commit} has ${this.pending.length} event lines before it (lines cut out or added?)`);
    const backwards = this.checkTimes(kept, undefined, commit - 1, fail);
    if (backwards) return backwards;
    const shown = Object.freeze(eventMetadataOf(kept));
    for (const event of this.pending) (event as { metadata: StoredMetadata }).metadata = shown;
    const record = (signature === undefined
      ? { format: FORMAT_V2, commit, events, metadata: kept, prev, hash }
      : { format: FORMAT_V2, commit, events, metadata: kept, prev, hash, signature: { publicKey: (signature as CommitSignatureRaw).publicKey, signature: (signature as CommitSignatureRaw).signature } }) as CommitRecord;
    const committed = this.pending;
    this.pending = [];
    this.committed = commit;
    return { ok: true, kind: "commit", commit: record, events: committed };
  }

  private checkOrder(seq: number, version: number, fail: (code: ErrorCode, message: string) => LineResult): LineResult | undefined {
    const expectedSeq = this.last ? this.last.seq + 1 : 1;
    if (seq !== expectedSeq) return fail("SEQ_OUT_OF_ORDER", `seq is ${seq}, expected ${expectedSeq} (events are numbered 1, 2, 3, ... without gaps)`);
    const lastVersion = this.last?.version ?? 0;
    if (version !== lastVersion && version !== lastVersion + 1)
      return fail("VERSION_OUT_OF_ORDER", `version is ${version}, expected ${lastVersion === 0 ? "1" : `${lastVersion} or ${lastVersion + 1}`} (versions start at 1 and rise by one)`);
    if (this.v2 && this.pending.length > 0 && version !== this.pending[0]?.version)
      return fail("VERSION_UNCOMMITTED", `version is ${version}, but version ${this.pending[0]?.version} has no commit record before this line`);
    return undefined;
  }

  /** Both dates never go back (a v1 `at` is both): every as-of question is a prefix of the log. */
  private checkTimes(times: { recordedAt: string; effectiveAt: string }, v1Field: string | undefined, previous: number, fail: (code: ErrorCode, message: string) => LineResult): LineResult | undefined {
    const recorded = instantOf(times.recordedAt);
    const effective = instantOf(times.effectiveAt);
    if (Number.isNaN(recorded) || Number.isNaN(effective)) return fail("EVENT_INVALID", `${v1Field ?? "metadata.recordedAt"} ${times.recordedAt} is not a date-time`);
    if (recorded < this.lastRecorded)
      return fail("TIME_GOES_BACKWARDS", `${v1Field ?? "metadata.recordedAt"} ${times.recordedAt} is before ${this.lastTimes?.recordedAt}, when version ${previous} was recorded`);
    if (effective < this.lastEffective)
      return fail("TIME_GOES_BACKWARDS", `${v1Field ?? "metadata.effectiveAt"} ${times.effectiveAt} is before ${this.lastTimes?.effectiveAt}, when version ${previous} took effect`);
    this.lastRecorded = recorded;
    this.lastEffective = effective;
    this.lastTimes = { recordedAt: times.recordedAt, effectiveAt: times.effectiveAt };
    return undefined;
  }
}

interface CommitSignatureRaw {
  readonly publicKey: string;
  readonly signature: string;
}

/** The fields of a v1 event line. */
const V1_KEYS: ReadonlySet<string> = new Set(["seq", "version", "type", "data", "metadata", "prev", "hash"]);
/** The fields of a v2 event line. */
const V2_KEYS: ReadonlySet<string> = new Set(LINE_KEYS_V2);

/** The first field of a line that is not among `known`, as firstDifference names an unknown one. */
function extraField(raw: Record<string, unknown>, known: ReadonlySet<string>): Difference | undefined {
  // Every known field is there (the line was validated), so only a longer line has another.
  if (Object.keys(raw).length <= known.size) return undefined;
  for (const key in raw) if (!known.has(key)) return { path: key, kind: "extra", written: raw[key], kept: undefined };
  return undefined;
}

function envelopeIssue(raw: unknown): string {
  const error = Envelope.safeParse(raw).error;
  if (!error) return "(whole) is invalid";
  const { field, why } = schemaIssue(error);
  return `${field} ${why}`;
}

function describeDrift(drift: { path: string; kind: "extra" | "changed"; written: unknown; kept: unknown }, type: string): string {
  return drift.kind === "extra" ? `${drift.path} is unknown (not a field of ${type})` : `${drift.path} is written ${JSON.stringify(drift.written)} but is kept as ${JSON.stringify(drift.kept)}`;
}
