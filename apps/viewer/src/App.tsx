import type { Language, Message } from "@rapk/core";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { printLayout, revisionAt } from "@rapk/report";
import { AchievementPanel } from "./components/AchievementPanel.js";
import { Actions } from "./components/Actions.js";
import { PrintRoot } from "./components/PrintRoot.js";
import { BudgetPanel } from "./components/BudgetPanel.js";
import { ComparePanel } from "./components/ComparePanel.js";
import { DocumentView } from "./components/DocumentView.js";
import { FileOpener } from "./components/FileOpener.js";
import { FindingsPanel } from "./components/FindingsPanel.js";
import { LanguageSwitch } from "./components/LanguageSwitch.js";
import { Tabs } from "./components/Tabs.js";
import { Timeline } from "./components/Timeline.js";
import { TrustBanner } from "./components/TrustBanner.js";
import { UnverifiedMark } from "./components/Unverified.js";
import { I18nProvider, useI18n } from "./i18n/i18n.js";
import { type HistoryView, createHistoryView } from "./model/historyView.js";
import { withEvidence } from "./model/droppedFiles.js";
import { MAX_FILE_BYTES, formatBytes } from "./model/limits.js";
import { type EvidenceChecked, signerText } from "./model/signing.js";
import { type Loaded, type LoadFailure, type Loader, type Pins, type SourceInput, type Verification, sourceName } from "./model/source.js";
import { type BundledSource, type TabId, type UrlState, decodeUrlState, encodeUrlState } from "./model/urlState.js";

type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "loading"; readonly name: string }
  | { readonly kind: "failed"; readonly name: string; readonly error: LoadFailure | { code: "FILE_TOO_LARGE"; size: number } };

interface Opened {
  readonly loaded: Loaded;
  readonly view: HistoryView;
  readonly isDefault: boolean;
  /** Which bundled source it is, when it is one (so a link can name it). */
  readonly bundled?: BundledSource;
}

/** A second plan opened to compare with. */
export interface Other {
  readonly name: string;
  readonly view: HistoryView;
  readonly bundled?: BundledSource;
  /** Its own chain check: the comparison says whether the other file can be trusted too. */
  readonly verification?: Verification | null;
}

export interface AppProps {
  /** Opens a source (a Web Worker in the app, inline in tests). */
  readonly loader: Loader;
  /** The plan shown first: the bundled example history. */
  readonly initial?: SourceInput;
  readonly language?: Language;
  /** The sources bundled with the app, which a link can name (`#src=example`, `#other=seed`). */
  readonly bundled?: Partial<Record<BundledSource, SourceInput>>;
  /** Read and keep the view's state in the page's URL hash (the app does; component tests need not). */
  readonly syncUrl?: boolean;
  /** What the plans opened are pinned to (a root key, the head they must end at); a link's `#root=` and `#head=` in the app. */
  readonly pins?: Pins;
}

/** The viewer: open a plan's event log (or a published table), travel its versions, compare, check. */
export function App({ loader, initial, language: startLanguage = "id", bundled = {}, syncUrl = false, pins }: AppProps) {
  const [language, setLanguage] = useState<Language>(startLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nProvider language={language}>
      <Viewer loader={loader} initial={initial} onLanguage={setLanguage} bundled={bundled} syncUrl={syncUrl} startPins={pins} />
    </I18nProvider>
  );
}

interface ViewerProps {
  loader: Loader;
  initial: SourceInput | undefined;
  onLanguage: (language: Language) => void;
  bundled: Partial<Record<BundledSource, SourceInput>>;
  syncUrl: boolean;
  startPins: Pins | undefined;
}

function Viewer({ loader, initial, onLanguage, bundled, syncUrl, startPins }: ViewerProps) {
  const { t } = useI18n();
  // What the link asked for, read once: applied as the sources it names open.
  const asked = useRef<UrlState>(syncUrl ? decodeUrlState(window.location.hash) : {});
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [opened, setOpened] = useState<Opened | null>(null);
  const [version, setVersion] = useState(0);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(asked.current.from !== undefined && asked.current.to !== undefined ? { from: asked.current.from, to: asked.current.to } : null);
  const [tab, setTab] = useState<TabId>(asked.current.tab ?? "document");
  const [quarter, setQuarter] = useState(asked.current.quarter ?? 2);
  // The pins every plan opened here is checked against, kept until the reader changes them.
  const [pins, setPins] = useState<Pins>(() => startPins ?? { ...(asked.current.root ? { root: asked.current.root } : {}), ...(asked.current.head ? { expectHead: asked.current.head } : {}) });
  const pinsNow = useRef(pins);
  pinsNow.current = pins;
  // What was opened last, to open it again with other pins.
  const lastOpened = useRef<{ input: SourceInput; isDefault: boolean; which: BundledSource | undefined } | null>(null);
  const [other, setOther] = useState<Other | null>(null);
  // The evidence files the reader gave for the log shown (its `.evidence` folder), checked in the Evidence tab.
  const [evidenceFiles, setEvidenceFiles] = useState<readonly File[]>([]);
  // What the check of those files found, by digest (the Evidence tab checks them; the timeline says it).
  const [evidenceChecked, setEvidenceChecked] = useState<EvidenceChecked | null>(null);
  const giveEvidence = (files: readonly File[]) => {
    setEvidenceFiles(files);
    setEvidenceChecked(null);
  };
  const [otherError, setOtherError] = useState<string | null>(null);
  /** Why the earlier versions of a large log never came (the worker failed after the newest plan). */
  const [restError, setRestError] = useState<string | null>(null);
  const [cleared, setCleared] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Counts the arrivals of a large log's earlier plans (see `rest`), so the page renders again.
  const [, setArrivals] = useState(0);
  // The file being opened: opening another aborts it, so only the latest file's outcome is shown.
  const opening = useRef<AbortController | null>(null);
  const openedNow = useRef(opened);
  openedNow.current = opened;

  const fail = (name: string, error: LoadFailure | { code: "FILE_TOO_LARGE"; size: number }) => {
    // What stays on screen must be the file just opened: a failure closes the previous plan.
    setStatus({ kind: "failed", name, error });
    setCleared((was) => was || openedNow.current !== null);
    setOpened(null);
    setOther(null);
  };

  const open = useCallback(
    async (input: SourceInput, isDefault = false, which?: BundledSource, evidence: readonly File[] = []) => {
      const name = sourceName(input);
      opening.current?.abort();
      const controller = new AbortController();
      opening.current = controller;
      if ("file" in input && input.file.size > MAX_FILE_BYTES) {
        fail(name, { code: "FILE_TOO_LARGE", size: input.file.size });
        return;
      }
      setStatus({ kind: "loading", name });
      lastOpened.current = { input, isDefault, which };
      const pinned = pinsNow.current;
      const outcome = await loader(pinned.root || pinned.expectHead ? { ...input, pins: pinned } : input, controller.signal);
      if (controller.signal.aborted) return;
      if (!outcome.ok) {
        fail(name, outcome.error);
        return;
      }
      const view = createHistoryView(outcome.loaded.history);
      const wanted = asked.current;
      const first = view.versions[0]?.number ?? 0;
      const fits = (v: number | undefined) => v !== undefined && v >= first && v <= view.last;
      setOpened(which === undefined ? { loaded: outcome.loaded, view, isDefault } : { loaded: outcome.loaded, view, isDefault, bundled: which });
      setVersion(fits(wanted.version) ? wanted.version! : view.last);
      setCompare(wanted.other === undefined && fits(wanted.from) && fits(wanted.to) ? { from: wanted.from!, to: wanted.to! } : null);
      setOther(null);
      giveEvidence(evidence);
      if (evidence.length > 0) setTab("evidence");
      setCleared(false);
      setRestError(null);
      setStatus({ kind: "idle" });
      // The newest plan is on screen; the others follow (and are kept only if this view still is).
      if (outcome.rest)
        void outcome.rest.then(
          (states) => {
            view.receive(states);
            setArrivals((n) => n + 1);
          },
          // Said, not left "arriving" for ever: the newest plan stays, the others cannot be shown.
          (error: unknown) => {
            if (!controller.signal.aborted) setRestError(error instanceof Error ? error.message : String(error));
          },
        );
      if (wanted.other !== undefined && bundled[wanted.other]) void openOther(bundled[wanted.other]!, wanted.other, { from: wanted.from, to: wanted.to, mine: view });
      // The link's wishes apply to the first plan opened only.
      asked.current = {};
    },
    [loader],
  );

  /** Opens a second plan to compare this one with; its failure is said, and this plan stays. */
  const openOther = async (input: SourceInput, which?: BundledSource, wanted: { from?: number | undefined; to?: number | undefined; mine?: HistoryView } = {}) => {
    const name = sourceName(input);
    setOtherError(null);
    const outcome = await loader(input);
    if (!outcome.ok) {
      setOtherError(t.otherFailed(name));
      return;
    }
    const view = createHistoryView(outcome.loaded.history);
    // Any of the other plan's versions may be compared at once: it is shown when all are here.
    if (outcome.rest) {
      const states = await outcome.rest.catch(() => undefined);
      if (states === undefined) {
        setOtherError(t.otherFailed(name));
        return;
      }
      view.receive(states);
    }
    const verification = outcome.loaded.verification;
    setOther(which === undefined ? { name, view, verification } : { name, view, bundled: which, verification });
    const mine = wanted.mine ?? openedNow.current?.view;
    const from = wanted.from !== undefined && mine && wanted.from <= mine.last ? wanted.from : mine?.last ?? 0;
    const to = wanted.to !== undefined && wanted.to <= view.last ? wanted.to : view.last;
    setCompare({ from, to });
    setTab("compare");
  };

  useEffect(() => {
    const source = asked.current.source;
    if (source !== undefined && bundled[source]) void open(bundled[source]!, true, source);
    else if (initial) void open(initial, true, syncUrl ? "example" : undefined);
  }, []);

  // The view's state, in the URL: a link opens the same view (replaceState: no history entry per click).
  useEffect(() => {
    if (!syncUrl || !opened) return;
    const state: { -readonly [K in keyof UrlState]: UrlState[K] } = { version, tab };
    if (opened.bundled !== undefined) state.source = opened.bundled;
    if (compare && (tab === "compare" || other)) {
      state.from = compare.from;
      state.to = compare.to;
    }
    if (other?.bundled !== undefined) state.other = other.bundled;
    if (tab === "quarter") state.quarter = quarter;
    if (pins.root) state.root = pins.root;
    if (pins.expectHead) state.head = pins.expectHead;
    const hash = encodeUrlState(state);
    if (hash !== window.location.hash) window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
  }, [syncUrl, opened, version, tab, compare, other, quarter, pins]);

  /** Checks the plan shown again against other pins, at the same version. */
  const repin = (next: Pins) => {
    const last = lastOpened.current;
    setPins(next);
    pinsNow.current = next;
    if (!last) return;
    asked.current = { version };
    void open(last.input, last.isDefault, last.which);
  };

  // Files chosen or dropped together: the log opens, the others are the evidence given with it (or, with a plan open, all evidence of it).
  const openFiles = useCallback(
    (files: readonly File[]) => {
      const { source, evidence } = withEvidence(files, openedNow.current !== null);
      if (source) return void open({ file: source }, false, undefined, evidence);
      giveEvidence(evidence);
      setTab("evidence");
    },
    [open],
  );

  // Dropping a file anywhere opens it; the overlay says so while dragging.
  useEffect(() => {
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes("Files");
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) openFiles(files);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [openFiles]);

  const view = opened?.view;
  const current = view?.has(version) ? view.at(version) : null;
  const pair = compare ?? { from: Math.max(view?.versions[0]?.number ?? 0, version - 1), to: version };
  // A version whose plan has not arrived yet (a large log's) shows that it is on its way.
  const arriving = (v: number) =>
    restError === null ? (
      <p class="arriving">{t.versionArriving(v)}</p>
    ) : (
      <p role="alert" class="load-error">
        {t.versionUnavailable(v)}
      </p>
    );
  const needed = tab === "compare" ? (other ? [pair.from] : [pair.from, pair.to]) : [version];
  const missing = view ? needed.find((v) => !view.has(v)) : undefined;
  const tabs = useMemo(
    () => [
      { id: "document", label: t.tabDocument },
      { id: "compare", label: t.tabCompare },
      { id: "budget", label: t.tabBudget },
      { id: "achievement", label: t.tabAchievement },
      { id: "quarter", label: t.tabQuarter },
      { id: "roster", label: t.tabRoster },
      { id: "evidence", label: t.tabEvidence },
    ],
    [t],
  );
  // The quarter, roster and evidence panels load when their tab is first opened: most visits never do.
  const QuarterPanel = useLoaded(tab === "quarter", async () => (await import("./components/QuarterPanel.js")).QuarterPanel);
  const RosterPanel = useLoaded(tab === "roster", async () => (await import("./components/RosterPanel.js")).RosterPanel);
  const EvidencePanel = useLoaded(tab === "evidence", async () => (await import("./components/EvidencePanel.js")).EvidencePanel);
  // Where each proposal stands in the newest version (a large log's newest plan is the one always here).
  const statusOf = useMemo(() => {
    const newest = view?.has(view.last) ? view.at(view.last).state : undefined;
    return (proposal: number) => newest?.proposals[String(proposal)]?.status;
  }, [view]);
  // The print layout of a national plan is megabytes of HTML: it is made only when printing, not
  // at every step of the timeline (where it cost more than the rest of the page together).
  // Its footer says who signed the version, as rapk print's does; for a log that does not verify,
  // NOT VERIFIED with the problem and no head (a head the log claims is no evidence).
  const problem = opened?.loaded.verification?.ok === false ? opened.loaded.verification.error : undefined;
  const provenance = useMemo(() => {
    if (!view || !current) return null;
    const signers = opened?.loaded.history.signing?.[version - 1]?.signers.map((signer) => signerText(signer)).join(", ");
    return { ...view.provenance(version), ...(signers ? { signers } : {}), ...(problem ? { unverified: `line ${problem.line}: ${problem.code}` } : {}) };
  }, [view, current, version, opened, problem]);
  const layoutOf = useMemo(() => (view && current && provenance ? () => printLayout(current.state, provenance, revisionAt(view.versions, version)) : null), [view, current, version, provenance]);
  const [printing, setPrinting] = useState(false);
  const [printAsked, setPrintAsked] = useState(0);
  // Another document to print than the plan (the quarterly report's layout, its HTML), until the printing ends.
  const [printDocument, setPrintDocument] = useState<string | null>(null);
  const printNow = (html: string | null) => {
    setPrintDocument(html);
    setPrinting(true);
    setPrintAsked((n) => n + 1);
  };
  useEffect(() => {
    const start = () => setPrinting(true);
    const end = () => {
      setPrinting(false);
      setPrintDocument(null);
    };
    window.addEventListener("beforeprint", start);
    window.addEventListener("afterprint", end);
    return () => {
      window.removeEventListener("beforeprint", start);
      window.removeEventListener("afterprint", end);
    };
  }, []);
  // The print button: the layout is rendered first, then the browser prints it.
  useLayoutEffect(() => {
    if (printAsked > 0) window.print();
  }, [printAsked]);
  // A log that fails any check: every print says so on every page, and nothing is downloaded.
  const verification = opened?.loaded.verification;
  const mark = verification && !verification.ok ? t.notVerifiedStamp(verification.error.line, verification.error.code) : undefined;
  const signatures = useMemo(() => (opened?.loaded.history.signing ?? []).reduce((n, signing) => n + signing.signers.length, 0), [opened]);
  const baseName = opened ? `${(opened.isDefault ? "rapk-loka-pom-rejang-lebong-2024" : opened.loaded.name.replace(/\.[^.]*$/, "")).replace(/[^\w.-]+/g, "-")}-v${version}` : "rapk";

  return (
    <UnverifiedMark.Provider value={mark}>
      <header class="app-header">
        <div class="brand">
          <h1>{t.appTitle}</h1>
          <p class="subtitle">{t.appSubtitle}</p>
        </div>
        <div class="controls">
          <FileOpener onFile={(file) => void open({ file })} onFiles={openFiles} />
          <LanguageSwitch onChange={onLanguage} />
        </div>
      </header>
      <main>
        <StatusLine status={status} cleared={cleared} />
        {opened && (
          <section class="source" aria-label={t.source}>
            <p class="source-name">
              {t.source}: <strong>{opened.isDefault ? t.defaultSource : opened.loaded.name}</strong>
            </p>
            <TrustBanner verification={opened.loaded.verification} signatures={signatures} pins={opened.loaded.origin === "log" ? pins : undefined} />
            {(opened.loaded.origin === "import" || opened.loaded.imported || opened.loaded.findings.length > 0) && (
              <FindingsPanel findings={opened.loaded.findings} imported={opened.loaded.imported} open={opened.loaded.origin === "import"} />
            )}
          </section>
        )}
        {view && (
          <div class="workspace">
            <Timeline
              versions={view.versions} current={version} onSelect={setVersion} inForceOn={view.inForceOn} knownOn={view.knownOn} arriving={!view.complete && restError === null}
              signing={opened?.loaded.history.signing}
              statusOf={statusOf}
              evidenceChecked={evidenceChecked}
            />
            {restError !== null && (
              <p role="alert" class="load-error">
                {t.versionsFailed(restError)}
              </p>
            )}
            <div class="views">
              {layoutOf && current && (
                <Actions
                  state={current.state}
                  layoutOf={layoutOf}
                  baseName={baseName}
                  onPrint={() => printNow(null)}
                />
              )}
              <Tabs label={t.views} tabs={tabs} selected={tab} onSelect={(id) => setTab(id as TabId)}>
                {missing !== undefined && arriving(missing)}
                {missing === undefined && current && tab === "document" && <DocumentView document={current.document} />}
                {missing === undefined && tab === "compare" && (
                  <ComparePanel
                    view={view}
                    from={pair.from}
                    to={pair.to}
                    onChange={(from, to) => setCompare({ from, to })}
                    other={other}
                    otherError={otherError}
                    onOpenOther={(file) => void openOther({ file })}
                    onOpenSeed={bundled.seed ? () => void openOther(bundled.seed!, "seed") : undefined}
                    onCloseOther={() => {
                      setOther(null);
                      setCompare(null);
                    }}
                    baseName={baseName}
                  />
                )}
                {missing === undefined && current && tab === "budget" && <BudgetPanel state={current.state} budget={current.budget} violations={current.violations} />}
                {missing === undefined && current && tab === "achievement" && <AchievementPanel achievements={current.achievement} />}
                {missing === undefined && current && tab === "quarter" &&
                  (QuarterPanel ? (
                    <QuarterPanel state={current.state} quarter={quarter} onQuarter={setQuarter} baseName={baseName} provenance={provenance ?? undefined} onPrint={printNow} />
                  ) : (
                    <p class="arriving">{t.loading}</p>
                  ))}
                {missing === undefined && current && tab === "roster" && (RosterPanel ? <RosterPanel state={current.state} version={version} pins={pins} onPin={repin} /> : <p class="arriving">{t.loading}</p>)}
                {tab === "evidence" &&
                  (EvidencePanel ? (
                    <EvidencePanel signing={opened?.loaded.history.signing ?? []} logName={opened?.loaded.name ?? ""} files={evidenceFiles} onFiles={giveEvidence} onChecked={setEvidenceChecked} />
                  ) : (
                    <p class="arriving">{t.loading}</p>
                  ))}
              </Tabs>
            </div>
          </div>
        )}
      </main>
      {printing && layoutOf && <PrintRoot layoutOf={layoutOf} html={printDocument ?? undefined} />}
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          <p>{t.dropHere}</p>
        </div>
      )}
    </UnverifiedMark.Provider>
  );
}

/** What `load` gives, once `needed` has first been true (a panel's component, loaded when its tab is opened); null until it came. */
function useLoaded<T>(needed: boolean, load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<{ readonly value: T } | null>(null);
  useEffect(() => {
    if (needed && loaded === null) void load().then((value) => setLoaded({ value }));
  }, [needed, loaded]);
  return loaded?.value ?? null;
}

function StatusLine({ status, cleared }: { status: Status; cleared: boolean }) {
  const { t, language } = useI18n();
  const code = status.kind === "failed" && "code" in status.error ? status.error.code : undefined;
  // The explanations load only when a file fails (plainError.ts).
  const [plain, setPlain] = useState<{ code: string; message: Message | undefined } | null>(null);
  useEffect(() => {
    if (code === undefined) return;
    let current = true;
    void import("./model/plainError.js").then(({ plainError }) => current && setPlain({ code, message: plainError(code) }));
    return () => {
      current = false;
    };
  }, [code]);
  const explained = plain !== null && plain.code === code ? plain.message : undefined;
  return (
    <div class="status-line">
      <p role="status" class="loading">
        {status.kind === "loading" ? t.reading(status.name) : ""}
      </p>
      {status.kind === "failed" && (
        <div role="alert" class="load-error">
          <p>
            <strong>{t.fileFailed(status.name)}</strong>
          </p>
          <p>
            {"size" in status.error
              ? t.fileTooLarge(formatBytes(status.error.size), formatBytes(MAX_FILE_BYTES))
              : status.error.code === "FILE_EMPTY"
                ? t.fileEmpty
                : (
                    <>
                      {status.error.line !== undefined && <>{t.atLine(status.error.line)}: </>}
                      <code>{status.error.code}</code> {status.error.message}
                    </>
                  )}
          </p>
          {explained && <p class="plain-error">{explained[language]}</p>}
          {cleared && <p>{t.planCleared}</p>}
        </div>
      )}
    </div>
  );
}
