import type { Command } from "commander";
import { MemberId, PublicKey, Role } from "@rapk/core";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import type { Io } from "../io.js";
import { readText } from "../files.js";
import { parseJsonFile } from "../json.js";
import { type StepMetaOptions, stepMetaOptions, stepSource } from "../stepSource.js";
import { type WriterOptions, appendFrom, appendedText, writerOptions } from "./apply.js";

type MemberOptions = WriterOptions & StepMetaOptions & { readonly role?: string; readonly key?: string; readonly name?: string };

/**
 * `rapk member add|role|rekey|remove`: the plan's roster (daftar anggota), changed by versions of
 * kind `roster` that the head signs. A member's key comes from the public entry `rapk keygen`
 * prints, so the head never holds another member's secret key.
 */
export function registerMember(program: Command, { io }: Context): void {
  const member = program
    .command("member")
    .summary("change the plan's roster: add a member, give them another role or key, remove them (signed by the head)")
    .description("Each subcommand appends a roster version, taken and signed by the head (--sign); see docs/workflow.md for the roles and who may do what.");
  const sub = (name: string, summary: string, usage: string) =>
    stepMetaOptions(writerOptions(member.command(name).summary(summary).argument("<log>", "the event log: an NDJSON file, or a store URL (postgres://...#plan)").argument("<member>", "the member's id: kepala, siti.rahma (lowercase letters, digits, . _ -)")), "why, recorded in the version").addHelpText(
      "after",
      `\nExit: 0 recorded, 1 bad input, 2 refused (by the roster's rules or the policy), 3 conflict.\n\nExample:\n  ${usage}`,
    );

  sub("add", "add a member with a role and the public key they sign with", "rapk keygen --name 'Siti Rahma' --out siti.key > siti.pub.json   (on Siti's machine)\n  rapk member add plan.ndjson siti --role officer --key siti.pub.json --sign kepala.key")
    .requiredOption("--role <role>", "officer, head, verifier or auditor")
    .requiredOption("--key <public.json>", 'their public entry as rapk keygen prints it ({"name", "publicKey"}), or their key file')
    .option("--name <name>", "their name as the roster shows it (default: the name in the key's entry)")
    .action(async (file: string, id: string, options: MemberOptions) => {
      const role = roleOf(options.role);
      const entry = await publicEntry(io, options.key!);
      const name = options.name ?? entry.name;
      await write(io, file, id, options, `adds ${id} (${role})`, [{ type: "addMember", data: { member: memberId(id), name, role, publicKey: entry.publicKey } }], "added");
    });
  sub("role", "give a member another role", "rapk member role plan.ndjson siti --role verifier --sign kepala.key")
    .requiredOption("--role <role>", "officer, head, verifier or auditor")
    .action(async (file: string, id: string, options: MemberOptions) => {
      const role = roleOf(options.role);
      await write(io, file, id, options, `${id} becomes ${role}`, [{ type: "changeMemberRole", data: { member: memberId(id), role } }], "changed the role of");
    });
  sub("rekey", "give a member a new key (a lost or replaced one): the old key signs nothing after", "rapk member rekey plan.ndjson siti --key siti-2025.pub.json --sign kepala.key")
    .requiredOption("--key <public.json>", 'their new public entry ({"name", "publicKey"}), or their key file')
    .action(async (file: string, id: string, options: MemberOptions) => {
      const entry = await publicEntry(io, options.key!);
      await write(io, file, id, options, `${id} signs with a new key`, [{ type: "rekeyMember", data: { member: memberId(id), publicKey: entry.publicKey } }], "re-keyed");
    });
  sub("remove", "remove a member: their key signs nothing after", "rapk member remove plan.ndjson bendahara --sign kepala.key").action(async (file: string, id: string, options: MemberOptions) => {
    await write(io, file, id, options, `removes ${id}`, [{ type: "removeMember", data: { member: memberId(id) } }], "removed");
  });
}

async function write(io: Io, file: string, id: string, options: MemberOptions, reason: string, commands: readonly unknown[], said: string): Promise<void> {
  const source = stepSource(`member ${id}`, options, () => ({ kind: "roster", reason, commands }));
  await appendFrom(io, file, source, options, (appended) => `${said} ${id} in ${file}: ${appendedText(appended)}`);
}

function memberId(id: string): string {
  const checked = MemberId.safeParse(id);
  if (!checked.success) throw new CliError(`<member> ${JSON.stringify(id.slice(0, 70))}: must be a member id like kepala or siti.rahma (lowercase letters, digits, . _ -; at most 64)`);
  return checked.data;
}

function roleOf(role: string | undefined): Role {
  const checked = Role.safeParse(role);
  if (!checked.success) throw new CliError(`--role ${JSON.stringify(String(role).slice(0, 40))}: expected officer, head, verifier or auditor`);
  return checked.data;
}

/** A member's public entry, {"name", "publicKey"}, read from what keygen printed or from a key file (only its public half is taken). */
async function publicEntry(io: Io, file: string): Promise<{ name: string; publicKey: string }> {
  const raw = parseJsonFile(await readText(io, file), file) as { name?: unknown; publicKey?: unknown } | null;
  const publicKey = PublicKey.safeParse(raw?.publicKey);
  if (typeof raw?.name !== "string" || !publicKey.success) throw new CliError('is not a public key entry: expected {"name", "publicKey"} as rapk keygen prints it', { file, code: "FILE_UNREADABLE" });
  return { name: raw.name, publicKey: publicKey.data };
}
