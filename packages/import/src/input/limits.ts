/**
 * How much the importer takes on. A published RAPK is about 25 kB of text and 150 commands;
 * the limits leave a wide margin and keep a runaway file from freezing a browser tab.
 * The command limit follows core's decideBatch, whose cost grows with the square of the batch
 * (about 1.7 s for 1,000 commands on the reference machine).
 */
export const MAX_INPUT_CHARS = 5 * 1024 * 1024;
export const MAX_COMMANDS = 3000;
