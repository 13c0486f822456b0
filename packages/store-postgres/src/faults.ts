import { isRapkError } from "@rapk/core";
import { StoreError } from "@rapk/store";
import type pg from "pg";

// SQLSTATEs (PostgreSQL appendix A) that rapk says in plain words.
const LOCK_NOT_AVAILABLE = "55P03"; // lock_timeout passed
const QUERY_CANCELED = "57014"; // statement_timeout passed
const INSUFFICIENT_PRIVILEGE = "42501";
const CANNOT_CONNECT_NOW = "57P03"; // the server is starting up or shutting down
// The server ended the session (pg_terminate_backend, a shutdown, a crash) or the socket broke.
const SESSION_ENDED = new Set(["57P01", "57P02", "08000", "08003", "08006", "08001", "08004"]);
const SOCKET_ENDED = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTCONN"]);
const REFUSED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", CANNOT_CONNECT_NOW]);

const codeOf = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code as string | undefined;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/** Whether the connection itself is gone (the server ended it, or the socket broke), rather than a statement failing. */
export function isConnectionLost(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (SESSION_ENDED.has(code) || SOCKET_ENDED.has(code))) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error|terminating connection/i.test(messageOf(error));
}

/** Whether a connection was refused before anything was sent, so that trying again is safe. */
export function isRefused(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && REFUSED.has(code);
}

/**
 * A PostgreSQL or socket error as a store error in plain words, naming the server (`where`, its
 * password hidden): a lock not granted in time is LOCKED (as a file log's held lock), a statement
 * past its timeout STORE_TIMEOUT, a missing grant STORE_PERMISSION_DENIED, a dropped connection
 * CONNECTION_LOST, a refused one STORE_UNAVAILABLE. rapk's own errors pass as they are.
 */
export function storeFault(error: unknown, where: string, doing: string): unknown {
  if (isRapkError(error)) return error;
  const code = codeOf(error);
  if (code === LOCK_NOT_AVAILABLE) return new StoreError("LOCKED", `${doing}: another transaction held the plan's lock past lock_timeout at ${where}; nothing was written`);
  if (code === QUERY_CANCELED) return new StoreError("STORE_TIMEOUT", `${doing}: PostgreSQL at ${where} did not finish within statement_timeout; nothing was written`);
  if (code === INSUFFICIENT_PRIVILEGE) return new StoreError("STORE_PERMISSION_DENIED", `${doing}: PostgreSQL at ${where} refused: ${messageOf(error)}`);
  if (isConnectionLost(error)) return new StoreError("CONNECTION_LOST", `${doing}: the connection to PostgreSQL at ${where} was lost (${messageOf(error)})`);
  if (isRefused(error)) return new StoreError("STORE_UNAVAILABLE", `${doing}: cannot connect to PostgreSQL at ${where}: ${messageOf(error)}`);
  return error;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The waits between attempts to connect when the server refuses: nothing was sent, so trying again is safe. */
export const CONNECT_BACKOFF_MS = [100, 300, 900] as const;

/** A connection from the pool, trying again with back-off while the server refuses (it is starting, or restarting). */
export async function connectWithRetry(pool: pg.Pool, backoff: readonly number[] = CONNECT_BACKOFF_MS): Promise<pg.PoolClient> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await pool.connect();
    } catch (error) {
      if (!isRefused(error) || attempt >= backoff.length) throw error;
      await pause(backoff[attempt] as number);
    }
  }
}
