// The page's side of the worker protocol (see worker.js): request ids, at most one analysis in
// flight, stale answers dropped, and a new worker when the old one crashes or hangs. The text
// itself is never lost here: the caller owns it.

/**
 * @param {object} hooks
 * @param {(version: string, restarted: boolean) => void} hooks.onReady  the module is loaded
 * @param {(error: string) => void} hooks.onFailed     the module could not be loaded at all
 * @param {(error: string) => void} hooks.onCrash      the worker died or hung and was replaced
 * @param {(analysis: object, ms: number, text: string) => void} hooks.onAnalysis  the latest text's results
 * @param {number} [hooks.timeoutMs]  an analysis running longer is stopped
 * @param {URL|string} [hooks.workerUrl]
 */
export function createAnalyser({
  onReady = () => {},
  onFailed = () => {},
  onCrash = () => {},
  onAnalysis = () => {},
  timeoutMs = 30000,
  workerUrl = new URL('./worker.js', import.meta.url),
}) {
  let worker = null;
  let nextId = 1;
  let starts = 0;
  /** The latest text waiting to be sent: { text, sentences }, or null. */
  let want = null;
  /** The analysis being computed: { id, text, dropped }, or null. */
  let inflight = null;
  let watchdog = 0;
  let stopped = false;
  /** htmlToText requests waiting for an answer: id → { resolve, reject }. */
  const waiting = new Map();

  const self = {
    ready: false,
    failed: false,
    start,
    analyze(text, sentences = null) {
      want = { text, sentences };
      if (inflight) inflight.dropped = true; // a newer text supersedes it
      pump();
    },
    cancel() {
      want = null;
      if (inflight) inflight.dropped = true;
    },
    /** Whether an analysis is waiting or being computed. */
    get busy() {
      return Boolean(inflight || want);
    },
    /**
     * Stops the analysis being computed at once: a wasm call cannot be interrupted, so its
     * worker is ended and a fresh one started (onReady then says restarted). The text is the
     * caller's and is not sent again. Returns whether there was anything to stop.
     */
    abort() {
      want = null;
      if (!inflight) return false;
      clearTimeout(watchdog);
      inflight = null;
      worker.terminate();
      for (const { reject } of waiting.values()) reject(new Error('the analysis was cancelled'));
      waiting.clear();
      start();
      return true;
    },
    /** Ends the worker for good (an element leaving the page); start() brings it back. */
    stop() {
      stopped = true;
      clearTimeout(watchdog);
      worker?.terminate();
      worker = null;
      inflight = null;
      want = null;
      self.ready = false;
      for (const { reject } of waiting.values()) reject(new Error('the analyser was stopped'));
      waiting.clear();
    },
    htmlToText(html) {
      if (!worker || self.failed) return Promise.reject(new Error('the analyser is not available'));
      const id = nextId++;
      worker.postMessage({ id, type: 'htmlToText', html });
      return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    },
  };

  function start() {
    stopped = false;
    starts += 1;
    self.ready = false;
    self.failed = false;
    const w = new Worker(workerUrl, { type: 'module' });
    worker = w;
    // Events from a worker that has since been replaced (aborted, crashed) change nothing.
    w.addEventListener('message', (e) => w === worker && onMessage(e.data));
    w.addEventListener('error', (e) => {
      e.preventDefault();
      if (w === worker) restart(e.message || 'the worker failed');
    });
    w.addEventListener('messageerror', () => w === worker && restart('a message could not be read'));
  }

  function restart(reason) {
    if (stopped) return;
    clearTimeout(watchdog);
    worker.terminate();
    // Not re-sent: the same text might stop the new worker too. The caller asks again on the next edit.
    inflight = null;
    want = null;
    for (const { reject } of waiting.values()) reject(new Error(reason));
    waiting.clear();
    onCrash(reason);
    start();
  }

  function pump() {
    if (!worker || !self.ready || inflight || !want) return;
    const id = nextId++;
    inflight = { id, text: want.text, dropped: false };
    worker.postMessage({ id, type: 'analyze', text: want.text, sentences: want.sentences });
    want = null;
    clearTimeout(watchdog);
    watchdog = setTimeout(() => restart(`the analysis took longer than ${timeoutMs / 1000} s`), timeoutMs);
  }

  function onMessage(msg) {
    switch (msg.type) {
      case 'ready':
        self.ready = true;
        onReady(msg.version, starts > 1);
        pump();
        return;
      case 'failed':
        self.failed = true;
        for (const { reject } of waiting.values()) reject(new Error(msg.error));
        waiting.clear();
        onFailed(msg.error);
        return;
      case 'text': {
        const w = waiting.get(msg.id);
        waiting.delete(msg.id);
        if (w) w.resolve(msg.text);
        return;
      }
      case 'analysis':
      case 'error': {
        const w = waiting.get(msg.id);
        if (w) {
          waiting.delete(msg.id);
          w.reject(new Error(msg.error));
          if (msg.fatal) restart(msg.error);
          return;
        }
        if (!inflight || msg.id !== inflight.id) return; // an answer nobody waits for any more
        clearTimeout(watchdog);
        const done = inflight;
        inflight = null;
        if (msg.type === 'error') {
          if (msg.fatal) return restart(msg.error);
          onCrash(msg.error);
        } else if (!done.dropped) {
          onAnalysis(msg.analysis, msg.ms, done.text);
        }
        pump();
        return;
      }
      default:
    }
  }

  return self;
}
