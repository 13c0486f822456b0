import { stoppedAfter } from "../failure.js";
import type { Noticed } from "./noticed.js";

/**
 * What a stage of the importer gives: its output and the findings it noticed, in the order it
 * noticed them. Stages are pure: the findings travel in the answer, never in a shared array.
 */
export interface Staged<T> {
  readonly value: T;
  readonly findings: readonly Noticed[];
}

export function staged<T>(value: T, findings: readonly Noticed[] = []): Staged<T> {
  return { value, findings };
}

/**
 * Runs `next` after `findings` were noticed: if it stops the import, the failure reports them
 * first, then what `next` noticed itself before stopping.
 */
export function after<T>(findings: readonly Noticed[], next: () => T): T {
  try {
    return next();
  } catch (error) {
    throw stoppedAfter(findings, error);
  }
}

/**
 * Composes stages: `run` passes each stage's answer through `take`, which keeps its findings
 * (in the order the stages ran) and hands on its output. The answer is `run`'s value with every
 * finding taken; a stage that stops the import reports the findings of the stages before it.
 */
export function pipeline<T>(run: (take: <U>(answer: Staged<U>) => U) => T): Staged<T> {
  let findings: readonly Noticed[] = [];
  const take = <U>(answer: Staged<U>): U => {
    findings = [...findings, ...answer.findings];
    return answer.value;
  };
  try {
    const value = run(take);
    return { value, findings };
  } catch (error) {
    throw stoppedAfter(findings, error);
  }
}
