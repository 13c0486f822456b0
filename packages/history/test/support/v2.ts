import { type CommittedVersion, EMPTY_HEAD, FORMAT_V2, type FormatTag, type LogHead, type StoredEvent, headAfter, sealVersion, serializeVersions, versionMetadataOfV1 } from "../../src/index.js";
import { signVersion } from "../../src/signing.js";
import { storyLog } from "./plan.js";

/**
 * The story (storyLog's five versions) as a v2 log (or `format`'s): each version sealed with its commit record,
 * recorded a day after it took effect. `sign` signs every version with that secret key.
 */
export function storyV2(sign?: string, format: FormatTag = FORMAT_V2): CommittedVersion[] {
  const byVersion = new Map<number, StoredEvent[]>();
  for (const event of storyLog()) byVersion.set(event.version, [...(byVersion.get(event.version) ?? []), event]);
  let head: LogHead = EMPTY_HEAD;
  return [...byVersion.values()].map((events) => {
    const v1 = versionMetadataOfV1((events[0] as StoredEvent).metadata);
    const recordedAt = new Date(Date.parse(v1.effectiveAt) + 86_400_000).toISOString();
    const sealed = sealVersion(head, events, { ...v1, recordedAt }, format);
    head = headAfter(sealed);
    return sign ? signVersion(sealed, sign) : sealed;
  });
}

export function storyV2Text(sign?: string, format: FormatTag = FORMAT_V2): string {
  return serializeVersions(storyV2(sign, format));
}

/** The story as a v3 log, as rapk writes it now. */
export const storyV3 = (sign?: string) => storyV2(sign, "rapk/3");
export const storyV3Text = (sign?: string) => storyV2Text(sign, "rapk/3");
