import { createHash } from "node:crypto";
import { basename, extname } from "node:path";
import { EVIDENCE_MAX_BYTES, type EvidenceRef } from "@rapk/core";
import { type StoredEvent, evidenceCited } from "@rapk/history";
import type { EventStore } from "@rapk/store";
import { isRapkError } from "@rapk/core";
import { CliError } from "./cliError.js";
import { fsFailure, readBytes } from "./files.js";
import { storeFailure } from "./logFile.js";
import type { Io } from "./io.js";

/** A file given with a report (`--evidence`), read and named, ready to be kept beside the log. */
export interface EvidenceFile {
  readonly ref: EvidenceRef;
  readonly bytes: Uint8Array;
}

// The media types of the files units attach; anything else is kept as bytes.
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".csv": "text/csv",
  ".txt": "text/plain",
};

export const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Reads every `--evidence` file: at most 20 MB each, checked before it is read whole. */
export async function readEvidenceFiles(io: Io, files: readonly string[]): Promise<EvidenceFile[]> {
  const read: EvidenceFile[] = [];
  for (const file of files) {
    const bytes = await readBytes(io, file, { maxBytes: EVIDENCE_MAX_BYTES, what: "an evidence file (20 MB at most)" });
    read.push({ bytes, ref: { name: basename(file), mediaType: MEDIA_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", size: bytes.byteLength, sha256: sha256Of(bytes) } });
  }
  return read;
}

const REPORTS = new Set(["reportSpending", "reportRealisation"]);

/**
 * The revision with the evidence cited by each of its reports (spending and realisation); a
 * revision that reports nothing cannot carry evidence, and says so rather than dropping the files.
 */
export function citingEvidence<R extends { readonly commands: readonly unknown[] }>(revision: R, evidence: readonly EvidenceFile[], file: string): R {
  if (evidence.length === 0) return revision;
  const commands = revision.commands as readonly { type?: unknown; data?: Record<string, unknown> }[];
  if (!commands.some((command) => REPORTS.has(String(command.type))))
    throw new CliError("--evidence goes with a report: the revision holds no reportSpending or reportRealisation command to cite it", { file, code: "COMMAND_INVALID" });
  const refs = evidence.map((e) => e.ref);
  return { ...revision, commands: commands.map((command) => (REPORTS.has(String(command.type)) ? { ...command, data: { ...command.data, evidence: [...((command.data?.evidence as EvidenceRef[] | undefined) ?? []), ...refs] } } : command)) };
}

/** A problem with the evidence behind a log: a file missing or changed, named by the event that cites it. */
export interface EvidenceProblem {
  readonly seq: number;
  readonly code: "EVIDENCE_MISSING" | "EVIDENCE_CHANGED";
  readonly message: string;
}

/** Checks that the store keeps every file the log's reports cite, byte for byte (its digest recomputed). */
export async function checkEvidenceFiles(store: EventStore, plan: string, events: readonly StoredEvent[]): Promise<EvidenceProblem[]> {
  const problems: EvidenceProblem[] = [];
  for (const { ref, seq } of evidenceCited(events)) {
    const bytes = await store.getEvidence(plan, ref.sha256);
    if (!bytes) problems.push({ seq, code: "EVIDENCE_MISSING", message: `the report cites evidence ${JSON.stringify(ref.name)} (SHA-256 ${ref.sha256}), which is not kept beside the log` });
    else if (sha256Of(bytes) !== ref.sha256 || bytes.byteLength !== ref.size)
      problems.push({ seq, code: "EVIDENCE_CHANGED", message: `the evidence ${JSON.stringify(ref.name)} kept under SHA-256 ${ref.sha256} no longer hashes to it: the file was changed after it was recorded` });
  }
  return problems;
}

/** Keeps the files in the store, before the version citing them is appended. */
export async function keepEvidence(store: EventStore, plan: string, evidence: readonly EvidenceFile[], label: string): Promise<void> {
  for (const { ref, bytes } of evidence)
    try {
      await store.putEvidence(plan, ref.sha256, bytes);
    } catch (error) {
      // A store's refusal in its words; the system's (a read-only disk, a full one) in plain words, naming the log.
      throw isRapkError(error) ? storeFailure(label, error) : fsFailure(error, label, "write");
    }
}
