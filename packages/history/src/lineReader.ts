import { type ErrorCode, EventValidator, jsonLineTooDeep, jsonSyntaxMessage, type VersionMetadata, PlanEvent, VersionMetadata as VersionMetadataSchema, schemaError, schemaIssue, versionMetadataOf } from "@rapk/core";
import { type CommitRecord, type CommitSignature, FORMAT_V2, FORMAT_V3, type FormatTag, METADATA_KEYS, eventMetadataOf } from "./commit.js";
import { type Difference, firstDifference } from "./difference.js";
import { instantOf } from "./instant.js";
import { keyPathText, lineKeyProblem } from "./jsonKeys.js";
import type { LogError } from "./logError.js";
import { serializeCommit, serializeEvent } from "./serialize.js";
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

// A v1 line's metadata: one `at` (v1's own) or the fields of today's metadata.
const V1_METADATA_KEYS: readonly string[] = ["at", ...METADATA_KEYS];
// The rare object fields (an import's source and findings) are compared by their JSON.
const differs = (a: unknown, b: unknown): boolean => a !== b && (typeof a !== "object" || typeof b !== "object" || JSON.stringify(a) !== JSON.stringify(b));

/**
 * Reads a log one line at a time and checks what a line can be checked for without the hash
 * chain or the plan: valid JSON, a valid event (core's parseEvent) or commit record, nothing the
 * schema would drop or store differently, seq contiguous from 1, versions starting at 1 and
 * rising by one, and time that does not go backwards from one version to the next.
 *
 * Three formats (docs/log-format.md): v1 lines (no `format`, metadata on every event, a version
 * ends where the next begins) may open a log; v2 lines (`"format":"rapk/2"`, no metadata on
 * events, a commit record after each version's events) follow them, and v3 lines (`"rapk/3"`, as
 * v2 but hashed over their own bytes) follow those: a log never goes back to an older format. A v3
 * line must be written exactly as rapk writes it (serializeEvent, serializeCommit): one string
 * comparison stands for the checks of duplicate keys, unknown fields, spacing, escapes and number
 * forms, which run only to word the error of a line that fails it. A v2 event's metadata is attached when its commit record is read: until then the
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
  /** The format of the last tagged line (v2 or v3): no line of an older format may follow. */
  private tag: FormatTag | undefined;
  /** The open v2 version's events, waiting for their commit record. */
  private pending: StoredEvent[] = [];
  /** The last committed (or, for v1, started) version. */
  private committed = 0;

  /** The v2 events read since the last commit record: a version not (yet) committed. */
  open(): readonly StoredEvent[] {
    return this.pending;
  }

  /** Whether a v2 or v3 line has been read: from then on no untagged (v1) line may follow. */
  get isV2(): boolean {
    return this.tag !== undefined;
  }

  /** Reads the line `text`, line `number` of the log; `foreign`: it came with a CR or a byte-order mark (LineCursor). */
  read(text: string, number: number, foreign = false): LineResult {
    const fail = (code: ErrorCode, message: string): LineResult => ({ ok: false, error: { line: number, code, message } });
    if (text.trim() === "") return fail("BLANK_LINE", "is blank; a log has one event on every line and no empty lines between them");

    // Checked before JSON.parse: 200,000 nested brackets would parse, then overflow the stack of
    // every reader that walks the value.
    const deep = jsonLineTooDeep(text);
    if (deep) return fail("INPUT_TOO_DEEP", deep.why);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return fail("INVALID_JSON", `is not valid JSON (${jsonSyntaxMessage(error)})`);
    }
    return this.readRecord(raw, text, number, foreign);
  }

  /** Reads a line already parsed (`raw`, from `text`) as {@link read} does. */
  readRecord(raw: unknown, text: string, number: number, foreign = false): LineResult {
    const fail = (code: ErrorCode, message: string): LineResult => ({ ok: false, error: { line: number, code, message } });
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("EVENT_INVALID", "is not a JSON object (an event)");
    const record = raw as Record<string, unknown>;
    // A v3 line is held to the one way rapk writes it, which no line with a repeated or reserved key
    // matches: the scan for them runs only to word the error (see readV3).
    if (record.format === FORMAT_V3) {
      if (foreign)
        return fail("NOT_CANONICAL", "comes with a carriage return before its line break, or a byte-order mark before it: a rapk/3 line's bytes are what its hash covers, and rapk writes neither (an editor did?)");
      this.tag = FORMAT_V3;
      return this.readV3(record, text, fail);
    }
    // JSON.parse keeps the last of two equal keys (another reader may keep the first) and lets
    // `__proto__` through: a line that reads two ways cannot be part of a record.
    const keys = keyProblem(text, raw, fail);
    if (keys) return keys;
    if ("format" in record) {
      if (record.format !== FORMAT_V2) return fail("FORMAT_UNKNOWN", `format is ${JSON.stringify(record.format)}; this rapk reads "${FORMAT_V3}" and "${FORMAT_V2}" lines and untagged v1 lines`);
      if (this.tag === FORMAT_V3) return fail("FORMAT_MIXED", `is a "${FORMAT_V2}" line, but a "${FORMAT_V3}" line came before it; a log never goes back to an older format`);
      this.tag = FORMAT_V2;
      return "commit" in record ? this.readCommit(record, fail) : this.readEventV2(record, fail);
    }
    if (this.tag) return fail("FORMAT_MIXED", `has no format tag, but a "${this.tag}" line came before it; after the first tagged line every line carries a format`);
    return this.readEventV1(record, fail);
  }

  /**
   * A v3 line: read as v2 reads it, then compared with the line rapk would write for what was
   * kept. Equal, it holds nothing the schema dropped or keeps otherwise, no key twice, and no
   * second spelling of a value, so its bytes (which its hash covers) are the only reading of it.
   */
  private readV3(record: Record<string, unknown>, text: string, fail: (code: ErrorCode, message: string) => LineResult): LineResult {
    const read = "commit" in record ? this.readCommit(record, fail, FORMAT_V3) : this.readEventV2(record, fail, FORMAT_V3);
    if (!read.ok) return keyProblem(text, record, fail) ?? read;
    const written = read.kind === "commit" ? serializeCommit(read.commit) : serializeEvent(read.event);
    if (written === text) return read;
    const drift =
      read.kind === "commit" ? firstDifference(record.metadata, read.commit.metadata, "metadata") : (firstDifference(record.data, read.event.data, "data") ?? extraField(record, V2_KEYS));
    return (
      keyProblem(text, record, fail) ??
      (drift ? fail("NOT_CANONICAL", describeDrift(drift, read.kind === "commit" ? "a commit record" : read.event.type)) : undefined) ??
      fail(
        "NOT_CANONICAL",
        `is not written the one way rapk writes a ${FORMAT_V3} line (its keys in their order, no spaces, JSON's own escapes and number forms, as ${JSON.stringify(firstDifferentText(text, written))} reads at character ${firstDifferentAt(text, written) + 1}): its hash covers its bytes, and a line written two ways could be read two ways`,
      )
    );
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
      const differing = V1_METADATA_KEYS.find((key) => differs(mine[key], before[key]));
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

  private readEventV2(raw: Record<string, unknown>, fail: (code: ErrorCode, message: string) => LineResult, format: FormatTag = FORMAT_V2): LineResult {
    const { seq, version, prev, hash } = raw;
    if (!(isCount(seq) && isCount(version) && isSha256Hex(prev) && isSha256Hex(hash))) return fail("EVENT_INVALID", envelopeIssue(raw));
    const parsed = PlanEvent.safeParse(raw);
    if (!parsed.success) return fail("EVENT_INVALID", schemaError("EVENT_INVALID", `event ${seq}${typeof raw.type === "string" ? ` (${raw.type})` : ""}`, parsed.error).message);
    // The metadata is the commit record's, attached when it is read (one object for the version).
    const event = { format, seq, version, type: parsed.data.type, data: parsed.data.data, metadata: undefined, prev, hash } as unknown as StoredEvent;
    // The envelope's values are the line's own: only the data and unknown fields can differ. (A v3
    // line is compared whole with its writing instead, see readV3.)
    const drift = format === FORMAT_V2 ? (firstDifference(raw.data, event.data, "data") ?? extraField(raw, V2_KEYS)) : undefined;
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

  private readCommit(raw: Record<string, unknown>, fail: (code: ErrorCode, message: string) => LineResult, format: FormatTag = FORMAT_V2): LineResult {
    const { commit, events, prev, hash, signature, signatures } = raw;
    if (!isCount(commit)) return fail("COMMIT_INVALID", "commit must be the number of the version it commits (1 or more)");
    if (!isCount(events)) return fail("COMMIT_INVALID", "events must be the number of events of the version (1 or more)");
    if (!isSha256Hex(prev)) return fail("COMMIT_INVALID", "prev must be 64 lowercase hex digits (a sha256)");
    if (!isSha256Hex(hash)) return fail("COMMIT_INVALID", "hash must be 64 lowercase hex digits (a sha256)");
    const keys = format === FORMAT_V3 ? COMMIT_FIELDS_V3 : COMMIT_FIELDS_V2;
    const unknownField = Object.keys(raw).find((key) => !keys.includes(key));
    if (unknownField) return fail("NOT_CANONICAL", `${unknownField} is unknown (not a field of a ${format} commit record)`);
    if (signature !== undefined && !isSignature(signature)) return fail("COMMIT_INVALID", "signature must be {publicKey: 64 hex digits, signature: 128 hex digits} (Ed25519)");
    if (signatures !== undefined) {
      if (!Array.isArray(signatures) || signatures.length === 0 || !signatures.every(isSignature))
        return fail("COMMIT_INVALID", "signatures must be a list of one or more {publicKey: 64 hex digits, signature: 128 hex digits} (Ed25519)");
      const keysSigned = signatures.map((s) => s.publicKey);
      const twice = keysSigned.find((key, i) => keysSigned.indexOf(key) !== i);
      if (twice) return fail("COMMIT_INVALID", `signatures holds two signatures by key ${twice}; a signer signs a version once`);
    }
    const metadata = VersionMetadataSchema.safeParse(raw.metadata);
    if (!metadata.success) {
      const { path, why } = schemaIssue(metadata.error);
      return fail("COMMIT_INVALID", `metadata${path.length > 0 ? `.${path.join(".")}` : ""} ${why}`);
    }
    const kept = metadata.data as VersionMetadata;
    const drift = format === FORMAT_V2 ? firstDifference(raw.metadata, kept, "metadata") : undefined;
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
    const record: CommitRecord = { format, commit, events, metadata: kept, prev, hash };
    if (isSignature(signature)) Object.assign(record, { signature: { publicKey: signature.publicKey, signature: signature.signature } });
    if (Array.isArray(signatures)) Object.assign(record, { signatures: signatures.map((s: CommitSignature) => ({ publicKey: s.publicKey, signature: s.signature })) });
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
    if (this.tag && this.pending.length > 0 && version !== this.pending[0]?.version)
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

const COMMIT_FIELDS_V2: readonly string[] = ["format", "commit", "events", "metadata", "prev", "hash", "signature"];
const COMMIT_FIELDS_V3: readonly string[] = ["format", "commit", "events", "metadata", "prev", "hash", "signatures"];

function isSignature(value: unknown): value is CommitSignature {
  const s = value as Record<string, unknown> | null;
  return typeof s === "object" && s !== null && isHexOf(s.publicKey, 64) && isHexOf(s.signature, 128) && Object.keys(s).length === 2;
}

/** A line's repeated or reserved key, as the error that names it. */
function keyProblem(text: string, raw: unknown, fail: (code: ErrorCode, message: string) => LineResult): LineResult | undefined {
  const keys = lineKeyProblem(text, raw);
  if (!keys) return undefined;
  const where = keyPathText(keys.path);
  return keys.why === "duplicate"
    ? fail("DUPLICATE_KEY", `${where} is written twice in one object; readers disagree on which counts, so the line cannot be trusted`)
    : fail("RESERVED_KEY", `${where} is named after a member of every JavaScript object (${JSON.stringify(keys.key)}), never a field of a log line`);
}

function firstDifferentAt(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** A few characters of the line where it first differs from how rapk writes it: enough to see, never the whole line. */
function firstDifferentText(text: string, written: string): string {
  const at = firstDifferentAt(text, written);
  return text.slice(Math.max(0, at - 8), at + 16);
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
