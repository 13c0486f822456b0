/**
 * @rapk/core: the event-sourced model of a Rencana Aksi Perjanjian Kinerja (RAPK), the monthly
 * action plan of an Indonesian government unit's performance agreement. Pure and browser-safe.
 */
export * from "./codes.js";
export * from "./metadata.js";
export * from "./versionTimes.js";
export * from "./errors.js";
export * from "./events/index.js";
export * from "./commands/index.js";
export * from "./recordedEvent.js";
export * from "./revisionKind.js";
export * from "./state.js";
export * from "./evolve.js";
export * from "./replay.js";
export * from "./decide.js";
export * from "./invariants.js";
export * from "./money/rupiah.js";
export * from "./money/formatRupiah.js";
export { formatMeasure } from "./figures/formatMeasure.js";
export { formatPercentOfHundred } from "./figures/formatPercentOfHundred.js";
export { formatPercentOfRatio } from "./figures/formatPercentOfRatio.js";
export * from "./period/months.js";
export * from "./period/monthCode.js";
export * from "./period/monthName.js";
export * from "./period/unitZone.js";
export * from "./projections/indicatorBudget.js";
export * from "./projections/documentOrder.js";
export * from "./projections/planDocument.js";
export * from "./projections/statedGap.js";
export * from "./projections/budgetSummary.js";
export * from "./projections/bands.js";
export * from "./projections/achievement.js";
export * from "./testing/stateAfter.js";
export * from "./commands/commandOf.js";
export * from "./projections/planRollup.js";
export * from "./messages/index.js";
export * from "./text/spreadsheetCell.js";
export * from "./text/controlCharacters.js";
export * from "./text/jsonShape.js";
export * from "./roster/role.js";
export * from "./roster/policy.js";
export * from "./evidence.js";
