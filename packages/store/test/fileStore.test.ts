import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serializeEvent, serializeVersion, verifyLog } from "@rapk/history";
import { afterAll, describe, expect, it } from "vitest";
import { PlanWriter, collect, describeEventStoreConformance, draftCommands, metadataAt, reportCommands } from "../src/conformance/index.js";
import { StoreConflict } from "../src/index.js";
import { NdjsonFileStore, type RecoveredTail } from "../src/file/index.js";

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), "rapk-file-store-"));
  folders.push(made);
  return made;
}
afterAll(() => {
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

const stores = new WeakMap<object, string>();

describeEventStoreConformance("NDJSON files", {
  open: async () => {
    const dir = folder();
    const store = NdjsonFileStore.folder(dir);
    stores.set(store, dir);
    return store;
  },
  reopen: async (store) => {
    const dir = stores.get(store) as string;
    const again = NdjsonFileStore.folder(dir);
    stores.set(again, dir);
    return again;
  },
  // A writer that died after writing some of the version's lines: its events, the last cut short, no commit record.
  crashDuring: async (store, plan, version) => {
    const file = (store as NdjsonFileStore).fileOf(plan);
    const lines = version.events.map(serializeEvent);
    appendFileSync(file, `${lines.slice(0, -1).join("\n")}\n${(lines.at(-1) as string).slice(0, 30)}`);
  },
});

describe("NDJSON file store", () => {
  async function planIn(dir: string) {
    const store = NdjsonFileStore.folder(dir);
    const writer = new PlanWriter();
    await store.append("plan", writer.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
    await store.append("plan", writer.next(reportCommands(1), metadataAt("2024-03-05T10:00:00+07:00", "report")));
    return { store, writer, file: join(dir, "plan.ndjson") };
  }

  it("given an append, then only the new version's lines are added at the end: the bytes before are untouched", async () => {
    const { store, writer, file } = await planIn(folder());
    const before = readFileSync(file);
    const next = writer.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
    await store.append("plan", next);
    const after = readFileSync(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const added = after.subarray(before.length).toString("utf8").trimEnd().split("\n");
    expect(added).toHaveLength(next.events.length + 1);
    expect(JSON.parse(added.at(-1) as string)).toMatchObject({ format: "rapk/3", commit: 3, events: next.events.length, hash: next.head });
    expect(verifyLog(after.toString("utf8"))).toMatchObject({ ok: true, value: { versions: 3, lastHash: next.head } });
  });

  it("given a tail left by a writer that died, then the next append cuts it, keeps the cut bytes beside the log, and says so", async () => {
    const dir = folder();
    const recovered: RecoveredTail[] = [];
    const { writer, file } = await planIn(dir);
    const store = NdjsonFileStore.folder(dir, { onRecovered: (tail) => recovered.push(tail) });
    const lost = writer.fork().next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
    const torn = `${serializeEvent(lost.events[0] as never)}\n${serializeEvent(lost.events[1] as never).slice(0, 25)}`;
    appendFileSync(file, torn);
    expect(verifyLog(readFileSync(file, "utf8"))).toMatchObject({ ok: false, error: { code: "TORN_LINE" } });
    expect((await store.head("plan")).version).toBe(2);
    const next = writer.next(reportCommands(2, 60), metadataAt("2024-04-06T10:00:00+07:00", "report"));
    await store.append("plan", next);
    expect(verifyLog(readFileSync(file, "utf8"))).toMatchObject({ ok: true, value: { versions: 3, lastHash: next.head } });
    expect(recovered).toEqual([{ plan: "plan", file, events: 1, torn: true, bytes: Buffer.byteLength(torn), backup: expect.stringContaining(".torn-") }]);
    expect(readFileSync(recovered[0]?.backup as string, "utf8")).toBe(torn);
  });

  it("given a torn tail, then repair keeps a backup of the whole file, cuts back to the last commit and says what it removed", async () => {
    const dir = folder();
    const { store, writer, file } = await planIn(dir);
    const whole = readFileSync(file, "utf8");
    const lost = writer.fork().next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
    appendFileSync(file, lost.events.map((e) => `${serializeEvent(e)}\n`).join(""));
    const repaired = await store.repair("plan", new Date("2026-11-30T12:00:00Z"));
    expect(repaired).toMatchObject({ unchanged: false, events: lost.events.length, version: 3, torn: false, head: { version: 2 } });
    expect(readFileSync(file, "utf8")).toBe(whole);
    expect(readFileSync(repaired.backup as string, "utf8")).toBe(whole + lost.events.map((e) => `${serializeEvent(e)}\n`).join(""));
    expect(await store.repair("plan")).toMatchObject({ unchanged: true });
  });

  it("given a fault before the tail, then repair refuses and leaves the file alone", async () => {
    const dir = folder();
    const { store, file } = await planIn(dir);
    const lines = readFileSync(file, "utf8").split("\n");
    lines[1] = (lines[1] as string).replace('"seq":2', '"seq":7');
    writeFileSync(file, lines.join("\n"));
    await expect(store.repair("plan")).rejects.toMatchObject({ code: "LOG_INVALID", message: expect.stringContaining(":2: SEQ_OUT_OF_ORDER") });
    expect(readdirSync(dir).sort()).toEqual([".rapk-commits.ndjson", "plan.ndjson"]);
  });

  it("given a v1 log, then an append writes v2 lines after it and the file verifies whole", async () => {
    const dir = folder();
    const v1 = readFileSync(new URL("../../history/test/fixtures/v1-loka-pom-rejang-lebong-2024-history.ndjson", import.meta.url), "utf8");
    const file = join(dir, "rejang-lebong.ndjson");
    writeFileSync(file, v1);
    const store = NdjsonFileStore.folder(dir);
    const head = await store.head("rejang-lebong");
    expect(head).toEqual({ version: 9, seq: 478, head: JSON.parse(v1.trimEnd().split("\n").at(-1) as string).hash });
    const versions = await collect(store.read("rejang-lebong"));
    const writer = new PlanWriter(head, versions.flatMap((v) => v.events));
    const july = writer.next([{ type: "reportSpending", data: { line: "WA.6384.EBA.994.001.A", month: 7, amount: 1_000_000 } }], metadataAt("2024-08-05T10:00:00+07:00", "report"));
    await store.append("rejang-lebong", july);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith(v1)).toBe(true);
    expect(verifyLog(text)).toMatchObject({ ok: true, value: { events: 479, versions: 10, lastHash: july.head } });
  });

  it("given a writer holding the lock, then another waits, and fails with LOCKED naming the holder when the wait runs out", async () => {
    const dir = folder();
    const { writer } = await planIn(dir);
    const slow = NdjsonFileStore.folder(dir, { lockWaitMs: 150 });
    const { open } = await import("node:fs/promises");
    const { tryLock } = await import("../src/file/nativeLock.js");
    const held = await open(join(dir, "plan.ndjson"), "r+");
    expect(tryLock(held.fd)).toBe(true);
    const next = writer.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report"));
    const failure = await slow.append("plan", next).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: "LOCKED", message: expect.stringContaining("not a stale lock") });
    await held.close();
    // Closing the file released the lock: the same append now goes through.
    expect((await slow.append("plan", next)).version).toBe(3);
  });

  it("given a one-file store, then its one plan is named after the file, and an append decided on an old head is a conflict", async () => {
    const dir = folder();
    const { writer, file } = await planIn(dir);
    const single = NdjsonFileStore.file(file);
    expect(single.plan).toBe("plan");
    expect((await single.listPlans()).map((p) => [p.plan, p.version])).toEqual([["plan", 2]]);
    const stale = writer.fork();
    await single.append("plan", writer.next(reportCommands(2), metadataAt("2024-04-05T10:00:00+07:00", "report")));
    await expect(single.append("plan", stale.next(reportCommands(2, 1), metadataAt("2024-04-05T10:00:00+07:00", "report")))).rejects.toBeInstanceOf(StoreConflict);
    expect(NdjsonFileStore.file(join(dir, "RAPK 2024 final.ndjson")).plan).toBe("plan");
  });
});

describe("NDJSON folder store: the commit order", () => {
  const A = "loka-pom-rejang-lebong-2024";
  const B = "loka-pom-kabupaten-ketapang-2024";
  const same = "2024-03-05T10:00:00+07:00";

  /** A folder store holding the drafts of A and B, in that order, and their writers. */
  async function twoDrafted() {
    const dir = folder();
    const store = NdjsonFileStore.folder(dir);
    const a = new PlanWriter();
    const b = new PlanWriter();
    await store.append(A, a.next(draftCommands(), metadataAt(same, "draft")));
    await store.append(B, b.next(draftCommands(), metadataAt(same, "draft")));
    return { dir, store, a, b };
  }

  it("given versions of two plans recorded in the same second, appended interleaved, then readAll gives them in commit order and a position never moves", async () => {
    const dir = folder();
    const store = NdjsonFileStore.folder(dir);
    const a = new PlanWriter();
    const b = new PlanWriter();
    const order: [string, PlanWriter, boolean][] = [[A, a, true], [B, b, true], [A, a, false], [B, b, false], [B, b, false], [A, a, false]];
    const seen: string[][] = [];
    for (const [plan, writer, first] of order) {
      const version = writer.next(first ? draftCommands() : reportCommands(writer.head.version), metadataAt(same, first ? "draft" : "report"));
      await store.append(plan, version);
      // A reader catching up after every append: what it saw before is where it was.
      seen.push((await collect(store.readAll())).map((c) => `${c.position}:${c.plan}:${c.version.version}`));
    }
    for (const [index, now] of seen.entries()) expect(now.slice(0, index)).toEqual(seen[index - 1] ?? []);
    expect(seen.at(-1)).toEqual([`1:${A}:1`, `2:${B}:1`, `3:${A}:2`, `4:${B}:2`, `5:${B}:3`, `6:${A}:3`]);
  });

  it("given a one-file store on a log of the folder (as `rapk apply <log>` opens it), then its append takes the next position in the folder's order", async () => {
    const { dir, store, a, b } = await twoDrafted();
    await NdjsonFileStore.file(join(dir, `${A}.ndjson`)).append(A, a.next(reportCommands(1), metadataAt("2024-03-06T10:00:00+07:00", "report")));
    expect((await collect(store.readAll())).map((c) => [c.position, c.plan, c.version.version])).toEqual([
      [1, A, 1],
      [2, B, 1],
      [3, A, 2],
    ]);
  });

  it("given a folder of logs written before it kept an order, then it reads them by recording time, and its first append writes that order down and follows it", async () => {
    const dir = folder();
    const a = new PlanWriter();
    const b = new PlanWriter();
    // Written as one-file stores do, with no order kept in the folder.
    await NdjsonFileStore.file(join(dir, `${A}.ndjson`)).append(A, a.next(draftCommands(), metadataAt("2024-02-23T09:00:00+07:00", "draft")));
    await NdjsonFileStore.file(join(dir, `${B}.ndjson`)).append(B, b.next(draftCommands(), metadataAt("2024-02-22T09:00:00+07:00", "draft")));
    const store = NdjsonFileStore.folder(dir);
    const before = (await collect(store.readAll())).map((c) => [c.position, c.plan, c.version.version]);
    expect(before).toEqual([
      [1, B, 1],
      [2, A, 1],
    ]);
    await store.append(A, a.next(reportCommands(1), metadataAt("2024-02-24T09:00:00+07:00", "report")));
    expect((await collect(store.readAll())).map((c) => [c.position, c.plan, c.version.version])).toEqual([...before, [3, A, 2]]);
  });

  it("given a writer that died between its log and the folder's order, then that version is given from its plan's next append on, before it, and a line cut short at the order's end is cut", async () => {
    const { dir, store, a, b } = await twoDrafted();
    // Committed to A's log, never written down in the order, and the order's last line cut short.
    const orphan = a.next(reportCommands(1), metadataAt(same, "report"));
    appendFileSync(join(dir, `${A}.ndjson`), serializeVersion(orphan));
    appendFileSync(join(dir, ".rapk-commits.ndjson"), '{"plan":"loka-pom-rej');
    const described = async () => (await collect(NdjsonFileStore.folder(dir).readAll())).map((c) => [c.position, c.plan, c.version.version]);
    expect(await described()).toEqual([
      [1, A, 1],
      [2, B, 1],
    ]);
    await store.append(B, b.next(reportCommands(1), metadataAt(same, "report")));
    expect((await described()).length).toBe(3);
    await store.append(A, a.next(reportCommands(2), metadataAt(same, "report")));
    expect(await described()).toEqual([
      [1, A, 1],
      [2, B, 1],
      [3, B, 2],
      [4, A, 2],
      [5, A, 3],
    ]);
  });

  it("given a plan's log replaced by another (deleted and written again), then the old versions' lines give nothing, the new log's versions are given as they are appended, and the other plans keep their positions", async () => {
    const { dir, store, a } = await twoDrafted();
    await store.append(A, a.next(reportCommands(1), metadataAt(same, "report")));
    rmSync(join(dir, `${A}.ndjson`));
    const again = new PlanWriter();
    await store.append(A, again.next(draftCommands("Loka POM di Kabupaten Rejang Lebong (baru)"), metadataAt(same, "draft")));
    await store.append(A, again.next(reportCommands(1), metadataAt(same, "report")));
    const read = await collect(NdjsonFileStore.folder(dir).readAll());
    expect(read.map((c) => [c.position, c.plan, c.version.head])).toEqual([
      [2, B, (await collect(store.read(B)))[0]?.head],
      ...(await collect(store.read(A))).map((v, i) => [4 + i, A, v.head]),
    ]);
  });

  it("given a folder on a file system whose watcher says nothing (watch off), then a subscription still sees a commit by polling the logs' sizes", async () => {
    const dir = folder();
    const store = NdjsonFileStore.folder(dir, { pollMs: 50, watch: false });
    const subscription = store.subscribe();
    try {
      const given = subscription.next();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const version = new PlanWriter().next(draftCommands(), metadataAt(same, "draft"));
      await NdjsonFileStore.folder(dir).append(A, version);
      expect(await given).toMatchObject({ done: false, value: { position: 1, plan: A, version: { head: version.head } } });
    } finally {
      await subscription.close();
    }
  });
});

describe("NDJSON folder store: a subscription waiting", () => {
  it("given a subscription waiting for a commit, then its watcher and poll keep the process alive (a follower process does not end), and close releases both", async () => {
    const dir = folder();
    const count = (kind: string) => process.getActiveResourcesInfo().filter((name) => name === kind).length;
    const timers = count("Timeout");
    const watchers = count("FSEventWrap");
    const subscription = NdjsonFileStore.folder(dir, { pollMs: 60_000 }).subscribe();
    const waiting = subscription.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([count("Timeout") - timers, count("FSEventWrap") - watchers]).toEqual([1, 1]);
    await subscription.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    // A closed watcher's handle goes once the loop has turned.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([count("Timeout") - timers, count("FSEventWrap") - watchers]).toEqual([0, 0]);
  });
});
