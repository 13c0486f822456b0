/**
 * @rapk/store: where plans' logs are kept. The EventStore contract (list plans, read a plan's
 * versions whole or up to a version or a date, append one sealed version with an expected head,
 * read every plan's versions in commit order), its typed conflict, and the stores that implement
 * it. The conformance suite every store passes is `@rapk/store/conformance`.
 */
export * from "./eventStore.js";
export * from "./evidenceFiles.js";
export * from "./appendCheck.js";
export * from "./memoryStore.js";
export { rangeTest, type RangeTest } from "./readRange.js";
export * from "./storeHistory.js";
export { type StoredShape, type Upcaster, withUpcaster } from "./upcast.js";
export { type HandleOptions, type HandleResult, handleCommand } from "./commandHandler.js";
export { type ChangeFeed, type SubscribeOptions, type Subscription, followStore } from "./subscribe.js";
export * from "./catalog.js";
