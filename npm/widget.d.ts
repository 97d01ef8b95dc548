// Importing 'precis-wasm/widget' defines <precis-summary>.
import type { Analysis } from './index.js';

export class PrecisSummary extends HTMLElement {
  /** The text summarised: set it to summarise a string (wins over `for` and the element's text). */
  text: string;
  /** The latest Analysis shown (UTF-16 offsets into the text it was made from), or null. */
  readonly analysis: Analysis | null;
  /** Summarises `text` and shows it; rejects with an AbortError if another text comes first. */
  analyze(text: string): Promise<Analysis>;
}

declare global {
  interface HTMLElementTagNameMap {
    'precis-summary': PrecisSummary;
  }
  interface HTMLElementEventMap {
    'precis-ready': CustomEvent<{ version: string }>;
    'precis-analysis': CustomEvent<{ analysis: Analysis; text: string; ms: number }>;
    'precis-error': CustomEvent<{ error: string }>;
  }
}
