import { describe, expect, it } from "vitest";
import { Revision, parseRevision } from "../src/index.js";

const good = {
  meta: { actor: "Kepala Loka POM", reason: "Revisi POK Mei 2024", reference: "ND-123/2024", kind: "pok", at: "2024-05-20T10:00:00+07:00" },
  commands: [{ type: "reviseBudget", data: { line: "DR.3165.QIA.005.053.A", pagu: 120736000 } }],
};

function messageOf(raw: unknown): string {
  const parsed = parseRevision(raw);
  if (parsed.ok) throw new Error("expected a refusal");
  expect(parsed.error.code).toBe("REVISION_INVALID");
  return parsed.error.message;
}

describe("Revision (revision.json)", () => {
  it("accepts a revision, with or without reference and at", () => {
    expect(Revision.safeParse(good).success).toBe(true);
    const { reference: _r, at: _a, ...bare } = good.meta;
    expect(parseRevision({ ...good, meta: bare })).toMatchObject({ ok: true, value: { meta: { kind: "pok" } } });
  });

  it("names the missing or bad field of meta", () => {
    expect(messageOf({ ...good, meta: { ...good.meta, actor: "  " } })).toBe("revision: meta.actor must name who made the change");
    const { reason: _, ...noReason } = good.meta;
    expect(messageOf({ ...good, meta: noReason })).toBe("revision: meta.reason must say why");
    expect(messageOf({ ...good, meta: { ...good.meta, kind: "revisi" } })).toMatch(/^revision: meta\.kind .*pok/);
    expect(messageOf({ ...good, meta: { ...good.meta, at: "2024-05-20" } })).toMatch(/^revision: meta\.at must be an ISO date-time with an offset/);
  });

  it("refuses unknown fields instead of dropping them", () => {
    const { reference, ...rest } = good.meta;
    expect(messageOf({ ...good, meta: { ...rest, referense: reference } })).toBe("revision: meta has unknown field(s) referense");
    expect(messageOf({ ...good, comment: "x" })).toBe("revision has unknown field(s) comment");
    expect(messageOf("pok")).toBe("revision must be a JSON object");
    expect(messageOf({ ...good, meta: [] })).toBe("revision: meta must be a JSON object");
  });

  it("names the command, counted from 1, and its field", () => {
    expect(messageOf({ ...good, commands: [] })).toBe("revision: commands must hold at least one command");
    const bad = { ...good, commands: [...good.commands, { type: "setTarget", data: { indicator: "01.01", month: 13, value: 1 } }] };
    expect(messageOf(bad)).toMatch(/^revision: command 2 \(setTarget\): data\.month /);
    expect(messageOf({ ...good, commands: [{ type: "moveMoney", data: {} }] })).toMatch(/^revision: command 1 \(moveMoney\): type /);
  });
});
