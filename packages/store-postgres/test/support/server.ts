import pg from "pg";
import { inject } from "vitest";

/** The test server's URL; throws, naming what is missing, when globalSetup could not start one. */
export function serverUrl(): string {
  const url = inject("postgresUrl");
  if (!url) throw new Error(`no PostgreSQL server for the tests: ${inject("postgresError")}`);
  return url;
}

let count = 0;

/**
 * A fresh, empty database on the test server, so that test files running side by side never see
 * each other's plans. Returns its URL.
 */
export async function freshDatabase(name = "t"): Promise<string> {
  const url = new URL(serverUrl());
  const database = `${name}_${process.pid}_${Date.now().toString(36)}_${count++}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${database}`;
  return url.toString();
}
