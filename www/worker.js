// The only place the WebAssembly analyser runs, so a long analysis never blocks typing.
//
// Messages in (each with a request id the page chose):
//   { id, type: 'analyze', text, sentences }   sentences: a number, or null for automatic
//   { id, type: 'htmlToText', html }
// Messages out:
//   { type: 'ready', version, loadMs }          once, when the module is compiled
//   { type: 'failed', error }                    once, if it could not be loaded
//   { id, type: 'analysis', analysis, ms }       offsets are UTF-16 code units into `text`
//   { id, type: 'text', text }
//   { id, type: 'error', error, fatal }          fatal: the module trapped; start a new worker
// Requests are answered in the order they came; the page drops answers it no longer wants.
import init, { analyze, htmlToText, version } from './pkg/precis.js';

const started = performance.now();
const loaded = init().then(
  () => {
    // The first analysis pays for one-time set-up (about 60 ms): pay it while the page still
    // says "loading", not on the user's first paste.
    try {
      analyze('Ann Lee spoke in Paris. “Yes,” she said.', undefined);
    } catch {
      // A failure here shows up again, and is reported, on the first real request.
    }
    postMessage({ type: 'ready', version: version(), loadMs: performance.now() - started });
    return true;
  },
  (err) => {
    postMessage({ type: 'failed', error: String(err && err.message ? err.message : err) });
    return false;
  },
);

function answer(req) {
  switch (req.type) {
    case 'analyze': {
      const t0 = performance.now();
      const analysis = analyze(req.text, req.sentences ?? undefined);
      return { id: req.id, type: 'analysis', analysis, ms: performance.now() - t0 };
    }
    case 'htmlToText':
      return { id: req.id, type: 'text', text: htmlToText(req.html) };
    default:
      return { id: req.id, type: 'error', error: `unknown request type ${String(req.type)}`, fatal: false };
  }
}

self.addEventListener('message', async (event) => {
  const req = event.data;
  if (!(await loaded)) {
    postMessage({ id: req.id, type: 'error', error: 'the analyser could not be loaded', fatal: true });
    return;
  }
  try {
    postMessage(answer(req));
  } catch (err) {
    // A trap (a Rust panic) leaves the module's memory in an unknown state: the page
    // replaces this worker rather than trusting it again.
    postMessage({
      id: req.id,
      type: 'error',
      error: String(err && err.message ? err.message : err),
      fatal: err instanceof WebAssembly.RuntimeError,
    });
  }
});
