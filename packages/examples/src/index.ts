/**
 * @rapk/examples: the real plan rapk is built around (RAPK 2024 of Loka POM di Kabupaten
 * Rejang Lebong) as event logs, and the functions that make them from the seed text.
 */
export * from "./files.js";
export * from "./seedLog.js";
export * from "./illustrativeHistory.js";
export * from "./render.js";
