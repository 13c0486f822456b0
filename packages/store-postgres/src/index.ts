export * from "./throwawayCluster.js";
