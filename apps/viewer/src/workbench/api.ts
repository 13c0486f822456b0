import type { EvidenceRef, PlanRollup, PlanState } from "@rapk/core";

/** A plan the member belongs to, with the roll-up figures (GET /api/plans). */
export interface PlanRow extends PlanRollup {
  readonly plan: string;
  readonly version: number;
  readonly head: string;
  readonly role: string;
  readonly verified: boolean;
}

export interface SessionPlan {
  readonly plan: string;
  readonly member: string;
  readonly name: string;
  readonly role: string;
}

/** Who is signed in (POST/GET /api/session). */
export interface Session {
  readonly publicKey: string;
  readonly name: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly plans: readonly SessionPlan[];
}

export interface Challenge {
  readonly challenge: string;
  readonly message: string;
  readonly expiresAt: string;
}

/** A step the server prepared (decided, sealed, nothing written): the member signs `head`. */
export interface PreparedStep {
  readonly draft: string;
  readonly plan: string;
  readonly version: number;
  readonly head: string;
  readonly says: readonly string[];
  readonly expiresAt: string;
}

export interface CommittedStep {
  readonly plan: string;
  readonly version: number;
  readonly head: string;
  readonly signers: readonly { readonly publicKey: string; readonly fingerprint: string; readonly name?: string; readonly role?: string }[];
}

/** A proposal as GET .../proposals lists it. */
export interface ProposalRow {
  readonly proposal: number;
  readonly kind: string;
  readonly by: string;
  readonly status: string;
  readonly commands: number;
  readonly decidedBy?: string;
  readonly returnReason?: string;
}

/** What a step asks: a proposal of commands, or a decision on one. */
export type StepRequest =
  | { readonly step: "propose"; readonly kind: string; readonly reason?: string; readonly commands: readonly { readonly type: string; readonly data: unknown }[] }
  | { readonly step: "roster"; readonly reason?: string; readonly commands: readonly { readonly type: string; readonly data: unknown }[] }
  | { readonly step: "approve" | "withdraw"; readonly proposal: number; readonly reason?: string }
  | { readonly step: "return"; readonly proposal: number; readonly reason: string };

/** What the server's event stream says of a version that landed (GET .../events, event `version`). */
export interface LandedVersion {
  readonly plan: string;
  readonly version: number;
  readonly head: string;
  readonly kind: string | null;
  readonly actor: string | null;
  readonly signers: readonly { readonly publicKey: string }[];
}

/** A refusal as the server words it (`{"error": {"code", "message"}}`), with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The server's API as the workbench calls it; a test gives its own. */
export interface WorkbenchApi {
  session(): Promise<Session | null>;
  challenge(): Promise<Challenge>;
  signIn(body: { challenge: string; publicKey: string; signature: string }): Promise<Session>;
  signOut(): Promise<void>;
  plans(): Promise<readonly PlanRow[]>;
  state(plan: string): Promise<{ readonly version: number; readonly state: PlanState }>;
  proposals(plan: string): Promise<{ readonly version: number; readonly proposals: readonly ProposalRow[] }>;
  prepare(plan: string, expectVersion: number, step: StepRequest): Promise<PreparedStep>;
  commit(plan: string, draft: string, signature: string): Promise<CommittedStep>;
  uploadEvidence(plan: string, file: File): Promise<EvidenceRef>;
  /**
   * Follows the plan's new versions as they land, whoever wrote them (the server's Server-Sent
   * Events); the returned function stops following.
   */
  watch(plan: string, onVersion: (landed: LandedVersion) => void): () => void;
  /** Where a cited evidence file downloads from (the session's cookie goes with it). */
  evidenceUrl(plan: string, sha256: string): string;
}

const plainPath = (plan: string) => `/api/plans/${encodeURIComponent(plan)}`;

/**
 * The API on this page's own server: the session is its HttpOnly cookie (the page never sees
 * it), and every write carries the CSRF token the sign-in gave, from this page's origin.
 */
export function httpApi(base = ""): WorkbenchApi {
  let csrf: string | undefined;
  async function call<T>(path: string, init: { method?: string; json?: unknown; body?: BodyInit; type?: string } = {}): Promise<T> {
    const method = init.method ?? "GET";
    const headers: Record<string, string> = { accept: "application/json" };
    if (method !== "GET" && csrf !== undefined) headers["x-csrf-token"] = csrf;
    if (init.json !== undefined) headers["content-type"] = "application/json";
    if (init.type !== undefined) headers["content-type"] = init.type;
    const response = await fetch(base + path, {
      method,
      headers,
      credentials: "same-origin",
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
    });
    if (response.status === 204) return undefined as T;
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? response.statusText);
    return body as T;
  }
  const remember = (session: Session): Session => {
    csrf = session.csrfToken;
    return session;
  };
  return {
    async session() {
      try {
        return remember(await call<Session>("/api/session"));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    challenge: () => call<Challenge>("/api/session/challenge", { method: "POST" }),
    signIn: async (body) => remember(await call<Session>("/api/session", { method: "POST", json: body })),
    async signOut() {
      await call<void>("/api/session", { method: "DELETE" });
      csrf = undefined;
    },
    plans: async () => (await call<{ plans: PlanRow[] }>("/api/plans")).plans,
    state: (plan) => call(`${plainPath(plan)}/state`),
    proposals: (plan) => call(`${plainPath(plan)}/proposals`),
    prepare: (plan, expectVersion, step) => call(`${plainPath(plan)}/steps`, { method: "POST", json: { expectVersion, ...step } }),
    commit: (plan, draft, signature) => call(`${plainPath(plan)}/steps/${encodeURIComponent(draft)}`, { method: "POST", json: { signature } }),
    uploadEvidence: (plan, file) =>
      call(`${plainPath(plan)}/evidence?name=${encodeURIComponent(file.name)}`, { method: "POST", body: file, type: file.type || "application/octet-stream" }),
    watch(plan, onVersion) {
      if (typeof EventSource === "undefined") return () => undefined;
      // Same origin: the session's cookie goes with it; the browser reconnects with Last-Event-ID.
      const source = new EventSource(`${base}${plainPath(plan)}/events`);
      source.addEventListener("version", (event) => {
        try {
          onVersion(JSON.parse((event as MessageEvent<string>).data) as LandedVersion);
        } catch {
          // A line that is not the server's JSON is no version: ignored.
        }
      });
      return () => source.close();
    },
    evidenceUrl: (plan, sha256) => `${base}${plainPath(plan)}/evidence/${sha256}`,
  };
}
