import { type DecideOptions, decide, decideBatch } from "../decide.js";
import type { PlanCommand } from "../commands/index.js";
import type { PlanEventInput } from "../events/index.js";
import { stateAfter } from "./stateAfter.js";
import type { DomainError } from "../errors.js";

/** Raised when a specification does not hold; test runners report it like any failed assertion. */
export class SpecificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SpecificationError";
  }
}

// Events are plain JSON data, so comparing their canonical text is an exact structural equality.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export interface Then {
  /** Asserts the command (or batch) is accepted and emits exactly these events, in order. */
  then(expected: readonly PlanEventInput[]): void;
  /** Asserts it is refused with this error code (and, when given, at this path). */
  thenFails(code: string, path?: readonly (string | number)[]): DomainError;
}

export interface When {
  when(command: PlanCommand, options?: DecideOptions): Then;
  whenBatch(commands: readonly PlanCommand[], options?: DecideOptions): Then;
}

/**
 * A given / when / then specification of the plan decider, in the shape of Emmett's
 * DeciderSpecification: `planSpec.given(events).when(command).then(events)` or
 * `.thenFails(code)`. It throws a SpecificationError on mismatch, so any test runner works.
 */
export const planSpec = {
  given(events: readonly PlanEventInput[]): When {
    const state = stateAfter(events);
    // One command is decided by decide (its refusal's path starts at the command), a batch by
    // decideBatch (the path starts with the refused command's index), as a program would.
    const run = (result: ReturnType<typeof decideBatch>): Then => {
      return {
        then(expected) {
          if (!result.ok) throw new SpecificationError(`expected events, but refused with ${result.error.code}: ${result.error.message}`);
          const got = canonical(result.value.map(({ type, data }) => ({ type, data })));
          const want = canonical(expected.map(({ type, data }) => ({ type, data })));
          if (got !== want) throw new SpecificationError(`expected events\n  ${want}\nbut got\n  ${got}`);
        },
        thenFails(code, path) {
          if (result.ok) throw new SpecificationError(`expected ${code}, but the command was accepted with ${canonical(result.value)}`);
          if (result.error.code !== code) throw new SpecificationError(`expected ${code}, but refused with ${result.error.code}: ${result.error.message}`);
          if (path && canonical(path) !== canonical(result.error.path))
            throw new SpecificationError(`expected ${code} at ${canonical(path)}, but it was at ${canonical(result.error.path)}`);
          return result.error;
        },
      };
    };
    return {
      when: (command, options) => run(decide(command, state, options)),
      whenBatch: (commands, options) => run(decideBatch(commands, state, options)),
    };
  },
};
