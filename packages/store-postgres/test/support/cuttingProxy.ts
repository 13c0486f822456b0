import { type AddressInfo, type Server, type Socket, createConnection, createServer } from "node:net";

/**
 * Where the proxy cuts the first session that sends COMMIT: `before-commit` drops it with the
 * COMMIT unsent (the server rolls back), `after-commit` passes COMMIT on and drops the session once
 * the server has answered it (committed, but the client never hears so), `after-commit-then-down`
 * does that and then refuses every new connection, as a server that went away would.
 */
export type Cut = "before-commit" | "after-commit" | "after-commit-then-down";

/**
 * A TCP proxy in front of the test's PostgreSQL server that reads the frontend protocol (startup,
 * then typed messages) and cuts one session at the COMMIT of an append (a transaction that wrote
 * a commit record), the one moment a kill from outside cannot hit on purpose. Every other session
 * passes through untouched.
 */
export class CuttingProxy {
  private armed: Cut | undefined;
  private readonly sockets = new Set<Socket>();
  /** How many sessions were cut (1 once the armed cut happened). */
  cuts = 0;

  private constructor(
    private readonly server: Server,
    /** A URL like the server's, through the proxy. */
    readonly url: string,
  ) {}

  static async start(serverUrl: string): Promise<CuttingProxy> {
    const upstream = new URL(serverUrl);
    let proxy: CuttingProxy | undefined;
    const server = createServer((client) => proxy?.session(client, upstream.hostname, Number(upstream.port || 5432)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const through = new URL(serverUrl);
    through.hostname = "127.0.0.1";
    through.port = String((server.address() as AddressInfo).port);
    proxy = new CuttingProxy(server, through.toString());
    return proxy;
  }

  /** Cuts the next session that sends COMMIT, this way. */
  arm(cut: Cut): void {
    this.armed = cut;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(client: Socket, host: string, port: number): void {
    const server = createConnection({ host, port });
    for (const socket of [client, server]) {
      this.sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        this.sockets.delete(socket);
        client.destroy();
        server.destroy();
      });
    }
    let pending = Buffer.alloc(0);
    let started = false;
    let awaitingCommitReply = false;
    let reply = "";
    // Only an append's COMMIT is cut (its transaction wrote a commit record), not a read's.
    let appending = false;
    server.on("data", (chunk: Buffer) => {
      if (!awaitingCommitReply) {
        client.write(chunk);
        return;
      }
      // The server answered COMMIT (CommandComplete "COMMIT"): the version is in; the client never learns it.
      reply += chunk.toString("latin1");
      if (reply.includes("COMMIT\0")) this.cut(client, server);
    });
    client.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        // The startup message (and an SSL request before it) has no type byte; every later one has.
        const header = started ? 5 : 4;
        if (pending.length < header) return;
        const length = pending.readInt32BE(started ? 1 : 0) + (started ? 1 : 0);
        if (pending.length < length) return;
        const message = pending.subarray(0, length);
        pending = pending.subarray(length);
        if (!started) {
          const isSslRequest = length === 8 && message.readInt32BE(4) === 80877103;
          started = !isSslRequest;
          server.write(message);
          continue;
        }
        const text = message[0] === 0x51 || message[0] === 0x50 ? message.subarray(5).toString("utf8") : "";
        if (/INSERT INTO rapk_commits/i.test(text)) appending = true;
        const isCommit = message[0] === 0x51 && text.replace(/\0$/, "").trim().toUpperCase() === "COMMIT";
        if (isCommit && appending && this.armed !== undefined) {
          const cut = this.armed;
          this.armed = undefined;
          if (cut === "before-commit") return this.cut(client, server);
          awaitingCommitReply = true;
          if (cut === "after-commit-then-down") this.server.close();
        }
        server.write(message);
      }
    });
  }

  private cut(client: Socket, server: Socket): void {
    this.cuts++;
    client.destroy();
    server.destroy();
  }
}
