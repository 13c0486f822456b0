import { type PlanEvent, type PlanState, type RevisionKind, type VersionMetadata, decideBatch, initialState, stateAfter, type PlanCommand } from "@rapk/core";
import { type CommittedVersion, type LogHead, sealVersion } from "@rapk/history";

/** A plan's commands for the suite: a small signed draft and reports, with real-looking ids. */
export const LINE = "DR.3165.QIA.005.053.A";

export function draftCommands(unit = "Loka POM di Kabupaten Rejang Lebong", objectives = 1): PlanCommand[] {
  const commands: PlanCommand[] = [
    { type: "draftPlan", data: { unit, agency: "Badan Pengawas Obat dan Makanan", year: 2024, ceiling: 4_801_300_000 } },
    {
      type: "registerBudgetLine",
      data: {
        output: { code: "DR.3165.QIA.005", name: "Sampel Obat yang Diperiksa Sesuai Standar oleh UPT" },
        component: { code: "053", name: "Pengadaan sampel obat" },
        subComponent: { code: "A", name: "PENGADAAN SAMPEL" },
        pagu: 125_736_000,
      },
    },
  ];
  for (let n = 1; n <= objectives; n++) {
    const code = String(n).padStart(2, "0");
    commands.push({ type: "defineObjective", data: { code, number: n, name: `Sasaran ${code}` } });
    commands.push({ type: "defineIndicator", data: { objective: code, code: "01", name: `Persentase ${code}`, unit: "percent", direction: "higher", shape: "constant" } });
    commands.push({ type: "setTargets", data: { indicator: `${code}.01`, values: Array(12).fill(99.3) } });
  }
  return commands;
}

/** A month's report on indicator 01.01 and the line. */
export function reportCommands(month: number, value = 95.5): PlanCommand[] {
  return [
    { type: "reportRealisation", data: { indicator: "01.01", month, value } },
    { type: "reportSpending", data: { line: LINE, month, amount: 1_000_000 * month } },
  ];
}

/** Version metadata recorded and effective at the given instants. */
export function metadataAt(recordedAt: string, kind: RevisionKind, effectiveAt = recordedAt, extra: Record<string, unknown> = {}): VersionMetadata {
  return { recordedAt, effectiveAt, actor: "Tim Perencanaan", reason: `a ${kind} version`, reference: `ND-${kind}/2024`, kind, ...extra };
}

/**
 * Decides commands on a plan and seals the versions, as a writer would: the suite's way of
 * making real versions without a History. Tracks the plan's events and head on its own, so two
 * writers on one plan can decide on the same head.
 */
export class PlanWriter {
  private events: PlanEvent[] = [];
  head: LogHead;

  constructor(head: LogHead = { version: 0, seq: 0, head: "0".repeat(64) }, events: readonly PlanEvent[] = []) {
    this.head = head;
    this.events = [...events];
  }

  state(): PlanState {
    return this.events.length === 0 ? initialState() : stateAfter(this.events);
  }

  /** The next version, sealed after the writer's head; the writer moves on to it. */
  next(commands: readonly PlanCommand[], metadata: VersionMetadata): CommittedVersion {
    const decided = decideBatch(commands, this.state(), { kind: metadata.kind });
    if (!decided.ok) throw new Error(`suite fixture refused: ${decided.error.code}: ${decided.error.message}`);
    const version = sealVersion(this.head, decided.value, metadata);
    this.events.push(...decided.value);
    const last = version.events[version.events.length - 1];
    this.head = { version: version.version, seq: last?.seq ?? this.head.seq, head: version.head };
    return version;
  }

  /** A writer that continues from here on its own (a second process that read the same head). */
  fork(): PlanWriter {
    return new PlanWriter(this.head, this.events);
  }
}

/** Every version a store yields for a plan, collected. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
