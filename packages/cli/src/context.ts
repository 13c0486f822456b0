import type { Io } from "./io.js";

/** What every command's action gets besides its own arguments. */
export interface Context {
  readonly io: Io;
}
