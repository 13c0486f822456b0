import { publicKeyOf } from "@rapk/history/signing";
import { CliError } from "./cliError.js";
import { readText } from "./files.js";
import type { Io } from "./io.js";
import { parseJsonFile } from "./json.js";

/** A signing key file as `rapk keygen` writes it: `{"name", "publicKey", "secretKey"}` (hex), readable by its owner only. */
export interface KeyFile {
  readonly name: string;
  readonly publicKey: string;
  readonly secretKey: string;
}

/** Reads a `--sign` key file; a file that is not one, or whose public key does not belong to its secret key, is an error naming it. */
export async function readKeyFile(io: Io, file: string): Promise<KeyFile> {
  const raw = parseJsonFile(await readText(io, file), file) as Partial<Record<keyof KeyFile, unknown>> | null;
  const { name, publicKey, secretKey } = raw ?? {};
  if (typeof name !== "string" || typeof publicKey !== "string" || typeof secretKey !== "string" || !/^[0-9a-f]{64}$/.test(secretKey))
    throw new CliError('is not a signing key: expected {"name", "publicKey", "secretKey"} as written by `rapk keygen`', { file, code: "FILE_UNREADABLE" });
  if (publicKeyOf(secretKey) !== publicKey) throw new CliError("is not a signing key: its publicKey does not belong to its secretKey", { file, code: "FILE_UNREADABLE" });
  return { name, publicKey, secretKey };
}

/** Every `--sign` key file, in the order given (the first is the member who takes the version). */
export async function readKeyFiles(io: Io, files: readonly string[]): Promise<KeyFile[]> {
  const keys: KeyFile[] = [];
  for (const file of files) keys.push(await readKeyFile(io, file));
  return keys;
}

/** `--sign <key>`, which a writer takes once per signer: a co-signed version carries each signature. */
export const SIGN_OPTION = [
  "--sign <key>",
  "sign the new version with this key file (rapk keygen); repeat it for a co-signature (the first key's holder takes the version)",
  (value: string, previous: string[]) => [...previous, value],
  [] as string[],
] as const;
