import type { Command } from "commander";
import type { Proposal } from "@rapk/core";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import type { LoadedLog } from "../logFile.js";
import { headVersion } from "../selector.js";
import { type StepMetaOptions, stepMetaOptions, stepSource } from "../stepSource.js";
import type { RevisionSource } from "../writeRevision.js";
import { type RevisionFileOptions, type WriterOptions, appendFrom, checkWriterOptions, appendedText, revisionFileOptions, revisionSourceOf, wholeNumber, writerOptions } from "./apply.js";

/**
 * `rapk propose`: a revision that waits for approval (usulan). `rapk approve`, `rapk return`,
 * `rapk withdraw`: a step on a proposal, taken by the member holding the --sign key (docs/workflow.md).
 */
export function registerProposals(program: Command, { io, language }: Context): void {
  revisionFileOptions(writerOptions(
    program
      .command("propose")
      .summary("propose a revision: it waits, not in force, until the head approves it")
      .description(
        "Appends a version holding a proposal: the revision's commands, checked against the plan now and again when approved, and not in force until then. The revision is the one rapk apply takes (revision.json or a filled template); its kind is the proposal's kind. Taken by the member holding the --sign key, who must be one the policy lets prepare that kind (docs/workflow.md). Prints the proposal's number, which rapk approve, return and withdraw take.",
      )
      .argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)")
      .argument("<revision>", "the revision (JSON), or a filled template (.xlsx, from rapk template)"),
  ))
    .addHelpText("after", "\nExit: 0 proposed, 1 bad input, 2 refused (by the plan's rules, or the policy: who may propose), 3 conflict.\n\nExample:\n  rapk propose plan.ndjson laporan-januari.json --sign siti.key")
    .action(async (file: string, revisionFile: string, options: WriterOptions & RevisionFileOptions) => {
      checkWriterOptions(options);
      const source = await revisionSourceOf(io, revisionFile, options, language());
      // The number the proposal gets, known once the revision is read against the log.
      let number = 0;
      const proposing: RevisionSource = {
        ...source,
        read: async (log) => {
          number = Object.keys(log.history.stateAt(headVersion(log.history)).proposals).length + 1;
          const read = await source.read(log);
          return { ...read, revision: { meta: read.revision.meta, commands: [{ type: "propose", data: { commands: read.revision.commands } }] } };
        },
      };
      await appendFrom(io, file, proposing, options, (appended) => `proposed ${revisionFile} in ${file}: proposal ${number}, ${appendedText(appended)}; it takes effect once approved (rapk approve ${file} ${number})`);
    });

  step(program, io, {
    name: "approve",
    summary: "approve a proposal: its changes take effect, decided again against the plan as it stands",
    description:
      "Appends a version approving a pending proposal: its commands are decided again against the plan as it stands now (another approval may have come first) and take effect with this version, from --at (the approval's or the decree's date; default now). Taken by the member holding the first --sign key; the version must be signed by every role the policy names for the proposal's kind (the head, by default; --sign once per key for a co-signature). A Revisi DIPA names the treasury's letter with --reference.",
    command: "approveProposal",
    example: "rapk approve plan.ndjson 3 --sign kepala.key",
    said: (n) => `approved proposal ${n}`,
  });
  step(program, io, {
    name: "return",
    summary: "send a proposal back with the reason: nothing of it takes effect",
    description: "Appends a version returning a pending proposal to its proposer with the reason (--reason, required), who may correct it and propose again. Taken by the member holding the --sign key: one who checks (a verifier) or approves proposals of its kind.",
    command: "returnProposal",
    example: 'rapk return plan.ndjson 2 --reason "lampirkan bukti pembayaran" --sign kepala.key',
    said: (n) => `returned proposal ${n}`,
  });
  step(program, io, {
    name: "withdraw",
    summary: "withdraw your own proposal before it is decided",
    description: "Appends a version withdrawing a pending proposal. Only its proposer, holding the --sign key, may withdraw it.",
    command: "withdrawProposal",
    example: "rapk withdraw plan.ndjson 4 --sign siti.key",
    said: (n) => `withdrew proposal ${n}`,
  });
}

type StepOptions = WriterOptions & StepMetaOptions;

interface Step {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly command: "approveProposal" | "returnProposal" | "withdrawProposal";
  readonly example: string;
  readonly said: (proposal: number) => string;
}

function step(program: Command, io: Context["io"], spec: Step): void {
  stepMetaOptions(
    writerOptions(program.command(spec.name).summary(spec.summary).description(spec.description).argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)").argument("<proposal>", "the proposal's number (rapk pending lists them)")),
    spec.command === "returnProposal" ? "why it goes back (required)" : "why, recorded in the version (default: what the step is)",
  )
    .addHelpText("after", `\nExit: 0 recorded, 1 bad input, 2 refused (not pending, not yours to take, or the policy unmet), 3 conflict.\n\nExample:\n  ${spec.example}`)
    .action(async (file: string, proposalText: string, options: StepOptions) => {
      checkWriterOptions(options);
      const proposal = wholeNumber(proposalText, "<proposal>");
      if (spec.command === "returnProposal" && (options.reason === undefined || options.reason.trim() === "")) throw new CliError("return needs --reason: the proposer is told why");
      const source = stepSource(`proposal ${proposal}`, options, (log) => {
        const found = proposalIn(log, proposal);
        const data = spec.command === "returnProposal" ? { proposal, reason: options.reason } : { proposal };
        return { kind: found.kind, reason: `${spec.said(proposal)} (${found.kind}, proposed by ${found.by})`, commands: [{ type: spec.command, data }] };
      });
      await appendFrom(io, file, source, options, (appended) => `${spec.said(proposal)} in ${file}: ${appendedText(appended)}`);
    });
}

/** The proposal a step names, as the log holds it now; one it does not hold is an error naming what it has. */
function proposalIn(log: LoadedLog, n: number): Proposal {
  const proposals = log.history.stateAt(headVersion(log.history)).proposals;
  const found = proposals[String(n)];
  if (!found) {
    const pending = Object.values(proposals).filter((p) => p.status === "pending").map((p) => p.proposal);
    throw new CliError(`has no proposal ${n} (${pending.length > 0 ? `pending: ${pending.join(", ")}` : "none is pending"}; rapk pending lists them)`, { file: log.file, code: "UNKNOWN_PROPOSAL" }, 2);
  }
  return found;
}
