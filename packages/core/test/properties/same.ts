/// <reference types="node" />
import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";

/**
 * Deep equality for the hot loops of the properties: node's comparison is far cheaper than
 * expect's, and expect only runs (to print the difference) when they already differ.
 */
export function expectSame(actual: unknown, expected: unknown, label?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, label).toEqual(expected);
}
