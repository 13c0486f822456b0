import { constants, promises as fs } from "node:fs";
import type { Command } from "commander";
import { generateSigningKey } from "@rapk/history/signing";
import { CliError } from "../cliError.js";
import type { Context } from "../context.js";
import { fsFailure, pathOf } from "../files.js";
import { jsonText } from "../json.js";

interface KeygenOptions {
  readonly name: string;
  readonly out: string;
  readonly force?: boolean;
}

export function registerKeygen(program: Command, { io }: Context): void {
  program
    .command("keygen")
    .summary("make an Ed25519 key pair to sign versions with")
    .description(
      'Makes an Ed25519 key pair: writes it to --out ({"name", "publicKey", "secretKey"}, readable by its owner only, mode 0600) and prints the public entry {"name", "publicKey"} as JSON, the line to add to the keys.json that `rapk verify --trust` reads. `import`/`apply --sign <key>` sign a version\'s head with it.',
    )
    .requiredOption("--name <who>", "whose key it is (the signer's name or office)")
    .requiredOption("--out <key>", "the private key file to create")
    .option("-f, --force", "replace --out if it exists")
    .addHelpText("after", '\nExit: 0 made, 1 --out exists (without --force) or cannot be written.\n\nExample:\n  rapk keygen --name "Kepala Loka POM Rejang Lebong" --out kepala.key')
    .action(async (options: KeygenOptions) => {
      const name = options.name.trim();
      if (name === "") throw new CliError("--name must name whose key it is");
      const key = generateSigningKey();
      const file = pathOf(io, options.out);
      const flags = constants.O_WRONLY | constants.O_CREAT | (options.force ? constants.O_TRUNC : constants.O_EXCL);
      try {
        const handle = await fs.open(file, flags, 0o600);
        try {
          // A file that existed keeps its mode through O_TRUNC: make it the owner's only.
          await handle.chmod(0o600);
          await handle.writeFile(jsonText({ name, publicKey: key.publicKey, secretKey: key.secretKey }));
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new CliError("already exists; pass --force to replace it", { file: options.out, code: "FILE_EXISTS" });
        throw fsFailure(error, options.out, "write");
      }
      io.stdout.write(jsonText({ name, publicKey: key.publicKey }));
    });
}
