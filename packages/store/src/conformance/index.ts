/**
 * @rapk/store/conformance: the one feature suite every EventStore passes (vitest). A store's test
 * file calls `describeEventStoreConformance(name, { open, reopen, crashDuring })`; see docs/stores.md.
 */
export { type ConformanceSubject, describeEventStoreConformance } from "./describeEventStoreConformance.js";
export { LINE, PlanWriter, collect, draftCommands, metadataAt, reportCommands } from "./planVersions.js";
