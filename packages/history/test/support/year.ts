import type { RevisionKind } from "@rapk/core";
import { type CommittedVersion, EMPTY_HEAD, type LogHead, type StoredEvent, appendRevision, headAfter, serializeVersions } from "../../src/index.js";
import { signVersion } from "../../src/signing.js";

/** A log written one revision at a time, each version signed by the given keys, as the CLI writes it. */
export class Year {
  versions: CommittedVersion[] = [];
  private events: StoredEvent[] = [];
  private head: LogHead = EMPTY_HEAD;
  private day = 1;
  write(kind: RevisionKind, commands: readonly unknown[], signers: readonly string[], extra: { by?: string; reference?: string } = {}): CommittedVersion {
    const at = `2024-03-${String(this.day).padStart(2, "0")}T09:00:00+07:00`;
    this.day += 1;
    const appended = appendRevision(this.events, { meta: { actor: "Loka POM", reason: "year", kind, ...extra }, commands }, { now: () => at, head: this.head });
    if (!appended.ok) throw new Error(`${appended.error.code}: ${appended.error.message}`);
    const signed = signers.reduce((version, key) => signVersion(version, key), appended.sealed);
    this.versions.push(signed);
    this.events.push(...signed.events);
    this.head = headAfter(signed);
    return signed;
  }
  get text(): string {
    return serializeVersions(this.versions);
  }
}

