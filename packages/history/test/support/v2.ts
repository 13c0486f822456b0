import { type CommittedVersion, EMPTY_HEAD, type LogHead, type StoredEvent, headAfter, sealVersion, serializeVersions, versionMetadataOfV1 } from "../../src/index.js";
import { signVersion } from "../../src/signing.js";
import { storyLog } from "./plan.js";

/**
 * The story (storyLog's five versions) as a v2 log: each version sealed with its commit record,
 * recorded a day after it took effect. `sign` signs every version with that secret key.
 */
export function storyV2(sign?: string): CommittedVersion[] {
  const byVersion = new Map<number, StoredEvent[]>();
  for (const event of storyLog()) byVersion.set(event.version, [...(byVersion.get(event.version) ?? []), event]);
  let head: LogHead = EMPTY_HEAD;
  return [...byVersion.values()].map((events) => {
    const v1 = versionMetadataOfV1((events[0] as StoredEvent).metadata);
    const recordedAt = new Date(Date.parse(v1.effectiveAt) + 86_400_000).toISOString();
    const sealed = sealVersion(head, events, { ...v1, recordedAt });
    head = headAfter(sealed);
    return sign ? signVersion(sealed, sign) : sealed;
  });
}

export function storyV2Text(sign?: string): string {
  return serializeVersions(storyV2(sign));
}
