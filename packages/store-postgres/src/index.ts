/**
 * @rapk/store-postgres: the EventStore of @rapk/store on a PostgreSQL server, with a read model
 * for rollups across plans, and a throwaway cluster for tests and benchmarks. Node only.
 */
export * from "./postgresStore.js";
export { queryRollup, rollupStatement, whole } from "./rollup.js";
// The rollup's types are the store contract's, shared with every other store.
export type { PlanListing, Rollup, RollupQuery, RollupRow, RollupTotals } from "@rapk/store";
export * from "./storeUrl.js";
export { SCHEMA_SQL, BAND_COLUMNS } from "./schema.js";
export * from "./throwawayCluster.js";
