// Writes docs/api.md from the OpenAPI document the built server serves (pnpm --filter @rapk/server api-doc).
import { writeFileSync } from "node:fs";
import { MemoryEventStore } from "@rapk/store";
import { apiMarkdown, createApp } from "../dist/index.js";

const { app } = createApp({ store: new MemoryEventStore() });
const document = await (await app.request("/openapi.json")).json();
writeFileSync(new URL("../../../docs/api.md", import.meta.url), apiMarkdown(document));
