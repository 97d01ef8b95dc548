// The page's side of the worker protocol (www/analyser.js), against a scripted stand-in for the
// worker, so the order and timing of answers is the test's to choose: stale answers are dropped,
// at most one analysis is in flight, crashes and hangs replace the worker.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { ScriptedWorker } from './scripted-worker.mjs';
const { createAnalyser } = await import('../../www/analyser.js');

const live = [];

function setUp(options = {}) {
  const log = [];
  const analyser = createAnalyser({
    onReady: (version, restarted) => log.push(['ready', version, restarted]),
    onFailed: (error) => log.push(['failed', error]),
    onCrash: (error) => log.push(['crash', error]),
    onAnalysis: (analysis, ms, text) => log.push(['analysis', analysis.tag, text]),
    workerUrl: 'worker.js',
    ...options,
  });
  analyser.start();
  live.push(analyser);
  return { analyser, log, worker: () => ScriptedWorker.all.at(-1) };
}

const answer = (w, req, tag) => w.say({ id: req.id, type: 'analysis', analysis: { tag }, ms: 1 });

describe('analyser protocol', () => {
  beforeEach(() => {
    ScriptedWorker.all.length = 0;
  });
  afterEach(() => {
    // Their watchdog timers would keep the process alive.
    for (const a of live.splice(0)) a.stop();
  });

  test('starts a module worker and waits for it before sending', () => {
    const { analyser, log, worker } = setUp();
    assert.equal(worker().options.type, 'module');
    analyser.analyze('one');
    assert.deepEqual(worker().sent, [], 'nothing sent before ready');
    worker().say({ type: 'ready', version: '0.1.0' });
    assert.deepEqual(log, [['ready', '0.1.0', false]]);
    assert.equal(worker().sent.length, 1);
    assert.deepEqual({ ...worker().sent[0], id: 0 }, { id: 0, type: 'analyze', text: 'one', sentences: null });
  });

  test('an answer for a superseded text is dropped; the newest text is sent next', () => {
    const { analyser, log, worker } = setUp();
    worker().say({ type: 'ready', version: 'v' });
    analyser.analyze('first');
    analyser.analyze('second');
    analyser.analyze('third', 2);
    const w = worker();
    assert.equal(w.sent.length, 1, 'one analysis in flight at a time');
    answer(w, w.sent[0], 'A');
    assert.deepEqual(log.slice(1), [], 'the answer for "first" is not shown');
    assert.equal(w.sent.length, 2, '"second" was never sent: "third" replaced it');
    assert.equal(w.sent[1].text, 'third');
    assert.equal(w.sent[1].sentences, 2);
    assert.notEqual(w.sent[1].id, w.sent[0].id);
    answer(w, w.sent[1], 'C');
    assert.deepEqual(log.slice(1), [['analysis', 'C', 'third']]);
  });

  test('answers with unknown or repeated ids are ignored', () => {
    const { analyser, log, worker } = setUp();
    const w = worker();
    w.say({ type: 'ready', version: 'v' });
    analyser.analyze('text');
    const req = w.sent[0];
    w.say({ id: req.id + 100, type: 'analysis', analysis: { tag: 'X' }, ms: 1 });
    answer(w, req, 'A');
    answer(w, req, 'A again');
    assert.deepEqual(log.slice(1), [['analysis', 'A', 'text']]);
  });

  test('cancel drops the answer in flight', () => {
    const { analyser, log, worker } = setUp();
    const w = worker();
    w.say({ type: 'ready', version: 'v' });
    analyser.analyze('text');
    analyser.cancel();
    answer(w, w.sent[0], 'A');
    assert.deepEqual(log.slice(1), []);
    assert.equal(w.sent.length, 1);
  });

  test('a crash replaces the worker, rejects waiting conversions and does not resend the text', async () => {
    const { analyser, log, worker } = setUp();
    const first = worker();
    first.say({ type: 'ready', version: 'v' });
    analyser.analyze('text that crashes');
    const converting = analyser.htmlToText('<p>x</p>');
    first.crash('boom');
    await assert.rejects(converting, /boom/);
    assert.ok(first.terminated);
    assert.equal(ScriptedWorker.all.length, 2);
    assert.deepEqual(log.at(-1), ['crash', 'boom']);
    const second = worker();
    second.say({ type: 'ready', version: 'v' });
    assert.deepEqual(log.at(-1), ['ready', 'v', true], 'restarted is reported');
    assert.deepEqual(second.sent, [], 'the crashing text is not sent again by itself');
    analyser.analyze('edited text');
    answer(second, second.sent[0], 'B');
    assert.deepEqual(log.at(-1), ['analysis', 'B', 'edited text']);
  });

  test('a fatal error answer (a trap) also replaces the worker', () => {
    const { analyser, log, worker } = setUp();
    const first = worker();
    first.say({ type: 'ready', version: 'v' });
    analyser.analyze('text');
    first.say({ id: first.sent[0].id, type: 'error', error: 'unreachable', fatal: true });
    assert.ok(first.terminated);
    assert.equal(ScriptedWorker.all.length, 2);
    assert.deepEqual(log.at(-1), ['crash', 'unreachable']);
  });

  test('an analysis that hangs is stopped after the timeout', async () => {
    const { analyser, log, worker } = setUp({ timeoutMs: 30 });
    const first = worker();
    first.say({ type: 'ready', version: 'v' });
    analyser.analyze('endless');
    await new Promise((ok) => setTimeout(ok, 80));
    assert.ok(first.terminated);
    assert.match(log.at(-1)[1], /longer than/);
    assert.equal(ScriptedWorker.all.length, 2);
  });

  test('htmlToText answers by id, in any order', async () => {
    const { analyser, worker } = setUp();
    const w = worker();
    w.say({ type: 'ready', version: 'v' });
    const a = analyser.htmlToText('<p>a</p>');
    const b = analyser.htmlToText('<p>b</p>');
    w.say({ id: w.sent[1].id, type: 'text', text: 'b' });
    w.say({ id: w.sent[0].id, type: 'text', text: 'a' });
    assert.deepEqual(await Promise.all([a, b]), ['a', 'b']);
  });

  test('a module that cannot load is reported, and conversions are refused', async () => {
    const { analyser, log, worker } = setUp();
    worker().say({ type: 'failed', error: 'CompileError' });
    assert.deepEqual(log, [['failed', 'CompileError']]);
    await assert.rejects(analyser.htmlToText('<p>x</p>'));
  });

  test('stop ends the worker without a restart; start brings one back', async () => {
    const { analyser, log, worker } = setUp();
    const first = worker();
    first.say({ type: 'ready', version: 'v' });
    analyser.analyze('text');
    const converting = analyser.htmlToText('<p>x</p>');
    analyser.stop();
    await assert.rejects(converting, /stopped/);
    assert.ok(first.terminated);
    first.crash('late error'); // events from the old worker change nothing
    assert.equal(ScriptedWorker.all.length, 1);
    assert.ok(!log.some(([kind]) => kind === 'crash'));
    analyser.start();
    assert.equal(ScriptedWorker.all.length, 2);
  });
});
