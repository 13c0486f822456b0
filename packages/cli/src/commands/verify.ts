import type { Command } from "commander";
import { Role } from "@rapk/core";
import { type CommittedVersion, type LogError, type Signer, type StoredEvent, type TrustedKey, type LogAudit, type Version, type VerifyOptions, auditLog, auditVersions, fingerprintOf, signaturesOf, versionOf } from "@rapk/history";
import { checkSignature, trusting } from "@rapk/history/signing";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { checkEvidenceFiles } from "../evidence.js";
import { readText } from "../files.js";
import { importRecordLines, recordsImport } from "../format/findings.js";
import { type Io, println } from "../io.js";
import { jsonText, parseJsonFile } from "../json.js";
import { readPlanVersions } from "../logFile.js";
import { openTarget } from "../logTarget.js";
import { LargeLogFile, type LogFileText, namingLine, readLogText, textOf } from "../logText.js";
import { signerText } from "../verifiedRead.js";

interface VerifyCommandOptions {
  readonly json?: boolean;
  readonly expectHead?: string;
  readonly trust?: string;
  readonly root?: string;
}

export function registerVerify(program: Command, { io, language }: Context): void {
  program
    .command("verify")
    .summary("check a log: every line, the hash chain, commit records, the plan's rules after every version")
    .description(
      "Checks an event log: every line parses and is a valid event or commit record in order, each line's hash covers it and the one before (so an edited, removed or reordered line is caught), every version ends with its commit record (a log cut inside a version fails), every signature a version carries holds for its head, and the plan's invariants hold after every version. Names the first failing line and why, prints the head (the last commit record's hash) and who signed each signed version: keep the head elsewhere, and --expect-head catches a log cut after a whole version. With --trust, every version must be signed by one of the trusted keys.",
    )
    .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
    .option("--json", "print {ok, events, versions, head, problems} as JSON")
    .option("--expect-head <hash>", "fail unless the log ends at this head")
    .option("--trust <keys.json>", 'fail unless every version is signed by one of these keys ([{"name", "publicKey", "role"?}], as rapk keygen prints them); on a plan with a roster they pin its root (who signed its first version), and on a log written before rosters an entry\'s role checks each version against the policy')
    .option("--root <publicKey>", "fail unless the roster's first version is signed by this key (64 hex digits): the plan's root of trust, pinned")
    .addHelpText(
      "after",
      "\nExit: 0 the log verifies, 1 it does not (the first failing line is named).\n\nExamples:\n  rapk verify plan.ndjson\n  rapk verify plan.ndjson --expect-head 3f9c...e1 --trust keys.json --json",
    )
    .action(async (file: string, options: VerifyCommandOptions) => {
      if (options.expectHead !== undefined && !/^[0-9a-f]{64}$/.test(options.expectHead))
        throw new CliError(`--expect-head ${options.expectHead}: expected a head hash, 64 lowercase hex digits`);
      if (options.root !== undefined && !/^[0-9a-f]{64}$/.test(options.root)) throw new CliError(`--root ${options.root}: expected an Ed25519 public key, 64 lowercase hex digits`);
      const keys = options.trust === undefined ? undefined : await readTrust(io, options.trust);
      const trust = keys === undefined ? undefined : trusting(keys);
      const names = new Map((keys ?? []).map((key) => [key.publicKey, key.name]));
      const log = await logToVerify(io, file);
      // A verified log still says what its import could not read: the findings are part of what was
      // verified. They are gathered as each version verifies, in the one reading of the log.
      const recorded: Version[] = [];
      // Who signed each version: every signature is checked, trusted keys or not.
      const signed: { version: number; head: string; signers: Signer[]; policy?: "met" | "not met" }[] = [];
      // The events citing evidence, with their lines (a version's events, then its commit record; a v1 version has none).
      const citing: { events: StoredEvent[]; lineOf: Map<number, number> } = { events: [], lineOf: new Map() };
      let lines = 0;
      const checks: VerifyOptions = {
        checkSignature,
        ...(trust ? { trust } : {}),
        ...(options.expectHead !== undefined ? { expectHead: options.expectHead } : {}),
        ...(options.root !== undefined ? { root: options.root } : {}),
        onVersion: ({ number, events, head, commit, signers: read, policy }) => {
          for (const [i, event] of events.entries())
            if ((event.data as { evidence?: unknown }).evidence !== undefined) {
              citing.events.push(event);
              citing.lineOf.set(event.seq, lines + i + 1);
            }
          lines += events.length + (commit ? 1 : 0);
          const version = versionOf(events);
          if (recordsImport(version)) recorded.push(version);
          // The roster's names; a key it does not know, by the name the trust file gives it.
          const signers = (read ?? (commit ? signaturesOf(commit).map((s): Signer => ({ publicKey: s.publicKey, fingerprint: fingerprintOf(s.publicKey) })) : [])).map((s): Signer =>
            s.member === undefined && names.has(s.publicKey) ? { ...s, name: names.get(s.publicKey) as string } : s,
          );
          signed.push({ version: number, head, signers, ...(policy ? { policy } : {}) });
        },
      };
      let audited: LogAudit;
      try {
        audited = namingLine(file, () => (Array.isArray(log) ? auditVersions(log, checks) : auditLog(textOf(log), checks)));
      } finally {
        if (log instanceof LargeLogFile) log.closeAll();
      }
      // Every file the reports cite is kept beside the log, byte for byte.
      const evidence = audited.ok && citing.events.length > 0 ? await evidenceProblems(io, file, citing.events, citing.lineOf) : [];
      const audit = evidence.length === 0 ? audited : { ...audited, ok: false, problems: [...audited.problems, ...evidence] };
      const imported = audit.ok ? recorded : [];
      // Versions approved afterwards, by the signers of the version that ratified them.
      const ratifiedIn = new Map((audit.ratified ?? []).map((r) => [r.version, r.in]));
      if (options.json) {
        const imports = imported.map((v) => ({ version: v.number, source: v.source ?? null, importer: v.importer ?? null, findings: v.findings ?? [] }));
        io.stdout.write(jsonText({ ok: audit.ok, events: audit.events, versions: audit.versions, head: audit.head, problems: audit.problems, imports, signatures: signed.map((v) => (ratifiedIn.has(v.version) ? { ...v, ratifiedIn: ratifiedIn.get(v.version) } : v)) }));
        if (!audit.ok) throw new CliError(`does not verify: ${audit.problems[0]?.code}: ${audit.problems[0]?.message}`, { file, line: audit.problems[0]?.line as number, code: audit.problems[0]?.code });
        return;
      }
      const first = audit.problems[0];
      if (first) {
        const more = audit.problems.length - 1;
        throw new CliError(`${first.code}: ${first.message}${more > 0 ? ` (and ${more} more problem(s); --json lists them all)` : ""}`, { file, line: first.line, code: first.code });
      }
      const signedVersions = signed.filter((v) => v.signers.length > 0);
      const rostered = signed.some((v) => v.policy !== undefined);
      const signatures = trust ? ", every version signed by a trusted key" : signedVersions.length > 0 ? `, ${signedVersions.length} signed version(s), every signature holds` : "";
      const policy = rostered ? ", every version signed as the policy requires" : "";
      const root = options.root !== undefined ? `, the roster rooted in ${fingerprintOf(options.root)}` : "";
      const afterwards = ratifiedIn.size > 0 ? `, ${ratifiedIn.size} ratified afterwards` : "";
      println(io.stdout, `ok: ${audit.events} events, ${audit.versions} versions, chain intact, invariants hold${signatures}${policy}${afterwards}${root}; head ${audit.head}`);
      const signersText = (n: number) => signed[n - 1]?.signers.map((s) => signerText(s, names)).join(", ") ?? "";
      for (const version of signed) {
        const by = ratifiedIn.get(version.version);
        const ratified = by === undefined ? "" : `${version.signers.length > 0 ? "; " : ""}ratified in version ${by} by ${signersText(by)}`;
        if (version.signers.length === 0 && by === undefined) continue;
        const signedBy = version.signers.length > 0 ? `signed by ${signersText(version.version)}${version.policy === "met" ? " (policy met)" : ""}` : "";
        println(io.stdout, `version ${version.version} ${signedBy}${ratified}`);
      }
      for (const version of imported) for (const line of importRecordLines(version, language(), false)) println(io.stdout, line);
    });
}

/** The evidence cited by the log's reports that its store does not keep, or keeps changed, each named on the line of the event citing it. */
async function evidenceProblems(io: Io, file: string, events: readonly StoredEvent[], lineOf: ReadonlyMap<number, number>): Promise<LogError[]> {
  const target = await openTarget(io, file);
  try {
    return (await checkEvidenceFiles(target.store, target.plan, events)).map(({ seq, code, message }) => ({ line: lineOf.get(seq) ?? 0, code, message }));
  } finally {
    await target.store.close();
  }
}

/** The log: a file's text as it is on disk (an uncommitted tail included, so it is named; in pieces when too large to read whole), a store's versions as the store holds them. */
async function logToVerify(io: Io, file: string): Promise<LogFileText | CommittedVersion[]> {
  const target = await openTarget(io, file);
  try {
    if (target.path) return await readLogText(io, file.startsWith("file:") ? target.path : file);
    return await readPlanVersions(target);
  } finally {
    await target.store.close();
  }
}

/** Reads `--trust keys.json`: a JSON array of {"name", "publicKey", "role"?} entries. */
async function readTrust(io: Io, file: string): Promise<TrustedKey[]> {
  const raw = parseJsonFile(await readText(io, file), file);
  if (!Array.isArray(raw)) throw new CliError('is not a list of trusted keys: expected a JSON array of {"name", "publicKey"}', { file, code: "FILE_UNREADABLE" });
  return raw.map((entry: unknown, index) => {
    const { name, publicKey, role } = (entry ?? {}) as { name?: unknown; publicKey?: unknown; role?: unknown };
    if (typeof name !== "string" || typeof publicKey !== "string" || !/^[0-9a-f]{64}$/.test(publicKey))
      throw new CliError(`entry ${index + 1} must be {"name": "...", "publicKey": "<64 hex digits>", "role"?: "..."}`, { file, code: "FILE_UNREADABLE" });
    if (role === undefined) return { name, publicKey };
    const checked = Role.safeParse(role);
    if (!checked.success) throw new CliError(`entry ${index + 1}: role ${JSON.stringify(role)} must be officer, head, verifier or auditor`, { file, code: "FILE_UNREADABLE" });
    return { name, publicKey, role: checked.data };
  });
}
