/** The tabs of the viewer, in order. */
export const TAB_IDS = ["document", "compare", "budget", "achievement", "quarter", "roster", "evidence"] as const;
export type TabId = (typeof TAB_IDS)[number];

/**
 * What a link to the viewer carries in its hash, so it opens the same view: the source when it
 * is bundled with the app (a file from the user's disk cannot be named in a link), the version,
 * the tab, the compare pair (and a bundled second plan compared with), the quarter.
 */
export interface UrlState {
  /** `example`: the bundled history; `seed`: the bundled seed as imported. */
  readonly source?: BundledSource;
  readonly version?: number;
  readonly tab?: TabId;
  readonly from?: number;
  readonly to?: number;
  /** A bundled second plan in the comparison. */
  readonly other?: BundledSource;
  readonly quarter?: number;
  /** The root key the log is pinned to (`rapk verify --root`), 64 hex digits. */
  readonly root?: string;
  /** The head the log must end at (`--expect-head`), 64 hex digits. */
  readonly head?: string;
}

export const BUNDLED_SOURCES = ["example", "seed"] as const;
export type BundledSource = (typeof BUNDLED_SOURCES)[number];

const count = (text: string | null, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  if (text === null || !/^\d{1,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
};
/** A key or a hash: 64 hex digits, written lowercase as rapk writes them. */
const hex64 = (text: string | null): string | undefined => (text !== null && /^[0-9a-fA-F]{64}$/.test(text) ? text.toLowerCase() : undefined);
const oneOf = <T extends string>(text: string | null, values: readonly T[]): T | undefined => (values as readonly (string | null)[]).includes(text) ? (text as T) : undefined;

/** `#src=example&v=5&tab=compare&from=3&to=5`; fields left out are not written. */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.source !== undefined) params.set("src", state.source);
  if (state.version !== undefined) params.set("v", String(state.version));
  if (state.tab !== undefined) params.set("tab", state.tab);
  if (state.from !== undefined) params.set("from", String(state.from));
  if (state.to !== undefined) params.set("to", String(state.to));
  if (state.other !== undefined) params.set("other", state.other);
  if (state.quarter !== undefined) params.set("q", String(state.quarter));
  if (state.root !== undefined) params.set("root", state.root);
  if (state.head !== undefined) params.set("head", state.head);
  const text = params.toString();
  return text === "" ? "" : `#${text}`;
}

/** Reads a hash written by {@link encodeUrlState}; anything it does not recognise is left out, never an error. */
export function decodeUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state: { -readonly [K in keyof UrlState]: UrlState[K] } = {};
  const source = oneOf(params.get("src"), BUNDLED_SOURCES);
  if (source !== undefined) state.source = source;
  const version = count(params.get("v"));
  if (version !== undefined) state.version = version;
  const tab = oneOf(params.get("tab"), TAB_IDS);
  if (tab !== undefined) state.tab = tab;
  const from = count(params.get("from"));
  if (from !== undefined) state.from = from;
  const to = count(params.get("to"));
  if (to !== undefined) state.to = to;
  const other = oneOf(params.get("other"), BUNDLED_SOURCES);
  if (other !== undefined) state.other = other;
  const quarter = count(params.get("q"), 4);
  if (quarter !== undefined && quarter >= 1) state.quarter = quarter;
  const root = hex64(params.get("root"));
  if (root !== undefined) state.root = root;
  const head = hex64(params.get("head"));
  if (head !== undefined) state.head = head;
  return state;
}
