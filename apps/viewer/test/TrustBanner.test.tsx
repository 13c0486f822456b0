import { screen } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { TrustBanner } from "../src/components/TrustBanner.js";
import { renderIn } from "./render.js";

describe("TrustBanner", () => {
  it("says the chain was verified", () => {
    renderIn(<TrustBanner verification={{ ok: true, value: { events: 120, versions: 9, lastHash: "ab".repeat(32) } }} />, "en");
    expect(screen.getByRole("status").textContent).toBe(`✓ History chain verified: 120 events, 9 versions. last hash: ${"ab".repeat(8)}…`);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("announces a broken chain as an alert naming the first bad line", () => {
    renderIn(<TrustBanner verification={{ ok: false, error: { line: 42, code: "HASH_MISMATCH", message: "line 42: hash does not match its content" } }} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("rantai rusak pada baris 42");
    expect(alert.textContent).toContain("HASH_MISMATCH");
  });

  it("says an import has no chain yet", () => {
    renderIn(<TrustBanner verification={null} />, "en");
    expect(screen.getByRole("status").textContent).toContain("Imported from a published table");
  });
});
