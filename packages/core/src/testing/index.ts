/**
 * @rapk/core/testing: helpers for testing code built on the plan decider, kept off the main entry
 * so an application bundles none of them.
 */
export * from "./planSpec.js";
export { rawCommand } from "./rawCommand.js";
