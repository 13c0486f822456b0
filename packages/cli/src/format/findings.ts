import { formatMeasure } from "@rapk/core";
import type { Finding, Language, PlanState } from "@rapk/core";
import type { Version } from "@rapk/history";
import { type StateJson, stateToJson } from "../stateToJson.js";

const WORDS = {
  en: {
    none: "findings: none",
    findings: (n: number, summary: string) => `findings: ${n} (${summary})`,
    imported: (v: number, name: string, size: string, sha: string, importer: string) =>
      `version ${v} was imported from ${name} (${size} bytes, SHA-256 ${sha}) by ${importer}`,
  },
  id: {
    none: "temuan: tidak ada",
    findings: (n: number, summary: string) => `temuan: ${n} (${summary})`,
    imported: (v: number, name: string, size: string, sha: string, importer: string) =>
      `versi ${v} diimpor dari ${name} (${size} byte, SHA-256 ${sha}) oleh ${importer}`,
  },
} as const;

/**
 * What the importer found, for people: the count by code first (what kinds of trouble), then each
 * finding's message in `language`, which opens with its line (and page), with its code for
 * programs and its subject.
 */
export function findingLines(findings: readonly Finding[], language: Language, list = true): string[] {
  if (findings.length === 0) return [WORDS[language].none];
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  const summary = [...counts].sort(([a], [b]) => a.localeCompare(b, "en")).map(([code, n]) => `${code} ${n}`);
  const head = WORDS[language].findings(findings.length, summary.join(", "));
  if (!list) return [head];
  return [head, ...[...findings].sort((a, b) => a.line - b.line).map((f) => `  ${f.code}${f.subject ? ` [${f.subject}]` : ""}: ${f.message[language]}`)];
}

/**
 * What a version records about an import, read from the log: the source file (name, size,
 * SHA-256), the importer, and its findings: each one, or (`list` false) their count by code.
 * Nothing for a version that is not an import.
 */
export function importRecordLines(version: Version, language: Language, list = true): string[] {
  if (version.source === undefined && version.findings === undefined) return [];
  const lines: string[] = [];
  if (version.source)
    lines.push(WORDS[language].imported(version.number, version.source.name, formatMeasure(version.source.size), version.source.sha256, version.importer ?? "?"));
  if (version.findings) lines.push(...findingLines(version.findings, language, list));
  return lines;
}

/** Whether a version records an import (a source file or findings): what `show` and `verify` print of a log's imports. */
export function recordsImport(version: Version): boolean {
  return version.source !== undefined || version.findings !== undefined;
}

/** The versions up to `version` that record an import: what `show` prints after the plan. */
export function importsUpTo(versions: readonly Version[], version: number): Version[] {
  return versions.filter((v) => v.number <= version && recordsImport(v));
}

/** The findings of the versions up to `version`, as `show --json` gives them: code, line (page), subject, message in both languages. */
export function findingsUpTo(versions: readonly Version[], version: number): Finding[] {
  return versions.filter((v) => v.number <= version).flatMap((v) => v.findings ?? []);
}

/** `show --json` and `export --format json`: the plan as of `version` and the findings recorded up to it. */
export function planJson(state: PlanState, version: number, versions: readonly Version[]): StateJson & { readonly findings: Finding[] } {
  return { ...stateToJson(state, version), findings: findingsUpTo(versions, version) };
}
