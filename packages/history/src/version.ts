import { type Finding, type RevisionKind, type SourceFile, versionMetadataOf } from "@rapk/core";
import { HistoryError } from "./historyError.js";
import type { StoredEvent } from "./storedEvent.js";

/**
 * One accepted batch of the log: who, when, why, on whose authority, which kind of change, which
 * events (`firstSeq..lastSeq`). Plain data: what it changed is computed on request, by
 * {@link summarizeVersion}.
 */
export interface Version {
  readonly number: number;
  /** When it was written into the log (the writer's clock). */
  readonly recordedAt: string;
  /** When it took effect: the date of the decree, letter or report; for an import, the document's signing date. */
  readonly effectiveAt: string;
  readonly actor: string;
  readonly kind: RevisionKind;
  readonly reason: string;
  readonly reference?: string;
  /** The version this one corrects, when it is a correction. */
  readonly corrects?: number;
  /** For an import: the file it was read from, the importer, and what the importer found. */
  readonly source?: SourceFile;
  readonly importer?: string;
  readonly findings?: readonly Finding[];
  /** How many events the version holds. */
  readonly events: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
}

/** The versions of a log, in order, as plain frozen objects. */
export function groupVersions(events: readonly StoredEvent[]): Version[] {
  const versions: Version[] = [];
  let first = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as StoredEvent;
    if (event.seq !== i + 1) throw new HistoryError("LOG_INVALID", `event ${i + 1} has seq ${event.seq}; parse the log with parseLog first`, i + 1);
    const next = events[i + 1];
    if (next && next.version === event.version) continue;
    if (next && next.version !== event.version + 1)
      throw new HistoryError("LOG_INVALID", `event ${i + 2} has version ${next.version} after version ${event.version}; parse the log with parseLog first`, i + 2);
    const head = events[first] as StoredEvent;
    if (head.version !== versions.length + 1)
      throw new HistoryError("LOG_INVALID", `event ${first + 1} has version ${head.version}, expected ${versions.length + 1}`, first + 1);
    versions.push(makeVersion(head, first + 1, i + 1));
    first = i + 1;
  }
  return versions;
}

/** The version a batch of the log's events (one whole version, in order) makes, as groupVersions makes it. */
export function versionOf(events: readonly StoredEvent[]): Version {
  const head = events[0];
  if (head === undefined) throw new RangeError("a version holds at least one event");
  return makeVersion(head, head.seq, (events[events.length - 1] as StoredEvent).seq);
}

function makeVersion(head: StoredEvent, firstSeq: number, lastSeq: number): Version {
  const { recordedAt, effectiveAt, actor, kind, reason, reference, corrects, source, importer, findings } = versionMetadataOf(head.metadata);
  const version: Record<string, unknown> = { number: head.version, recordedAt, effectiveAt, actor, kind, reason };
  const optional = { reference, corrects, source, importer, findings };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) version[key] = value;
  Object.assign(version, { events: lastSeq - firstSeq + 1, firstSeq, lastSeq });
  return Object.freeze(version) as unknown as Version;
}
