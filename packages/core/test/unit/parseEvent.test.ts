import { describe, expect, it } from "vitest";
import { parseEvent } from "@rapk/core";
import { toMedicines } from "../fixtures/seed.js";

const metadata = { at: "2024-02-22T09:00:00+07:00", actor: "Kepala Loka", reason: "Penyusunan Rencana Aksi", reference: "PK/2024/001", kind: "draft" };

describe("parseEvent", () => {
  it("returns a valid event with its metadata", () => {
    expect(parseEvent({ ...toMedicines, metadata }, 1)).toEqual({ ok: true, event: { ...toMedicines, metadata } });
  });

  it("takes metadata without reference or kind", () => {
    const { reference: _r, kind: _k, ...bare } = metadata;
    expect(parseEvent({ ...toMedicines, metadata: bare }, 1).ok).toBe(true);
  });

  it("names the event's position, type and field and says why", () => {
    const raw = { type: "TargetSet", data: { indicator: "01.01", month: 13, value: 99.3 }, metadata };
    expect(parseEvent(raw, 4)).toEqual({
      ok: false,
      error: { code: "EVENT_INVALID", message: "event 4 (TargetSet): data.month must be a month number 1-12", path: ["data", "month"] },
    });
  });

  it("names a metadata field", () => {
    const result = parseEvent({ ...toMedicines, metadata: { ...metadata, at: "22/02/2024" } }, 7);
    expect(result.ok ? "" : result.error.message).toBe("event 7 (ContributionAllocated): metadata.at must be an ISO date-time with an offset like 2024-02-22T09:00:00+07:00");
  });

  it("says when the metadata is missing, or who or why is blank", () => {
    expect(parseEvent(toMedicines, 2)).toMatchObject({ ok: false, error: { path: ["metadata"], message: expect.stringMatching(/^event 2 \(ContributionAllocated\): metadata /) } });
    const blank = parseEvent({ ...toMedicines, metadata: { ...metadata, actor: " " } }, 2);
    expect(blank.ok ? "" : blank.error.message).toBe("event 2 (ContributionAllocated): metadata.actor must name who made the change");
    const why = parseEvent({ ...toMedicines, metadata: { ...metadata, reason: "" } }, 2);
    expect(why.ok ? "" : why.error.message).toBe("event 2 (ContributionAllocated): metadata.reason must say why");
  });

  it("refuses a kind that is not a revision kind", () => {
    const result = parseEvent({ ...toMedicines, metadata: { ...metadata, kind: "revisi" } }, 3);
    expect(result).toMatchObject({ ok: false, error: { code: "EVENT_INVALID", path: ["metadata", "kind"] } });
  });

  it("names an unknown type as given", () => {
    const result = parseEvent({ type: "PlanDeleted", data: {}, metadata }, 5);
    expect(result).toMatchObject({ ok: false, error: { code: "EVENT_INVALID", path: ["type"], message: expect.stringMatching(/^event 5 \(PlanDeleted\): type /) } });
  });

  it("names the position alone when there is no type, and neither when no position is given", () => {
    const untyped = parseEvent({ data: {} }, 9);
    expect(untyped.ok ? "" : untyped.error.message).toMatch(/^event 9: type /);
    const nowhere = parseEvent("not an event");
    expect(nowhere.ok ? "" : nowhere.error.message).toMatch(/^event: /);
    const typedNowhere = parseEvent({ ...toMedicines, data: { ...toMedicines.data, amount: -5 } });
    expect(typedNowhere.ok ? "" : typedNowhere.error.message).toBe("event (ContributionAllocated): data.amount must not be negative");
  });

  it("checks every event's metadata, however much it looks like the one before", () => {
    const shared = { ...metadata };
    expect(parseEvent({ ...toMedicines, metadata: shared }, 1).ok).toBe(true);
    for (const bad of [{ ...metadata, reference: "" }, { ...metadata, kind: "revisi" }, { ...metadata, at: "kemarin" }, { ...metadata, actor: undefined }]) {
      expect(parseEvent({ ...toMedicines, metadata: bad }, 2).ok, JSON.stringify(bad)).toBe(false);
      expect(parseEvent({ ...toMedicines, metadata }, 3).ok).toBe(true);
    }
    // The very object that passed, changed afterwards, is checked again.
    shared.at = "2024-02-30";
    expect(parseEvent({ ...toMedicines, metadata: shared }, 4).ok).toBe(false);
  });

  it("gives each event its own metadata object, equal for events of one batch", () => {
    const first = parseEvent({ ...toMedicines, metadata }, 1);
    const second = parseEvent({ ...toMedicines, metadata }, 2);
    if (!first.ok || !second.ok) throw new Error("both are valid");
    expect(first.event.metadata).toEqual(second.event.metadata);
    expect(first.event.metadata).not.toBe(second.event.metadata);
  });
});
