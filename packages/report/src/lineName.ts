import type { PlanState } from "@rapk/core";

/** A budget line's name as forms print it: its output, component and sub-component names, those it has. */
export function lineName(state: PlanState, id: string): string {
  const line = state.lines[id]!;
  return [line.output.name, line.component.name, line.subComponent.name].filter((name) => name !== "").join(" / ");
}
