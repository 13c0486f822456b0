import type { Language } from "@rapk/core";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { AchievementPanel } from "./components/AchievementPanel.js";
import { BudgetPanel } from "./components/BudgetPanel.js";
import { ComparePanel } from "./components/ComparePanel.js";
import { DocumentView } from "./components/DocumentView.js";
import { FileOpener } from "./components/FileOpener.js";
import { FindingsPanel } from "./components/FindingsPanel.js";
import { LanguageSwitch } from "./components/LanguageSwitch.js";
import { Tabs } from "./components/Tabs.js";
import { Timeline } from "./components/Timeline.js";
import { TrustBanner } from "./components/TrustBanner.js";
import { I18nProvider, useI18n } from "./i18n/i18n.js";
import { type HistoryView, createHistoryView } from "./model/historyView.js";
import { MAX_FILE_BYTES, formatBytes } from "./model/limits.js";
import { type Loaded, type LoadFailure, type Loader, type SourceInput, sourceName } from "./model/source.js";

type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "loading"; readonly name: string }
  | { readonly kind: "failed"; readonly name: string; readonly error: LoadFailure | { code: "FILE_TOO_LARGE"; size: number } };

interface Opened {
  readonly loaded: Loaded;
  readonly view: HistoryView;
  readonly isDefault: boolean;
}

export interface AppProps {
  /** Opens a source (a Web Worker in the app, inline in tests). */
  readonly loader: Loader;
  /** The plan shown first: the bundled example history. */
  readonly initial?: SourceInput;
  readonly language?: Language;
}

type TabId = "document" | "compare" | "budget" | "achievement";

/** The viewer: open a plan's event log (or a published table), travel its versions, compare, check. */
export function App({ loader, initial, language: startLanguage = "id" }: AppProps) {
  const [language, setLanguage] = useState<Language>(startLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nProvider language={language}>
      <Viewer loader={loader} initial={initial} onLanguage={setLanguage} />
    </I18nProvider>
  );
}

function Viewer({ loader, initial, onLanguage }: { loader: Loader; initial: SourceInput | undefined; onLanguage: (language: Language) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [opened, setOpened] = useState<Opened | null>(null);
  const [version, setVersion] = useState(0);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [tab, setTab] = useState<TabId>("document");
  const [dragging, setDragging] = useState(false);
  const sequence = useRef(0);

  const open = useCallback(
    async (input: SourceInput, isDefault = false) => {
      const name = sourceName(input);
      const ticket = ++sequence.current;
      if ("file" in input && input.file.size > MAX_FILE_BYTES) {
        setStatus({ kind: "failed", name, error: { code: "FILE_TOO_LARGE", size: input.file.size } });
        return;
      }
      setStatus({ kind: "loading", name });
      const outcome = await loader(input);
      if (ticket !== sequence.current) return;
      if (!outcome.ok) {
        setStatus({ kind: "failed", name, error: outcome.error });
        return;
      }
      let view: HistoryView;
      try {
        view = createHistoryView(outcome.loaded.events);
      } catch (error) {
        // A log that cannot be replayed has failed verification too; its finding names the line.
        const verification = outcome.loaded.verification;
        const failure: LoadFailure =
          verification && !verification.ok
            ? { code: verification.code, message: verification.message, line: verification.line }
            : { code: "REPLAY_FAILED", message: error instanceof Error ? error.message : String(error) };
        setStatus({ kind: "failed", name, error: failure });
        return;
      }
      setOpened({ loaded: outcome.loaded, view, isDefault });
      setVersion(view.last);
      setCompare(null);
      setStatus({ kind: "idle" });
    },
    [loader],
  );

  useEffect(() => {
    if (initial) void open(initial, true);
  }, []);

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
      const file = event.dataTransfer?.files[0];
      if (file) void open({ file });
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [open]);

  const view = opened?.view;
  const current = view ? view.at(version) : null;
  const pair = compare ?? { from: Math.max(view?.versions[0]?.number ?? 0, version - 1), to: version };
  const tabs = useMemo(
    () => [
      { id: "document", label: t.tabDocument },
      { id: "compare", label: t.tabCompare },
      { id: "budget", label: t.tabBudget },
      { id: "achievement", label: t.tabAchievement },
    ],
    [t],
  );

  return (
    <>
      <header class="app-header">
        <div class="brand">
          <h1>{t.appTitle}</h1>
          <p class="subtitle">{t.appSubtitle}</p>
        </div>
        <div class="controls">
          <FileOpener onFile={(file) => void open({ file })} />
          <LanguageSwitch onChange={onLanguage} />
        </div>
      </header>
      <main>
        <StatusLine status={status} />
        {opened && (
          <section class="source" aria-label={t.source}>
            <p class="source-name">
              {t.source}: <strong>{opened.isDefault ? t.defaultSource : opened.loaded.name}</strong>
            </p>
            <TrustBanner verification={opened.loaded.verification} />
            {opened.loaded.origin === "import" && <FindingsPanel findings={opened.loaded.findings} />}
          </section>
        )}
        {view && current && (
          <div class="workspace">
            <Timeline versions={view.versions} current={version} onSelect={setVersion} />
            <div class="views">
              <Tabs label={t.views} tabs={tabs} selected={tab} onSelect={(id) => setTab(id as TabId)}>
                {tab === "document" && <DocumentView document={current.document} />}
                {tab === "compare" && <ComparePanel view={view} from={pair.from} to={pair.to} onChange={(from, to) => setCompare({ from, to })} />}
                {tab === "budget" && <BudgetPanel state={current.state} budget={current.budget} violations={current.violations} />}
                {tab === "achievement" && <AchievementPanel achievements={current.achievement} />}
              </Tabs>
            </div>
          </div>
        )}
      </main>
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          <p>{t.dropHere}</p>
        </div>
      )}
    </>
  );
}

function StatusLine({ status }: { status: Status }) {
  const { t } = useI18n();
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
        </div>
      )}
    </div>
  );
}
