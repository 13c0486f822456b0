import { escapeControls } from "@rapk/core";
import type { Io, Output } from "./io.js";

/**
 * The secrets of a run: the password of every store URL among its arguments (in each form it may
 * be printed in) and PGPASSWORD. Parsed by the store's own URL parser (StoreUrl), once.
 */
export async function secretsOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>> | undefined): Promise<string[]> {
  const secrets = env?.PGPASSWORD ? [env.PGPASSWORD] : [];
  const urls = argv.filter((arg) => /^postgres(ql)?:\/\//i.test(arg));
  if (urls.length === 0) return secrets;
  const { StoreUrl } = await import("@rapk/store-postgres");
  for (const url of urls) {
    try {
      secrets.push(...StoreUrl.parse(url).secrets);
    } catch {
      // A URL that does not parse is refused by the command, which shows it redacted.
    }
  }
  return secrets;
}

function guarded(out: Output, secrets: readonly string[]): Output {
  // Longest first, so that a secret that holds another is hidden whole.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return {
    write: (chunk: string) => {
      let text = escapeControls(chunk);
      for (const secret of ordered) text = text.split(secret).join("***");
      return out.write(text);
    },
  };
}

/**
 * The run's io with both outputs guarded, the last line of defence whatever a message or a plan
 * holds: a control character a terminal would act on (ESC, BEL, C1: from a log written before the
 * gate, or a file's name) is written escaped (`\u001b`), and a store password never appears.
 */
export function guardedIo(io: Io, secrets: readonly string[]): Io {
  return { ...io, stdout: guarded(io.stdout, secrets), stderr: guarded(io.stderr, secrets) };
}
