export * from "./place.js";
export * from "./findingMessages.js";
export * from "./errorMessages.js";
