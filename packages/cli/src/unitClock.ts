import { instantIn } from "@rapk/core";
import type { Io } from "./io.js";

/** The writer's clock (the machine's, or the one a test gives), written in `offset`. */
export function clockIn(io: Io, offset: string): string {
  return instantIn(io.now?.() ?? new Date(), offset);
}
