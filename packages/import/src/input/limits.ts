/**
 * How much the importer takes on. A published RAPK is about 25 kB of text and 150 commands;
 * the limits leave a wide margin and keep a runaway file from freezing a browser tab.
 * Deciding is linear in the batch (core's decideBatch folds it into one draft), so the command
 * limit is about the size of one revision a person can check, not about the decider's cost.
 */
export const MAX_INPUT_CHARS = 5 * 1024 * 1024;
export const MAX_COMMANDS = 3000;
