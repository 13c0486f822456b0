import { describeEventStoreConformance } from "../src/conformance/index.js";
import { MemoryEventStore } from "../src/index.js";

// A crash in the middle of a memory append leaves nothing: the append checks and commits in one
// synchronous step, so there is no half-written state to leave.
describeEventStoreConformance("memory", {
  open: async () => new MemoryEventStore(),
  reopen: async (store) => new MemoryEventStore(store as MemoryEventStore),
  crashDuring: async (store) => store.close(),
});
