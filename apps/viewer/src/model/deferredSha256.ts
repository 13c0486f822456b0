import { portableSha256Hex } from "@rapk/history";

/** Hashes `inputs` (elsewhere: another worker) and resolves whether each is the digest its claim says. */
export type DigestCheck = (inputs: readonly string[], claims: readonly string[]) => Promise<boolean>;

/** The check on the calling thread: the same answer, without the parallelism. */
export const checkHere: DigestCheck = async (inputs, claims) => inputs.every((input, i) => portableSha256Hex(input) === claims[i]);

const HASH_KEY = '"hash":"';

/**
 * The `hash` each line of a log claims, in line order, read from the text without parsing it
 * (the last `"hash":"` of the line: every rapk line ends with it, a commit record's signature
 * aside); "" for a line without one.
 */
export function claimedHashes(text: string): string[] {
  const claims: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const at = text.lastIndexOf(HASH_KEY, end);
    claims.push(at >= start ? text.slice(at + HASH_KEY.length, at + HASH_KEY.length + 64) : "");
    start = end + 1;
  }
  return claims;
}

/**
 * A sha256 for history's verifier (`useSha256`) that does not hash: it answers the k-th call with
 * the k-th line's claimed hash (the verifier hashes each line once, in order) and hands the
 * input and that answer, a batch at a time, to `check`, which hashes them in another worker
 * while the verifier goes on with the rest of the log. `settled()` is true only when every answer
 * was the true digest of its input: then the verifier ran exactly as it would have with a real
 * sha256, and its verdict stands. Otherwise the verdict is void (verify again with a real one).
 */
export function deferredSha256(claims: readonly string[], check: DigestCheck, batch = 4096): { readonly sha256: (input: string) => string; settled(): Promise<boolean> } {
  const pending: Promise<boolean>[] = [];
  let inputs: string[] = [];
  let answers: string[] = [];
  let calls = 0;
  const send = () => {
    if (inputs.length === 0) return;
    pending.push(check(inputs, answers));
    inputs = [];
    answers = [];
  };
  return {
    sha256(input) {
      const claim = claims[calls++] ?? "";
      inputs.push(input);
      answers.push(claim);
      if (inputs.length >= batch) send();
      return claim;
    },
    async settled() {
      send();
      return (await Promise.all(pending)).every(Boolean);
    },
  };
}
