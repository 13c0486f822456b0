import { createHash } from "node:crypto";
import type { Sha256Hex } from "@rapk/history";

/** node:crypto's sha256, the fastest on Node (history takes every hash through it once given: useSha256). */
export const nodeSha256Hex: Sha256Hex = (text) => createHash("sha256").update(text, "utf8").digest("hex");
