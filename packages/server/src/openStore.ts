import { stat } from "node:fs/promises";
import type { EventStore } from "@rapk/store";
import { NdjsonFileStore } from "@rapk/store/file";

export interface OpenedServerStore {
  readonly store: EventStore;
  /** The argument as a log line may show it (a postgres URL's password hidden). */
  readonly shown: string;
}

/**
 * The store `rapk serve <store>` names: a `postgres://` URL (the pg client loaded only then), or
 * a folder of `<plan>.ndjson` logs, which is created by nothing here: it must exist.
 */
export async function openServerStore(arg: string): Promise<OpenedServerStore> {
  if (/^postgres(ql)?:\/\//i.test(arg)) {
    const { PostgresEventStore, StoreUrl } = await import("@rapk/store-postgres");
    const url = StoreUrl.parse(arg);
    return { store: await PostgresEventStore.open(url), shown: url.shown };
  }
  const found = await stat(arg).catch(() => undefined);
  if (!found?.isDirectory()) throw new TypeError(`${arg}: expected a folder of <plan>.ndjson logs or a postgres:// URL`);
  return { store: NdjsonFileStore.folder(arg), shown: arg };
}
