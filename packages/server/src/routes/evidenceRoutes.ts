import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { EVIDENCE_MAX_BYTES, EvidenceRef } from "@rapk/core";
import { evidenceCited } from "@rapk/history";
import { READERS, STEP_TAKERS } from "../access/access.js";
import { ApiError } from "../http/apiError.js";
import { HEX64, PlanParam, refusals } from "./schemas.js";
import type { RouteModule } from "./routeTable.js";

/** The path an upload takes: its body may be as large as an evidence file, not the API's 1 MiB. */
export const EVIDENCE_UPLOAD = /^\/api\/plans\/[^/]+\/evidence$/;


const Reference = z
  .object({ name: z.string(), mediaType: z.string(), size: z.number().int(), sha256: HEX64 })
  .openapi("EvidenceRef", { description: "what a report's `evidence` cites (core's EvidenceRef): put it in the report command of the step that cites the file" });

const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** `filename*=` as RFC 6266 has it: the name percent-encoded as UTF-8, so no quote or line break can end the header. */
const attachment = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export const evidenceRoutes: RouteModule = (app, table, parts) => {
  app.openapi(
    table.guard(
      createRoute({
        method: "post",
        path: "/api/plans/{plan}/evidence",
        summary: "Keep an evidence file (bukti dukung) beside the plan's log, before the report that cites it is proposed",
        description:
          "The body is the file's bytes (at most 20 MB), its Content-Type the file's media type, `name` its file name (no folders). The file is kept under its SHA-256, as `rapk propose --evidence` keeps it; the answer is the reference a report command cites (`evidence: [ref]`). A file no landed version cites is kept but never given out.",
        tags: ["evidence"],
        request: {
          params: PlanParam,
          query: z.object({ name: z.string().openapi({ description: "the file's name as the report cites it", example: "kwitansi-juni.pdf" }) }),
          body: { required: true, content: { "application/octet-stream": { schema: z.string().openapi({ type: "string", format: "binary" }) } } },
        },
        responses: { 201: { description: "kept", content: { "application/json": { schema: Reference } } }, ...refusals(400, 401, 403, 404, 413) },
      }),
      STEP_TAKERS,
    ),
    async (c) => {
      const { plan } = c.req.valid("param");
      const { name } = c.req.valid("query");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const mediaType = (c.req.header("content-type") ?? "application/octet-stream").split(";")[0]?.trim().toLowerCase() ?? "";
      const checked = EvidenceRef.safeParse({ name, mediaType, size: bytes.byteLength, sha256: sha256Of(bytes) });
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new ApiError(400, "EVIDENCE_INVALID", `${issue?.path.join(".") === "mediaType" ? "Content-Type" : issue?.path.join(".")}: ${issue?.message ?? "is not valid"}`);
      }
      await parts.store.putEvidence(plan, checked.data.sha256, bytes);
      return c.json(checked.data, 201);
    },
  );

  app.openapi(
    table.guard(
      createRoute({
        method: "get",
        path: "/api/plans/{plan}/evidence/{sha256}",
        summary: "An evidence file the plan's reports (or proposals) cite, checked against its SHA-256",
        tags: ["evidence"],
        request: { params: PlanParam.extend({ sha256: HEX64.openapi({ param: { name: "sha256", in: "path" } }) }) },
        responses: {
          200: { description: "the file, as an attachment with its recorded name and media type", content: { "application/octet-stream": { schema: z.string().openapi({ type: "string", format: "binary" }) } } },
          ...refusals(400, 401, 403, 404, 409),
        },
      }),
      READERS,
    ),
    async (c) => {
      const { plan, sha256 } = c.req.valid("param");
      const read = await parts.plans.verified(plan);
      const cited = evidenceCited(read.versions.flatMap((version) => version.events)).find(({ ref }) => ref.sha256 === sha256);
      if (cited === undefined) throw new ApiError(404, "EVIDENCE_NOT_FOUND", `no report or proposal of plan ${plan} cites a file with SHA-256 ${sha256}`);
      const bytes = await parts.store.getEvidence(plan, sha256);
      if (bytes === undefined) throw new ApiError(404, "EVIDENCE_MISSING", `the plan cites ${JSON.stringify(cited.ref.name)} (SHA-256 ${sha256}), which is not kept beside its log`);
      if (sha256Of(bytes) !== sha256 || bytes.byteLength !== cited.ref.size)
        throw new ApiError(409, "EVIDENCE_CHANGED", `the file kept under SHA-256 ${sha256} no longer hashes to it: it was changed after it was recorded; it is not given out`);
      return c.body(new Uint8Array(bytes), 200, { "content-type": cited.ref.mediaType, "content-disposition": attachment(cited.ref.name), "content-length": String(bytes.byteLength) });
    },
  );
};

/** The body limit of an evidence upload: the largest file rapk keeps. */
export const EVIDENCE_BODY_LIMIT = EVIDENCE_MAX_BYTES;
