// Types of precis-wasm. The generated bindings (pkg/precis.d.ts) type the results as `any`;
// these are their exact shapes. Offsets are UTF-16 code units: `text.slice(start, end)`.
import type { InitInput, InitOutput, SyncInitInput } from './pkg/precis.js';
export type { InitInput, InitOutput, SyncInitInput } from './pkg/precis.js';
export { htmlToText, version } from './pkg/precis.js';

/** A half-open stretch of the text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'organization' | 'place';

/** One person, organisation or place: `name` is the fullest form the text uses. */
export interface Entity {
  name: string;
  kind: EntityKind;
  mentions: Span[];
}

/** Who said a quote: the resolved person, and the words naming them here (e.g. "she"). */
export interface Speaker extends Span {
  name: string;
}

export interface Quote extends Span {
  /** direct: in quote marks (the span leaves the marks out); indirect: reported speech. */
  kind: 'direct' | 'indirect';
  speaker: Speaker | null;
  /** "said", "told", "according to"…; absent when there is none. */
  cue?: Span;
}

export type IgnoredReason = 'navigation' | 'prompt' | 'related' | 'byline' | 'boilerplate' | 'too-long';

/** A stretch set aside as not article text. */
export interface Ignored extends Span {
  reason: IgnoredReason;
}

export interface Analysis {
  /** Every sentence of the article text, in order. */
  sentences: Span[];
  /** The chosen sentences, in text order. */
  summary: Span[];
  /** In order of first mention. */
  entities: Entity[];
  quotes: Quote[];
  ignored: Ignored[];
  /** Messages for the user (e.g. a text over 2 MiB was analysed in part); absent when none. */
  notices?: string[];
  /** Only from analyzeHtml: the plain text derived from the HTML, which the offsets refer to. */
  text?: string;
}

/** Loads the module: fetches pkg/precis_bg.wasm next to this file unless given a URL, Response or bytes. */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;
export { init };
/** Loads the module from bytes or a compiled WebAssembly.Module, synchronously (Node, workers). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/** Analyses plain text. `sentences` fixes the summary length (default: chosen from the length). */
export function analyze(text: string, sentences?: number | null): Analysis;
/** Analyses HTML; the result carries `text`, the plain text its offsets refer to. */
export function analyzeHtml(html: string, sentences?: number | null): Analysis & { text: string };

export interface AnalyserHooks {
  /** The module is loaded (restarted: a worker that replaced a crashed one). */
  onReady?: (version: string, restarted: boolean) => void;
  /** The module could not be loaded at all. */
  onFailed?: (error: string) => void;
  /** The worker died or hung and was replaced. */
  onCrash?: (error: string) => void;
  /** Results for the latest text given to analyze(); results for older texts are dropped. */
  onAnalysis?: (analysis: Analysis, ms: number, text: string) => void;
  /** An analysis running longer is stopped (default 30000). */
  timeoutMs?: number;
  /** Where worker.js is (default: next to analyser.js). Must be same-origin with the page. */
  workerUrl?: URL | string;
}

/** Runs the analyser in a worker: at most one analysis in flight, the latest text wins. */
export interface Analyser {
  readonly ready: boolean;
  readonly failed: boolean;
  start(): void;
  analyze(text: string, sentences?: number | null): void;
  cancel(): void;
  stop(): void;
  htmlToText(html: string): Promise<string>;
}

export function createAnalyser(hooks: AnalyserHooks): Analyser;
