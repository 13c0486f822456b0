import type { ProposalStatus } from "@rapk/core";
import type { Version } from "@rapk/history";
import { useEffect, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { formatDate } from "../model/format.js";
import type { EvidenceChecked, VersionSigning } from "../model/signing.js";
import { VersionSigners } from "./Signers.js";

// Long enough to read what changed, short enough that six months play in a few seconds.
const PLAY_STEP_MS = 900;

/**
 * The versions of the history: a slider (arrow keys step, Home/End jump: the native range
 * input does it), play and pause, and the list of versions that jumps on click, filtered by kind.
 */
export function Timeline({
  versions,
  current,
  onSelect,
  inForceOn,
  knownOn,
  arriving = false,
  signing = [],
  statusOf = () => undefined,
  evidenceChecked,
}: {
  versions: readonly Version[];
  current: number;
  onSelect: (version: number) => void;
  /** The version in force on a date (effectiveAt), 0 when none. */
  inForceOn: (date: string) => number;
  /** The version the log knew on a date (recordedAt), 0 when none. */
  knownOn: (date: string) => number;
  /** Whether the plans of earlier versions are still on their way (a large log's newest plan comes first). */
  arriving?: boolean;
  /** Who signed each version (`signing[n - 1]`), as the verification read it. */
  signing?: readonly VersionSigning[];
  /** Where a proposal stands in the newest version: a proposal still pending is marked. */
  statusOf?: (proposal: number) => ProposalStatus | undefined;
  /** What the Evidence tab found of the files given, by digest. */
  evidenceChecked?: EvidenceChecked | null;
}) {
  const { t, language } = useI18n();
  const [playing, setPlaying] = useState(false);
  const [noneOn, setNoneOn] = useState<string | null>(null);
  const [kind, setKind] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const first = versions[0]?.number ?? 0;
  const last = versions[versions.length - 1]?.number ?? 0;
  const selected = versions.find((v) => v.number === current);

  useEffect(() => {
    if (!playing) return;
    if (current >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onSelect(current + 1), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, current, last]);

  useEffect(() => {
    const item = list.current?.querySelector<HTMLElement>("[aria-current]");
    if (item && typeof item.scrollIntoView === "function") item.scrollIntoView({ block: "nearest" });
  }, [current]);

  const togglePlay = () => {
    if (!playing && current >= last) onSelect(first);
    setPlaying(!playing);
  };
  // A date asks for a version on one of the two axes; the slider then shows it.
  const ask = (question: (date: string) => number) => (event: Event) => {
    const date = (event.target as HTMLInputElement).value;
    if (date === "") return;
    const version = question(date);
    setNoneOn(version === 0 ? date : null);
    if (version > 0) onSelect(version);
  };
  const kinds = [...new Set(versions.map((v) => v.kind))];
  // In a log that carries signatures, a version without one says so.
  const signedLog = signing.some((s) => s.signers.length > 0 || s.unproven.length > 0);
  const shown = kind === "" ? versions : versions.filter((v) => v.kind === kind);
  const kindLabel = (k: string) => t.kind[k] ?? k;
  const describe = (v: Version) => `${formatDate(v.effectiveAt, language)} · ${kindLabel(v.kind)}`;

  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.timeline}</h2>
      <div class="scrubber">
        <button type="button" class={playing ? "play playing" : "play"} onClick={togglePlay} disabled={versions.length < 2}>
          <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> {playing ? t.pause : t.play}
        </button>
        <label for="version-slider" class="slider-label">
          {t.version}
        </label>
        <input
          id="version-slider"
          type="range"
          min={first}
          max={last}
          step={1}
          value={current}
          disabled={versions.length === 0}
          aria-valuetext={selected ? `${t.versionOf(current, last)}: ${describe(selected)}` : t.versionOf(current, last)}
          onInput={(event) => onSelect(Number((event.target as HTMLInputElement).value))}
        />
      </div>
      {arriving && (
        <p class="arriving" role="status">
          {t.versionsArriving}
        </p>
      )}
      <output for="version-slider" class="slider-value">
        {t.versionOf(current, last)}
        {selected ? ` · ${describe(selected)}` : ""}
      </output>
      <div class="dates">
        <label>
          {t.inForceOn} <input type="date" disabled={versions.length === 0} onChange={ask(inForceOn)} />
        </label>
        <label>
          {t.knownOn} <input type="date" disabled={versions.length === 0} onChange={ask(knownOn)} />
        </label>
        {noneOn !== null && (
          <p class="empty" role="status">
            {t.noneYet(formatDate(noneOn, language))}
          </p>
        )}
      </div>
      <div class="filter">
        <label for="kind-filter">{t.filterKind}</label>{" "}
        <select id="kind-filter" value={kind} onChange={(event) => setKind((event.target as HTMLSelectElement).value)}>
          <option value="">{t.allKinds}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </div>
      <h3 class="sr-only">{t.versions}</h3>
      {shown.length === 0 ? (
        <p class="empty">{t.noVersions}</p>
      ) : (
        <ol class="versions" ref={list} aria-label={t.versions}>
          {shown.map((v) => (
            <li key={v.number}>
              <button type="button" class={`version kind-${v.kind}`} aria-current={v.number === current ? "step" : undefined} onClick={() => onSelect(v.number)}>
                <span class="v-number">{v.number}</span>
                <span class="v-date">{formatDate(v.effectiveAt, language)}</span>
                <span class="v-kind">{kindLabel(v.kind)}</span>
                <span class="v-actor" title={v.actor}>
                  {v.actor}
                </span>
                <span class="v-reason">{v.reason}</span>
                <VersionSigners signing={signing[v.number - 1]} statusOf={statusOf} signedLog={signedLog} evidenceChecked={evidenceChecked} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
