// The page: keeps the text, asks the worker for analyses, shows the results and highlights
// what the user picks. Everything from the text reaches the DOM through textContent or text
// nodes, never as markup. Offsets in an analysis are UTF-16 code units, so
// `text.slice(start, end)` is the span.
import { createAnalyser } from './analyser.js';
import { renderView } from './view.js';
import { summaryAsMarkdown, summaryAsText } from './summary-text.js';

const STORE_KEY = 'precis.text';
const DEBOUNCE_MS = 200;
/** How often the elapsed time of a running analysis is updated. */
const PROGRESS_TICK_MS = 100;
/** Cancel is offered at once for texts this long (UTF-8 bytes), and for any text after CANCEL_AFTER_MS. */
const CANCEL_AT_BYTES = 50_000;
const CANCEL_AFTER_MS = 300;

const $ = (id) => document.getElementById(id);
const els = {
  text: $('text'),
  clear: $('clear'),
  cancel: $('cancel'),
  length: $('length'),
  status: $('status'),
  view: $('view'),
  summary: $('summary'),
  summaryCopy: $('summary-copy'),
  copyStatus: $('copy-status'),
  entities: $('entities'),
  quotes: $('quotes'),
  ignored: $('ignored'),
  notices: $('notices'),
};

const KIND_TITLES = { person: 'People', organization: 'Organisations', place: 'Places' };
const REASONS = {
  navigation: 'navigation',
  prompt: 'prompt',
  related: 'related headline',
  byline: 'byline',
  boilerplate: 'boilerplate',
  'too-long': 'past the length limit',
};

/** What is on screen: the text the results belong to, the results, and the picked item. */
const shown = { text: '', analysis: null, picked: null };
let debounceTimer = 0;
/** The analysis the status line counts up for: { timer, started, label, bytes }, or null. */
let progress = null;

// ---- storage: the text survives reloads; storage may be unavailable (private modes) ----

function load() {
  try {
    return localStorage.getItem(STORE_KEY) ?? '';
  } catch {
    return '';
  }
}

function save(text) {
  try {
    if (text) localStorage.setItem(STORE_KEY, text);
    else localStorage.removeItem(STORE_KEY);
  } catch {
    // Full or forbidden storage only costs persistence, not the analysis.
  }
}

// ---- status line ----

function setStatus(message, kind = '') {
  els.status.textContent = message;
  els.status.className = `status ${kind}`.trim();
}

/**
 * Registers sw.js, which keeps a copy of the page and the analyser for offline return visits.
 * Called once the analyser works: its files are then in the HTTP cache, so the copy costs
 * revalidations, not a second download, and a module that failed to load is never kept.
 * A refusal (private modes, workers disabled, file: pages) only costs the offline copy.
 */
function keepOfflineCopy() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {});
}

// ---- progress of a running analysis, and Cancel ----

const utf8 = new TextEncoder();

function sizeLabel(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tickProgress() {
  const elapsed = performance.now() - progress.started;
  setStatus(`Analysing ${progress.label}… ${(elapsed / 1000).toFixed(1)} s`, 'busy');
  els.cancel.hidden = !(progress.bytes >= CANCEL_AT_BYTES || elapsed >= CANCEL_AFTER_MS);
}

/** Shows "Analysing N KB… t s" (counting up) and, for long runs, the Cancel button. */
function startProgress(text) {
  stopProgress();
  const bytes = utf8.encode(text).length;
  progress = { started: performance.now(), bytes, label: sizeLabel(bytes), timer: 0 };
  progress.timer = setInterval(tickProgress, PROGRESS_TICK_MS);
  tickProgress();
}

function stopProgress() {
  if (progress) clearInterval(progress.timer);
  progress = null;
  els.cancel.hidden = true;
}

/** Stops the running analysis (its worker is replaced); the text stays in the box. */
function cancelAnalysis() {
  // Back to the box, where the user was: the next keystroke edits the text.
  if (document.activeElement === els.cancel) els.text.focus();
  clearTimeout(debounceTimer);
  analyser.abort();
  stopProgress();
  render(els.text.value, null, 0);
  setStatus('Analysis cancelled. Your text is kept: edit it, or pick a summary length, to analyse it again.');
}

const analyser = createAnalyser({
  onReady(version, restarted) {
    // After a crash the text stays as it was and is not sent again: it may be what stopped
    // the old worker. The next edit is analysed (and may already be waiting: show it).
    if (restarted) {
      if (analyser.busy) startProgress(els.text.value);
      return;
    }
    if (!els.text.value.trim()) setStatus(`Ready (Précis ${version}). Paste an article.`);
    schedule(0);
    keepOfflineCopy();
  },
  onFailed(error) {
    stopProgress();
    setStatus(`The analyser could not be loaded: ${error}`, 'error');
  },
  onCrash(error) {
    stopProgress();
    shown.analysis = null;
    setStatus(
      `The analyser stopped (${error}). It has been restarted; your text is kept. Edit it to try again.`,
      'error',
    );
  },
  onAnalysis(analysis, ms, text) {
    render(text, analysis, ms);
  },
});

// ---- input ----

function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(() => {
    const text = els.text.value;
    // Saved with the debounce, not per keystroke: a long text costs a few ms to store.
    save(text);
    if (!text.trim()) {
      analyser.cancel();
      stopProgress();
      render('', null, 0);
      if (analyser.ready) setStatus('Ready. Paste an article.');
      return;
    }
    if (analyser.failed) {
      render(text, null, 0); // no analyser: at least keep the view in step with the box
      return;
    }
    const sentences = els.length.value ? Number(els.length.value) : null;
    analyser.analyze(text, sentences);
    if (analyser.ready) startProgress(text);
  }, delay);
}

function onInput() {
  schedule();
}

/** Puts `str` in place of start..end of the box, keeping the browser's undo history when it can. */
function insertText(str, start, end) {
  const box = els.text;
  box.focus();
  box.setSelectionRange(start, end);
  // execCommand keeps undo working and fires the input event; setRangeText is the fallback.
  if (!document.execCommand('insertText', false, str)) {
    box.setRangeText(str, start, end, 'end');
    onInput();
  }
}

function onPaste(event) {
  const data = event.clipboardData;
  const html = data ? data.getData('text/html') : '';
  if (!html) return; // plain text: the browser pastes it as is
  event.preventDefault();
  const plain = data.getData('text/plain');
  const { selectionStart: start, selectionEnd: end } = els.text;
  setStatus('Reading the pasted page…', 'busy');
  analyser.htmlToText(html).then(
    (text) => insertText(text, start, end),
    () => insertText(plain, start, end),
  );
}

els.text.addEventListener('input', onInput);
// A reload within the debounce must not lose the last keystrokes.
addEventListener('pagehide', () => save(els.text.value));
els.text.addEventListener('paste', onPaste);
els.length.addEventListener('change', () => schedule(0));
els.cancel.addEventListener('click', cancelAnalysis);
els.text.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && progress) {
    event.preventDefault();
    cancelAnalysis();
  }
});
els.clear.addEventListener('click', () => {
  // Through insertText, so that Ctrl+Z brings the text back.
  insertText('', 0, els.text.value.length);
  save('');
  schedule(0);
});

// ---- results ----

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function snippet(text, max = 90) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A button that highlights `marks` ([{start, end, role}]) in the text view when pressed.
 * `parts` are [text, className] pairs making up its label.
 */
function itemButton(key, parts, marks, label) {
  const button = el('button', 'item');
  button.type = 'button';
  button.dataset.key = key;
  button.setAttribute('aria-pressed', String(shown.picked === key));
  for (const [text, cls] of parts) button.append(cls ? el('span', cls, text) : document.createTextNode(text));
  if (label) button.setAttribute('aria-label', label);
  button.addEventListener('click', () => pick(key, marks));
  return button;
}

function pick(key, marks) {
  shown.picked = shown.picked === key ? null : key;
  for (const b of document.querySelectorAll('button.item')) {
    b.setAttribute('aria-pressed', String(b.dataset.key === shown.picked));
  }
  const first = renderView(els.view, shown.text, shown.analysis, shown.picked ? marks : []);
  if (first) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function fill(list, empty, nodes) {
  list.replaceChildren(...nodes);
  empty.hidden = nodes.length > 0;
}

function renderSummary(text, a) {
  const items = a.summary.map((s, i) => {
    const li = el('li');
    li.append(itemButton(`summary:${i}`, [[text.slice(s.start, s.end).trim(), '']], [{ ...s, role: 'sentence' }]));
    return li;
  });
  fill(els.summary, $('summary-empty'), items);
  els.summaryCopy.hidden = items.length === 0;
  els.copyStatus.textContent = '';
}

/** The summary's sentences as shown, in text order. */
function summarySentences() {
  const a = shown.analysis;
  return a ? a.summary.map((s) => shown.text.slice(s.start, s.end)) : [];
}

async function copySummary(format) {
  const sentences = summarySentences();
  if (!sentences.length) return;
  const text = format === 'markdown' ? summaryAsMarkdown(sentences) : summaryAsText(sentences);
  try {
    await navigator.clipboard.writeText(text);
    els.copyStatus.textContent = format === 'markdown' ? 'Copied as Markdown.' : 'Copied as text.';
  } catch {
    // Clipboard access can be refused (permissions, an unfocused or insecure page); say so
    // rather than pretend, and the summary stays on screen to select by hand.
    els.copyStatus.textContent = 'Copying was refused by the browser: select the summary and copy it by hand.';
  }
}

$('copy-text').addEventListener('click', () => copySummary('text'));
$('copy-markdown').addEventListener('click', () => copySummary('markdown'));

function renderEntities(a) {
  const groups = [];
  for (const kind of ['person', 'organization', 'place']) {
    const list = a.entities
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.kind === kind)
      .sort((x, y) => y.e.mentions.length - x.e.mentions.length || x.i - y.i);
    if (!list.length) continue;
    const group = el('section', `group kind-${kind}`);
    group.append(el('h4', '', KIND_TITLES[kind]));
    const ul = el('ul', 'items chips');
    for (const { e, i } of list) {
      const n = e.mentions.length;
      const li = el('li');
      li.append(
        itemButton(
          `entity:${i}`,
          [[e.name, 'name'], [String(n), 'count']],
          e.mentions.map((m) => ({ ...m, role: 'mention' })),
          `${e.name}, ${n} mention${n === 1 ? '' : 's'}`,
        ),
      );
      ul.append(li);
    }
    group.append(ul);
    groups.push(group);
  }
  fill(els.entities, $('entities-empty'), groups);
}

function renderQuotes(text, a) {
  const bySpeaker = new Map();
  a.quotes.forEach((q, i) => {
    const who = q.speaker ? q.speaker.name : '';
    if (!bySpeaker.has(who)) bySpeaker.set(who, []);
    bySpeaker.get(who).push({ q, i });
  });
  // Named speakers first, in order of their first quote; unattributed quotes last.
  const order = [...bySpeaker.keys()].sort((x, y) => (x === '') - (y === ''));
  const groups = order.map((who) => {
    const group = el('section', 'group');
    group.append(el('h4', who ? '' : 'unknown', who || 'Speaker not found'));
    const ul = el('ul', 'items');
    for (const { q, i } of bySpeaker.get(who)) {
      const marks = [{ start: q.start, end: q.end, role: 'quote' }];
      if (q.speaker) marks.push({ start: q.speaker.start, end: q.speaker.end, role: 'speaker' });
      if (q.cue) marks.push({ start: q.cue.start, end: q.cue.end, role: 'cue' });
      const words = snippet(text.slice(q.start, q.end), 240);
      // Direct quotes get their marks back (the span leaves them out); reported speech has none.
      const parts = [[q.kind === 'direct' ? `“${words}”` : words, 'quote-text']];
      const said = [q.cue, q.speaker]
        .filter(Boolean)
        .sort((x, y) => x.start - y.start)
        .map((s) => text.slice(s.start, s.end))
        .filter(Boolean)
        .join(' ');
      if (said) parts.push([said, 'cue']);
      if (q.kind === 'indirect') parts.push(['reported', 'tag']);
      const li = el('li');
      li.append(itemButton(`quote:${i}`, parts, marks));
      ul.append(li);
    }
    group.append(ul);
    return group;
  });
  fill(els.quotes, $('quotes-empty'), groups);
}

function renderIgnored(text, a) {
  const items = a.ignored.map((g, i) => {
    const li = el('li');
    li.append(
      itemButton(
        `ignored:${i}`,
        [[REASONS[g.reason] ?? g.reason, 'reason'], [snippet(text.slice(g.start, g.end)), '']],
        [{ start: g.start, end: g.end, role: 'ignored' }],
      ),
    );
    return li;
  });
  fill(els.ignored, $('ignored-empty'), items);
}

function render(text, analysis, ms) {
  if (analysis) stopProgress();
  shown.text = text;
  shown.analysis = analysis;
  shown.picked = null;
  const a = analysis ?? { sentences: [], summary: [], entities: [], quotes: [], ignored: [], notices: [] };
  renderSummary(text, a);
  renderEntities(a);
  renderQuotes(text, a);
  renderIgnored(text, a);
  els.notices.replaceChildren(...(a.notices ?? []).map((n) => el('li', '', n)));
  renderView(els.view, text, analysis, []);
  if (analysis) {
    const chars = text.length.toLocaleString('en');
    const n = a.sentences.length;
    setStatus(`Analysed ${chars} characters, ${n} sentence${n === 1 ? '' : 's'}, in ${ms.toFixed(1)} ms.`, 'done');
  }
}

// ---- start ----

els.text.value = load();
renderView(els.view, els.text.value, null, []);
analyser.start();
