// The timing page: the wasm analysis against compromise, on the same generated texts, in this
// page's main thread, runs of the two interleaved so that both see the same load. Prints
// medians, their ratio and how each grows with the text; the raw figures go to #bench-json.
//
// compromise is a development dependency (npm), copied by scripts/build.sh to
// bench-lib/compromise.mjs. Only this page loads it; the Précis page never does.
import init, { analyze, version } from './pkg/precis.js';
import { article, articleOfWords, wordCount } from './bench-text.js';

const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const ARTICLE_WORDS = 1_000;
/** A timing sample lasts at least this long (calls are repeated within it): the clock is coarse. */
const MIN_SAMPLE_MS = 20;

const params = new URLSearchParams(location.search);
/**
 * compromise is timed on texts up to this many bytes (?compromise-max=N). Its
 * sentences().json({offset: true}) grows with the square of the length (in node: 10 KB 1.2 s,
 * 100 KB 9.7 s, 300 KB 97 s on the first call), so 1 MB would take most of an hour.
 */
const COMPROMISE_MAX = Number(params.get('compromise-max')) || 200_000;
const NOT_RUN = 'not run';
/**
 * Before any timing, each library runs on the article for this long (?warm=MS): V8 first runs
 * wasm and JavaScript in baseline code and optimises what is hot in the background.
 */
const WARM_MS = Number(params.get('warm')) || 2000;
/** Timed samples per text and system; by default fewer for the slow, large texts. */
const runsFor = (bytes) => {
  const fixed = Number(params.get('runs'));
  if (Number.isInteger(fixed) && fixed > 0) return fixed;
  return bytes >= 1_000_000 ? 3 : 7;
};

const $ = (id) => document.getElementById(id);
const status = $('bench-status');

function say(message, state = 'running') {
  status.textContent = message;
  status.dataset.state = state;
  status.className = `status ${state === 'error' ? 'error' : state === 'done' ? '' : 'busy'}`.trim();
}

/** Lets the page paint between runs. */
const breathe = () => new Promise((ok) => setTimeout(ok, 0));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const utf8 = new TextEncoder();
const fmt = (x, digits) => x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * How many calls of `f` make one sample of at least MIN_SAMPLE_MS (1 for slow calls), found
 * from one call; the call doubles as the warm-up.
 */
function callsPerSample(f) {
  const t0 = performance.now();
  f();
  const once = Math.max(performance.now() - t0, 0.01);
  return Math.max(1, Math.ceil(MIN_SAMPLE_MS / once));
}

/** Milliseconds per call of `f` over one sample of `calls` calls. */
function sample(f, calls) {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) f();
  return (performance.now() - t0) / calls;
}

/** Calls `f` until `ms` have passed (three times at least). */
async function warm(f, ms) {
  const t0 = performance.now();
  for (let i = 0; i < 3 || performance.now() - t0 < ms; i++) {
    f();
    if (i % 4 === 3) await breathe();
  }
}

/** Times Précis and compromise on `text`, interleaved; returns medians and what each found. */
async function race(nlp, name, text) {
  const ours = () => analyze(text, undefined);
  const theirs = () => {
    const doc = nlp(text);
    return {
      people: doc.people().json({ offset: true }),
      organizations: doc.organizations().json({ offset: true }),
      places: doc.places().json({ offset: true }),
      sentences: doc.sentences().json({ offset: true }),
    };
  };
  const bytes = utf8.encode(text).length;
  const withCompromise = bytes <= COMPROMISE_MAX;
  const runs = runsFor(bytes);
  say(`${name}: warming up`);
  await breathe();
  const oursCalls = callsPerSample(ours);
  await breathe();
  const theirCalls = withCompromise ? callsPerSample(theirs) : 0;
  const oursMs = [];
  const theirMs = [];
  for (let i = 0; i < runs; i++) {
    say(`${name}: run ${i + 1} of ${runs}, Précis`);
    await breathe();
    oursMs.push(sample(ours, oursCalls));
    if (!withCompromise) continue;
    say(`${name}: run ${i + 1} of ${runs}, compromise`);
    await breathe();
    theirMs.push(sample(theirs, theirCalls));
  }
  const a = ours();
  const c = withCompromise ? theirs() : null;
  return {
    name,
    bytes,
    words: wordCount(text),
    runs,
    calls: { precis: oursCalls, compromise: theirCalls },
    precisMs: median(oursMs),
    compromiseMs: withCompromise ? median(theirMs) : null,
    samples: { precis: oursMs, compromise: theirMs },
    found: {
      precis: { sentences: a.sentences.length, names: a.entities.length, quotes: a.quotes.length },
      compromise: c && {
        sentences: c.sentences.length,
        names: c.people.length + c.organizations.length + c.places.length,
      },
    },
  };
}

/** The figure, or NOT_RUN where compromise was not timed. */
const orNotRun = (x, f) => (x === null ? NOT_RUN : f(x));

function row(table, cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    td.textContent = cell;
    tr.append(td);
  }
  $(table).tBodies[0].append(tr);
}

function showArticle(r) {
  row('article-table', [
    r.name,
    fmt(r.words, 0),
    fmt(r.bytes, 0),
    fmt(r.precisMs, 2),
    orNotRun(r.compromiseMs, (c) => fmt(c, 2)),
    orNotRun(r.compromiseMs, (c) => fmt(r.precisMs / c, 3)),
    orNotRun(r.compromiseMs, (c) => `${fmt(c / r.precisMs, 1)}×`),
  ]);
}

function showGrowth(r) {
  const kb = r.bytes / 1024;
  row('growth-table', [
    fmt(r.bytes, 0),
    fmt(r.words, 0),
    fmt(r.precisMs, 2),
    fmt((r.precisMs * 1000) / kb, 1),
    orNotRun(r.compromiseMs, (c) => fmt(c, 2)),
    orNotRun(r.compromiseMs, (c) => fmt((c * 1000) / kb, 1)),
    orNotRun(r.compromiseMs, (c) => fmt(r.precisMs / c, 3)),
  ]);
}

function showFound(r) {
  const { precis: p, compromise: c } = r.found;
  row('found-table', [r.name, p.sentences, p.names, p.quotes, c ? c.sentences : NOT_RUN, c ? c.names : NOT_RUN].map(String));
}

async function main() {
  const started = performance.now();
  say('Loading Précis and compromise');
  let nlp;
  try {
    nlp = (await import('./bench-lib/compromise.mjs')).default;
  } catch (err) {
    throw new Error(`compromise is missing (scripts/build.sh copies it to www/bench-lib/): ${err.message}`);
  }
  await init();
  $('bench-env').textContent =
    `Précis ${version()} (wasm), compromise ${nlp.version}; ${navigator.hardwareConcurrency} logical cores; ` +
    `${navigator.userAgent}`;

  const results = {
    precisVersion: version(),
    compromiseVersion: nlp.version,
    compromiseMaxBytes: COMPROMISE_MAX,
    article: null,
    growth: [],
  };
  $('compromise-max').textContent = fmt(COMPROMISE_MAX, 0);
  const text = articleOfWords(ARTICLE_WORDS);
  say(`Warming up both for ${fmt((2 * WARM_MS) / 1000, 1)} s`);
  await warm(() => analyze(text, undefined), WARM_MS);
  await warm(() => {
    const doc = nlp(text);
    doc.people().json({ offset: true });
    doc.sentences().json({ offset: true });
  }, WARM_MS);
  results.article = await race(nlp, `article of ${fmt(wordCount(text), 0)} words`, text);
  showArticle(results.article);
  showFound(results.article);
  for (const size of SIZES) {
    const r = await race(nlp, `${fmt(size, 0)} bytes`, article(size));
    results.growth.push(r);
    showGrowth(r);
    showFound(r);
  }
  results.seconds = (performance.now() - started) / 1000;
  $('bench-json').textContent = JSON.stringify(results, null, 1);
  say(`Done in ${fmt(results.seconds, 1)} s.`, 'done');
}

main().catch((err) => {
  say(`The timing failed: ${err && err.message ? err.message : err}`, 'error');
});
