import { type Finding, type RevisionKind, type SourceFile, versionMetadataOf } from "@rapk/core";
import { METADATA_KEYS } from "./commit.js";
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

/**
 * A log's events (in log order) cut into its versions: `[start, end)` of each run of events of
 * one version. The one grouping of events already read; a log's text is grouped by its reader
 * (VersionReader), which also checks the order.
 */
export function* versionSpans(events: readonly StoredEvent[]): Generator<readonly [start: number, end: number]> {
  let start = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i + 1]?.version === (events[i] as StoredEvent).version) continue;
    yield [start, i + 1];
    start = i + 1;
  }
}

/** The versions of a log, in order, as plain frozen objects; throws LOG_INVALID for events not in log order. */
export function groupVersions(events: readonly StoredEvent[]): Version[] {
  for (let i = 0; i < events.length; i++)
    if ((events[i] as StoredEvent).seq !== i + 1) throw new HistoryError("LOG_INVALID", `event ${i + 1} has seq ${(events[i] as StoredEvent).seq}; parse the log with parseLog first`, i + 1);
  const versions: Version[] = [];
  for (const [start, end] of versionSpans(events)) {
    const head = events[start] as StoredEvent;
    if (head.version !== versions.length + 1) {
      const at = versions.length === 0 ? "" : ` after version ${versions.length}`;
      throw new HistoryError("LOG_INVALID", `event ${start + 1} has version ${head.version}${at}, expected ${versions.length + 1}; parse the log with parseLog first`, start + 1);
    }
    versions.push(makeVersion(head, start + 1, end));
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
  const metadata = versionMetadataOf(head.metadata) as Record<string, unknown>;
  const version: Record<string, unknown> = { number: head.version };
  for (const key of METADATA_KEYS) if (metadata[key] !== undefined) version[key] = metadata[key];
  Object.assign(version, { events: lastSeq - firstSeq + 1, firstSeq, lastSeq });
  return Object.freeze(version) as unknown as Version;
}
