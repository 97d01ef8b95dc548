// The summary as text to take elsewhere: plain prose or a Markdown list. Pure functions of
// the summary's sentences, so they are the same wherever the summary is shown.

/** Runs of white space (line breaks from the pasted page among them) read as one space. */
const flat = (s) => s.replace(/\s+/g, ' ').trim();

/** The sentences as one paragraph, in text order, as a reader would quote them. */
export function summaryAsText(sentences) {
  return sentences.map(flat).filter(Boolean).join(' ');
}

/**
 * The sentences as a Markdown bullet list. Pasted text is data, not markup: characters that
 * Markdown reads as emphasis, links, code or HTML are escaped, and so is a line start that
 * would turn the item into a heading, a quote, a nested list or a numbered list.
 */
export function summaryAsMarkdown(sentences) {
  return sentences
    .map(flat)
    .filter(Boolean)
    .map((s) => {
      const escaped = s
        .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
        .replace(/^([#>+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
      return `- ${escaped}`;
    })
    .join('\n');
}
