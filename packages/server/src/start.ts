import { type ServerType, serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import type { ServerOptions } from "./options.js";

export interface StartOptions extends ServerOptions {
  /** Default 127.0.0.1: only this machine; a reverse proxy on it serves others. */
  readonly host?: string;
  /** Default 8080; 0 takes a free one. */
  readonly port?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:8080` */
  readonly url: string;
  readonly port: number;
  /** Stops taking requests and ends the open ones (a live stream included). */
  close(): Promise<void>;
}

/** Starts the server on a loopback address unless told otherwise. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { app } = createApp(options);
  const host = options.host ?? "127.0.0.1";
  let server: ServerType | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, (info) => resolve(info));
    server.once("error", reject);
  });
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        const http = server as unknown as { close(cb: () => void): void; closeAllConnections?: () => void };
        http.close(() => resolve());
        http.closeAllConnections?.();
      }),
  };
}
