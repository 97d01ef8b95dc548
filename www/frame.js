// The iframe variant of <precis-summary>, for host pages whose CSP does not allow WebAssembly:
// this page runs on our origin, under our CSP, and the host only posts it the article's text.
//
//   frame.html?parent=https://news.example[&parent=…][&sentences=2][&theme=dark][&names=off][&quotes=off][&label=…]
//
// `parent` lists the origins allowed to send text (repeat it, or separate with commas). Messages
// from any other origin, or from any window but our parent, are ignored. Replies go to the
// parent's origin only (postMessage's targetOrigin), never to "*".
//
// In (from the parent):  { type: 'precis-text', text, sentences? }
// Out (to the parent):   { type: 'precis-frame-ready' }           once this page can take text
//                        { type: 'precis-resize', height }        the content height, in CSS pixels
//                        { type: 'precis-analysis', analysis }    UTF-16 offsets into the text sent
//                        { type: 'precis-error', error }
import './widget.js';

const params = new URLSearchParams(location.search);
const ATTRIBUTES = ['sentences', 'theme', 'names', 'quotes', 'label', 'collapsed'];

/** The origins allowed to post text; malformed entries and opaque origins are dropped. */
export function allowedOrigins(search) {
  const found = new Set();
  for (const value of new URLSearchParams(search).getAll('parent')) {
    for (const item of value.split(/[\s,]+/)) {
      try {
        const { origin } = new URL(item);
        if (origin !== 'null') found.add(origin);
      } catch {
        // not a URL: ignored
      }
    }
  }
  return found;
}

const allowed = allowedOrigins(location.search);
const widget = document.querySelector('precis-summary');
for (const name of ATTRIBUTES) if (params.has(name)) widget.setAttribute(name, params.get(name));

// Where replies go: the embedding page's origin when the browser tells us (and it is allowed),
// else, once text arrives, the origin that sent it.
let parentOrigin = null;
if (location.ancestorOrigins) {
  const ancestor = location.ancestorOrigins[0];
  if (allowed.has(ancestor)) parentOrigin = ancestor;
} else if (allowed.size === 1) {
  [parentOrigin] = allowed; // delivered only if the parent really is it
}

function tell(message) {
  if (parentOrigin && window.parent !== window) window.parent.postMessage(message, parentOrigin);
}

let last = null;
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !allowed.has(event.origin)) return;
  const m = event.data;
  if (!m || typeof m !== 'object' || m.type !== 'precis-text' || typeof m.text !== 'string') return;
  parentOrigin = event.origin;
  const sentences = Number.isInteger(m.sentences) && m.sentences > 0 ? String(m.sentences) : null;
  const key = `${sentences}\n${m.text}`;
  if (key === last) return; // the host may send the same text twice (load and ready)
  last = key;
  if (sentences) widget.setAttribute('sentences', sentences);
  widget.analyze(m.text).catch(() => {}); // failures arrive as precis-error
});

widget.addEventListener('precis-analysis', (e) => tell({ type: 'precis-analysis', analysis: e.detail.analysis }));
widget.addEventListener('precis-error', (e) => tell({ type: 'precis-error', error: e.detail.error }));

let height = 0;
new ResizeObserver(() => {
  const now = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (now !== height) tell({ type: 'precis-resize', height: (height = now) });
}).observe(document.documentElement);

if (allowed.size === 0) {
  widget.text = '';
  console.warn('Précis frame: no parent origin is allowed; add ?parent=https://your.site to the frame URL');
}
tell({ type: 'precis-frame-ready' });
