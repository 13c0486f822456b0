/**
 * docs/api.md: what the API is, then the OpenAPI document `GET /openapi.json` serves, whole. A
 * test compares the two, so the checked-in copy cannot drift from the server.
 */
export function apiMarkdown(document: unknown): string {
  return `# The server's API

\`rapk serve\` ([server.md](server.md)) answers a JSON API under \`/api/\` and describes it at
\`GET /openapi.json\` (OpenAPI ${(document as { openapi?: string }).openapi ?? "3"}). Below is that document as this version
serves it; \`pnpm --filter @rapk/server api-doc\` writes this file again after a change to a route,
and a test (packages/server/test/openapi.test.ts) fails while the two differ.

- **Errors** are \`{"error": {"code", "message"}}\`: 400 a malformed request (the field named), 401
  signed out, 403 refused (not a member of the plan, a role that may not, a write from another
  site or without the CSRF token), 404 no such plan or version, 409 a log that does not verify or
  moved on, 413 a body too large, 429 too many sign-in attempts (\`Retry-After\`), 500 the server
  failed (nothing more is said; the server's log says what).
- **Sign-in**: \`POST /api/session/challenge\`, sign its \`message\` (UTF-8) with the member's
  Ed25519 key, \`POST /api/session\` with the challenge, the public key and the signature. The
  answer sets the session cookie and gives the CSRF token.
- **Writes** carry the site's \`Origin\` and the session's token in \`X-CSRF-Token\`.

\`\`\`json
${JSON.stringify(document, null, 2)}
\`\`\`
`;
}
