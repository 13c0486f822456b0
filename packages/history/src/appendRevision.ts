import { type DomainError, type ErrorCode, type Finding, Instant, type PlanCommand, type PlanState, type SourceFile, type VersionMetadata, checkVersionTimes, decideBatch, initialState, versionMetadataOf } from "@rapk/core";
import { formatISO } from "date-fns/formatISO";
import * as z from "zod";
import { type CommittedVersion, type LogHead, METADATA_KEYS } from "./commit.js";
import type { History } from "./history.js";
import { replayRange } from "./replayRange.js";
import { logHeadOf } from "./logHead.js";
import { type RevisionInput, RevisionMeta, revisionError } from "./revision.js";
import { sealVersion } from "./seal.js";
import type { StoredEvent } from "./storedEvent.js";

export interface AppendOptions {
  /** The writer's clock, which stamps `recordedAt` (and `effectiveAt` when the revision gives none); default: now, in the machine's offset. */
  readonly now?: () => string;
  /** For an import: what the plan was read from, by which importer, and what it found; recorded in the version's metadata. */
  readonly imported?: { readonly source: SourceFile; readonly importer: string; readonly findings: readonly Finding[] };
  /** An open history of the same log, so its head is not replayed again. */
  readonly history?: History;
  /** Where the log ends (its head hash), when the caller knows it; otherwise it is worked out from the events. */
  readonly head?: LogHead;
}

export type AppendResult =
  | {
      readonly ok: true;
      /** The new events, as v2 lines carrying the version's metadata in memory. */
      readonly events: StoredEvent[];
      readonly version: number;
      /** The version sealed: its events and its commit record, ready to be written or handed to a store. */
      readonly sealed: CommittedVersion;
    }
  | { readonly ok: false; readonly error: DomainError };

const Meta = z.object({ meta: RevisionMeta }, { error: "must be a JSON object" });

const refuse = (code: ErrorCode, message: string, path: (string | number)[]): AppendResult => ({ ok: false, error: { code, message, path } });

/**
 * Decides a revision against the head of a log, all-or-nothing, and seals the new version
 * (sealVersion): its events as v2 lines (seq, the new version number, prev, hash) and its commit
 * record holding the version metadata: `effectiveAt` is `meta.at` (default: now), `recordedAt`
 * is now (the writer's clock). A refusal returns the error (core's DomainError, or
 * REVISION_INVALID or TIME_GOES_BACKWARDS) and nothing else happens: the log passed in is never
 * changed. Appending to a v1 log continues its chain with v2 lines.
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
  // Who keeps the plan (its roster, a ratification) changes no figure of it: such a version is
  // dated when it happens, a year or more after the plan's fiscal year if need be (an audit).
  const planYear = (y: number | undefined) => (kind === "roster" ? undefined : y);
  const early = checkVersionTimes({ recordedAt, effectiveAt }, previous, planYear(head.plan?.year), []);
  if (early) return { ok: false, error: early };
  const corrects = meta.data.meta.corrects;
  if (corrects !== undefined && corrects > (last?.version ?? 0))
    return refuse("REVISION_INVALID", `revision: meta.corrects ${corrects} is not a version of the log (it has versions 1-${last?.version ?? 0})`, ["meta", "corrects"]);

  // A revision comes from a file: decideBatch validates every command against its schema.
  const by = meta.data.meta.by;
  const decided = decideBatch(revision.commands as readonly PlanCommand[], head, by === undefined ? { kind } : { kind, by });
  if (!decided.ok) return decided;
  // The fiscal year is known once the plan is drafted, by this batch for a new log.
  const drafted = decided.value.find((event) => event.type === "PlanDrafted");
  const year = head.plan?.year ?? (drafted?.type === "PlanDrafted" ? drafted.data.year : undefined);
  const late = checkVersionTimes({ recordedAt, effectiveAt }, previous, planYear(year), decided.value);
  if (late) return { ok: false, error: late };

  const metadata = versionMetadata({ recordedAt, effectiveAt, actor, reason, reference, kind, corrects, ...options.imported });
  const sealed = sealVersion(options.head ?? logHeadOf(log), decided.value, metadata);
  return { ok: true, events: [...sealed.events], version: sealed.version, sealed };
}

/** The metadata in the schema's key order, without the fields that are not given. */
function versionMetadata(fields: { readonly [K in keyof VersionMetadata]?: unknown }): VersionMetadata {
  const out: Record<string, unknown> = {};
  for (const key of METADATA_KEYS) if (fields[key] !== undefined) out[key] = fields[key];
  return out as VersionMetadata;
}

function headOf(log: readonly StoredEvent[], history: History | undefined): PlanState {
  const last = log[log.length - 1];
  if (history && history.events.length === log.length && history.events[log.length - 1]?.hash === last?.hash) return history.head;
  return replayRange(log, 0, log.length, initialState());
}

function defaultNow(): string {
  return formatISO(new Date());
}
