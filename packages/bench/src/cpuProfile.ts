/** A V8 CPU profile as the DevTools protocol and `node --cpu-prof` write it (the parts read here). */
export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }[];
  readonly samples: readonly number[];
}

/** The functions that most samples were in (self time), as `share % name (file:line)`. */
export function topFrames(profile: CpuProfile, count = 12): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const hits = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id);
    if (!frame) continue;
    const file = frame.url.split("/").pop() ?? "";
    const key = `${frame.functionName || "(anonymous)"}${file ? ` (${file}:${frame.lineNumber + 1})` : ""}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  return [...hits.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${((100 * n) / total).toFixed(1)} % ${key}`);
}
