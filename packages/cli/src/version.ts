import { version } from "../package.json";

/** The command line's version, printed by `rapk --version`: package.json's, inlined at build. */
export const VERSION: string = version;
