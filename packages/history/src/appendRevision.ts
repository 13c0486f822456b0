import { type DomainError, type Finding, Instant, type PlanState, type SourceFile, type VersionMetadata, checkVersionTimes, decideBatch, initialState, versionMetadataOf } from "@rapk/core";
import { formatISO } from "date-fns";
import { z } from "zod";
import { hashEvent } from "./hash.js";
import type { History } from "./history.js";
import { replayRange } from "./replayRange.js";
import { type RevisionInput, RevisionMeta, revisionError } from "./revision.js";
import { GENESIS_HASH, type StoredEvent, type StoredMetadata } from "./storedEvent.js";

export interface AppendOptions {
  /** The writer's clock, which stamps `recordedAt` (and `effectiveAt` when the revision gives none); default: now, in the machine's offset. */
  readonly now?: () => string;
  /** For an import: what the plan was read from, by which importer, and what it found; recorded in the version's metadata. */
  readonly imported?: { readonly source: SourceFile; readonly importer: string; readonly findings: readonly Finding[] };
  /** An open history of the same log, so its head is not replayed again. */
  readonly history?: History;
}

export type AppendResult =
  | { readonly ok: true; readonly events: StoredEvent[]; readonly version: number }
  | { readonly ok: false; readonly error: DomainError };

const Meta = z.object({ meta: RevisionMeta }, { error: "must be a JSON object" });

const refuse = (code: string, message: string, path: (string | number)[]): AppendResult => ({ ok: false, error: { code, message, path } });

/**
 * Decides a revision against the head of a log, all-or-nothing, and returns the events to append:
 * each stamped with its seq, the new version number, the revision's metadata and its link in the
 * hash chain. A refusal returns the error (core's DomainError, or REVISION_INVALID or
 * TIME_GOES_BACKWARDS) and nothing else happens: the log passed in is never changed.
 */
export function appendRevision(log: readonly StoredEvent[], revision: RevisionInput, options: AppendOptions = {}): AppendResult {
  const meta = Meta.safeParse(revision);
  if (!meta.success) return { ok: false, error: revisionError(meta.error, revision) };
  const { actor, reason, reference, kind } = meta.data.meta;
  if (!Array.isArray(revision.commands) || revision.commands.length === 0)
    return refuse("REVISION_INVALID", "revision: commands must hold at least one command", ["commands"]);

  const last = log[log.length - 1];
  const recordedAt = (options.now ?? defaultNow)();
  if (!Instant.safeParse(recordedAt).success)
    return refuse("REVISION_INVALID", `the writer's clock gives ${recordedAt}, not an ISO date-time with an offset`, ["meta", "recordedAt"]);
  const effectiveAt = meta.data.meta.effectiveAt ?? meta.data.meta.at ?? recordedAt;
  const previous = last ? versionMetadataOf(last.metadata) : undefined;
  const head = headOf(log, options.history);
  const early = checkVersionTimes({ recordedAt, effectiveAt }, previous, head.plan?.year, []);
  if (early) return { ok: false, error: early };
  const corrects = meta.data.meta.corrects;
  if (corrects !== undefined && corrects > (last?.version ?? 0))
    return refuse("REVISION_INVALID", `revision: meta.corrects ${corrects} is not a version of the log (it has versions 1-${last?.version ?? 0})`, ["meta", "corrects"]);

  const decided = decideBatch(revision.commands, head, { kind });
  if (!decided.ok) return decided;
  // The fiscal year is known once the plan is drafted, by this batch for a new log.
  const drafted = decided.value.find((event) => event.type === "PlanDrafted");
  const year = head.plan?.year ?? (drafted?.type === "PlanDrafted" ? drafted.data.year : undefined);
  const late = checkVersionTimes({ recordedAt, effectiveAt }, previous, year, decided.value);
  if (late) return { ok: false, error: late };

  const metadata = versionMetadata({ recordedAt, effectiveAt, actor, reason, reference, kind, corrects, ...options.imported });
  const version = (last?.version ?? 0) + 1;
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const events: StoredEvent[] = decided.value.map((event) => {
    seq += 1;
    const unsigned = { seq, version, type: event.type, data: event.data, metadata, prev } as Omit<StoredEvent, "hash">;
    const hash = hashEvent(unsigned);
    prev = hash;
    return { ...unsigned, hash } as StoredEvent;
  });
  return { ok: true, events, version };
}

/** The metadata in the schema's key order, without the fields that are not given. */
function versionMetadata(fields: { readonly [K in keyof VersionMetadata]?: unknown }): StoredMetadata {
  const out: Record<string, unknown> = {};
  for (const key of ["recordedAt", "effectiveAt", "actor", "reason", "reference", "kind", "corrects", "source", "importer", "findings"] as const)
    if (fields[key] !== undefined) out[key] = fields[key];
  return out as StoredMetadata;
}

function headOf(log: readonly StoredEvent[], history: History | undefined): PlanState {
  const last = log[log.length - 1];
  if (history && history.events.length === log.length && history.events[log.length - 1]?.hash === last?.hash) return history.head;
  return replayRange(log, 0, log.length, initialState());
}

function defaultNow(): string {
  return formatISO(new Date());
}
