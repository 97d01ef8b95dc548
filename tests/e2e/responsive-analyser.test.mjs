// abort() and busy of www/analyser.js, against a scripted stand-in for the worker: Cancel ends
// the worker at once and starts a fresh one, the text is never re-sent, and nothing the old
// worker says afterwards counts.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { ScriptedWorker } from './scripted-worker.mjs';
const { createAnalyser } = await import('../../www/analyser.js');

const live = [];

function setUp() {
  const log = [];
  const analyser = createAnalyser({
    onReady: (version, restarted) => log.push(['ready', restarted]),
    onFailed: (error) => log.push(['failed', error]),
    onCrash: (error) => log.push(['crash', error]),
    onAnalysis: (analysis, ms, text) => log.push(['analysis', analysis.tag, text]),
    workerUrl: 'worker.js',
  });
  analyser.start();
  live.push(analyser);
  return { analyser, log, worker: () => ScriptedWorker.all.at(-1) };
}

const answer = (w, req, tag) => w.say({ id: req.id, type: 'analysis', analysis: { tag }, ms: 1 });

describe('analyser abort', () => {
  beforeEach(() => {
    ScriptedWorker.all.length = 0;
  });
  afterEach(() => {
    for (const a of live.splice(0)) a.stop();
  });

  const cases = [
    {
      name: 'an analysis in flight: its worker is replaced',
      before: (a, w) => a.analyze('long text'),
      stopped: true,
      busyBefore: true,
    },
    {
      name: 'one in flight and a newer text waiting: both are dropped',
      before: (a) => {
        a.analyze('long text');
        a.analyze('longer text');
      },
      stopped: true,
      busyBefore: true,
    },
    { name: 'nothing running: the worker is kept', before: () => {}, stopped: false, busyBefore: false },
    {
      name: 'a finished analysis: the worker is kept',
      before: (a, w) => {
        a.analyze('text');
        answer(w, w.sent[0], 'A');
      },
      stopped: false,
      busyBefore: false,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { analyser, log, worker } = setUp();
      const first = worker();
      first.say({ type: 'ready', version: 'v' });
      c.before(analyser, first);
      assert.equal(analyser.busy, c.busyBefore);
      const sentBefore = first.sent.length;
      assert.equal(analyser.abort(), c.stopped);
      assert.equal(analyser.busy, false);
      assert.equal(first.terminated, c.stopped);
      assert.equal(first.sent.length, sentBefore, 'nothing more was sent to the old worker');
      assert.equal(ScriptedWorker.all.length, c.stopped ? 2 : 1);
      assert.ok(!log.some(([kind]) => kind === 'crash'), 'a cancel is not a crash');
      if (c.stopped) {
        // Late words from the old worker change nothing.
        first.say({ type: 'ready', version: 'v' });
        answer(first, first.sent[0], 'late');
        first.crash('late error');
        assert.ok(!log.some(([kind, tag]) => kind === 'crash' || tag === 'late'), JSON.stringify(log));
        const second = worker();
        second.say({ type: 'ready', version: 'v' });
        assert.deepEqual(log.at(-1), ['ready', true]);
        assert.deepEqual(second.sent, [], 'the cancelled text is not sent again');
        analyser.analyze('edited');
        answer(second, second.sent[0], 'B');
        assert.deepEqual(log.at(-1), ['analysis', 'B', 'edited']);
      }
    });
  }

  test('a text sent after abort waits for the fresh worker', () => {
    const { analyser, log, worker } = setUp();
    worker().say({ type: 'ready', version: 'v' });
    analyser.analyze('long text');
    analyser.abort();
    analyser.analyze('next');
    assert.equal(analyser.busy, true);
    const second = worker();
    assert.deepEqual(second.sent, [], 'not before it is ready');
    second.say({ type: 'ready', version: 'v' });
    assert.equal(second.sent.length, 1);
    assert.equal(second.sent[0].text, 'next');
    answer(second, second.sent[0], 'N');
    assert.deepEqual(log.at(-1), ['analysis', 'N', 'next']);
  });

  test('conversions waiting on the old worker are rejected', async () => {
    const { analyser, worker } = setUp();
    worker().say({ type: 'ready', version: 'v' });
    analyser.analyze('long text');
    const converting = analyser.htmlToText('<p>x</p>');
    analyser.abort();
    await assert.rejects(converting, /cancelled/);
  });
});
