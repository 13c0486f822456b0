import { type DomainError, EventMetadata, type PlanState, decideBatch, replay } from "@rapk/core";
import { formatISO } from "date-fns";
import { z } from "zod";
import { hashEvent } from "./hash.js";
import type { History } from "./history.js";
import { instantOf } from "./instant.js";
import { type RevisionInput, RevisionMeta, revisionError } from "./revision.js";
import { GENESIS_HASH, type StoredEvent, type StoredMetadata } from "./storedEvent.js";

export interface AppendOptions {
  /** The clock, for a revision without `meta.at` (default: now, in the machine's offset). */
  readonly now?: () => string;
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
  const at = meta.data.meta.at ?? (options.now ?? defaultNow)();
  const when = EventMetadata.shape.at.safeParse(at);
  if (!when.success) return refuse("REVISION_INVALID", `revision: meta.at ${at} is not an ISO date-time with an offset`, ["meta", "at"]);
  if (last && instantOf(at) < instantOf(last.metadata.at))
    return refuse("TIME_GOES_BACKWARDS", `revision: meta.at ${at} is before ${last.metadata.at}, the time of the last version (${last.version})`, ["meta", "at"]);

  const decided = decideBatch(revision.commands, headOf(log, options.history), { kind });
  if (!decided.ok) return decided;

  const metadata: StoredMetadata = reference === undefined ? { at, actor, reason, kind } : { at, actor, reason, reference, kind };
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

function headOf(log: readonly StoredEvent[], history: History | undefined): PlanState {
  const last = log[log.length - 1];
  if (history && history.events.length === log.length && history.events[log.length - 1]?.hash === last?.hash) return history.head;
  return replay(log);
}

function defaultNow(): string {
  return formatISO(new Date());
}
