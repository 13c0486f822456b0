import { openHistory } from "@rapk/history";
import { SHAPES, generateHistory } from "./generate.js";
import { heapUsedMiB, percentile, time } from "./measure.js";
import { createRandom } from "./random.js";
import { toStoredEvents } from "./storedLog.js";

const events = toStoredEvents(generateHistory(SHAPES.agency));
for (const interval of (process.env.INTERVALS ?? "2048,256").split(",").map(Number)) {
  const before = heapUsedMiB();
  let h: ReturnType<typeof openHistory> | undefined;
  const open = await time(() => { h = openHistory(events, { checkpointInterval: interval }); });
  const held = heapUsedMiB() - before;
  const random = createRandom(42);
  const opened = h!;
  h = undefined;
  for (let i = 0; i < 200; i++) opened.stateAtSeq(random.int(0, events.length));
  const out: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 2000; i++) { const n = random.int(0, events.length); const c = process.cpuUsage(); out.push(await time(() => opened.stateAtSeq(n))); const d = process.cpuUsage(c); cpu.push((d.user + d.system) / 1000); }
  const slow: string[] = [];
  for (let i = 0; i < 2000; i++) { const n = random.int(0, events.length); const c = process.cpuUsage(); const t = await time(() => opened.stateAtSeq(n)); const d = process.cpuUsage(c); if (t > 1e9) { const vs = opened.versions[(events[n-1]?.version ?? 1) - 1]!; slow.push(`${n}(v${events[n-1]?.version} ${events[n-1]?.type} +${n - vs.firstSeq + 1}/${vs.lastSeq - vs.firstSeq + 1}) ${t.toFixed(1)}`); } }
  const gcBefore = performance.now();
  console.log("slow:", slow.join(", "));
  console.log(`  cpu p50 ${percentile(cpu, 50).toFixed(2)} p90 ${percentile(cpu, 90).toFixed(2)} p99 ${percentile(cpu, 99).toFixed(2)}`);
  console.log(`interval ${interval}: open ${open.toFixed(0)} ms, held ${held.toFixed(0)} MiB, p50 ${percentile(out, 50).toFixed(2)} p90 ${percentile(out, 90).toFixed(2)} p99 ${percentile(out, 99).toFixed(2)} ms`);
  h = undefined;
  opened.versions.length;
}
