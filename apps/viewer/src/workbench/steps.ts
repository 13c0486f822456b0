import type { CommittedStep, PreparedStep, StepRequest, WorkbenchApi } from "./api.js";
import type { MemberKey } from "./keyFile.js";

/**
 * A step taken as the server wants it taken: prepared there on the version the form was made on
 * (decided, sealed, nothing written), its head signed here with the member's own key, and that
 * signature sent to append it. A plan that moved on in between is the server's 409 CONFLICT.
 */
export async function takeStep(api: WorkbenchApi, plan: string, expectVersion: number, step: StepRequest, key: MemberKey): Promise<{ readonly prepared: PreparedStep; readonly committed: CommittedStep }> {
  const prepared = await api.prepare(plan, expectVersion, step);
  const committed = await api.commit(plan, prepared.draft, await key.sign(prepared.head));
  return { prepared, committed };
}
