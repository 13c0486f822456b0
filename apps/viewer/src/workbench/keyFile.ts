/**
 * The member's key, read from the file `rapk keygen` wrote (`{"name", "publicKey", "secretKey"}`).
 * The secret key stays in this closure, in the page's memory: it is never sent, stored or shown;
 * what leaves is a signature. Signing loads the curve code (@rapk/history/signing) when first
 * needed.
 */
export interface MemberKey {
  /** The name the key file gives (the server names the member from the roster). */
  readonly name: string;
  readonly publicKey: string;
  /** An Ed25519 signature (128 hex digits) of the text's UTF-8 bytes: a challenge's message, or a version's head. */
  sign(text: string): Promise<string>;
}

/** Why a file is not a key file; the page words it. */
export type KeyFileProblem = "notJson" | "notKeyFile" | "keyMismatch";

export class KeyFileError extends Error {
  constructor(readonly problem: KeyFileProblem) {
    super(problem);
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
/** A key file is a few hundred bytes: anything much larger is not one, and is not read whole. */
export const MAX_KEY_FILE_BYTES = 4096;

/** Reads a key file's text; throws KeyFileError when it is not one, or its public key is not its secret key's. */
export async function memberKeyFrom(text: string): Promise<MemberKey> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyFileError("notJson");
  }
  const { name, publicKey, secretKey } = (parsed ?? {}) as { name?: unknown; publicKey?: unknown; secretKey?: unknown };
  if (typeof publicKey !== "string" || typeof secretKey !== "string" || !HEX64.test(publicKey) || !HEX64.test(secretKey)) throw new KeyFileError("notKeyFile");
  const { publicKeyOf, signHead } = await import("@rapk/history/signing");
  if (publicKeyOf(secretKey) !== publicKey) throw new KeyFileError("keyMismatch");
  return {
    name: typeof name === "string" ? name : "",
    publicKey,
    sign: async (message) => signHead(message, secretKey).signature,
  };
}

/** Reads the chosen file as a key file. */
export async function memberKeyFromFile(file: File): Promise<MemberKey> {
  if (file.size > MAX_KEY_FILE_BYTES) throw new KeyFileError("notKeyFile");
  return memberKeyFrom(await file.text());
}
