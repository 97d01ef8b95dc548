// The build reads its settings from wasm-pack.toml; the static server serves what the page needs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CSP, startServer } from '../../scripts/server.mjs';
import { ROOT, WWW } from './harness.mjs';

const run = promisify(execFile);
const SETTINGS = join(ROOT, 'scripts', 'build_settings.py');
const BUILD = join(ROOT, 'scripts', 'build.sh');

/** Runs a command from the repository root; resolves to { code, stdout, stderr }. */
async function sh(file, args) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: ROOT, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** wasm-pack.toml with some values replaced (by TOML key line). */
async function variant(dir, name, replace) {
  let text = await readFile(join(ROOT, 'wasm-pack.toml'), 'utf8');
  for (const [key, value] of Object.entries(replace)) {
    const line = new RegExp(`^${key} = (\\[[^\\]]*\\]|.*)$`, "m");
    assert.match(text, line, `wasm-pack.toml has ${key}`);
    text = text.replace(line, `${key} = ${value}`);
  }
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('build settings', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'precis-build-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('wasm-pack.toml parses to the settings the page is built with', async () => {
    const { code, stdout } = await sh('python3', [SETTINGS, 'wasm-pack.toml', '--json']);
    assert.equal(code, 0);
    const s = JSON.parse(stdout);
    assert.equal(s.target, 'web', 'the worker imports an ES module with init()');
    assert.equal(s.out_dir, 'www/pkg', 'the worker loads ./pkg/ from www/');
    assert.equal(s.out_name, 'precis', 'the worker imports ./pkg/precis.js');
    assert.equal(s.wasm_opt, true);
    assert.match(s.wasm_opt_level, /^-O[sz1-4]?$/);
    assert.ok(s.wasm_opt_flags.includes('--enable-bulk-memory'));
  });

  test('changed settings change the commands the build runs', async () => {
    const path = await variant(dir, 'changed.toml', {
      out_dir: '"target/other-pkg"',
      out_name: '"other"',
      profile: '"profiling"',
      level: '"-O2"',
      flags: '["--enable-sign-ext"]',
    });
    const { code, stdout } = await sh(BUILD, ['--config', path, '--dry-run']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /settings from .*changed\.toml: target=web profile=profiling out_dir=target\/other-pkg out_name=other/);
    assert.match(stdout, /would run: wasm-pack build --target web --profiling --mode no-install .*--out-dir target\/other-pkg --out-name other/);
    assert.match(stdout, /would run: node_modules\/\.bin\/wasm-opt -O2 --enable-sign-ext target\/other-pkg\/other_bg\.wasm -o target\/other-pkg\/other_bg\.wasm/);

    const off = await variant(dir, 'off.toml', { enabled: 'false' });
    const noOpt = await sh(BUILD, ['--config', off, '--dry-run']);
    assert.equal(noOpt.code, 0);
    assert.match(noOpt.stdout, /wasm-opt=off/);
    assert.doesNotMatch(noOpt.stdout, /would run: node_modules\/\.bin\/wasm-opt/);
  });

  test('bad settings stop the build with the key named', async () => {
    const cases = [
      [{ target: '"browser"' }, /build\.target must be one of/],
      [{ profile: '"no-such-profile"' }, /build\.profile must be one of/],
      [{ out_dir: '"../outside"' }, /build\.out_dir must be a relative path inside the crate/],
      [{ out_dir: '"/tmp/abs"' }, /build\.out_dir must be a relative path/],
      [{ out_name: '"a b"' }, /build\.out_name must be a plain file stem/],
      [{ level: '"-O9"' }, /wasm-opt\.level must be/],
      [{ flags: '["--ok", "rm -rf"]' }, /wasm-opt\.flags: 'rm -rf' is not a --long-flag/],
      [{ enabled: '"yes"' }, /wasm-opt\.enabled must be a bool/],
    ];
    for (const [i, [replace, message]] of cases.entries()) {
      const path = await variant(dir, `bad${i}.toml`, replace);
      const { code, stderr } = await sh(BUILD, ['--config', path, '--dry-run']);
      assert.notEqual(code, 0, `accepted ${JSON.stringify(replace)}`);
      assert.match(stderr, message);
    }
    const missing = join(dir, 'missing.toml');
    await writeFile(missing, '[build]\ntarget = "web"\n');
    assert.match((await sh(BUILD, ['--config', missing, '--dry-run'])).stderr, /\[wasm-opt\] is missing/);
    await writeFile(missing, '[build]\ntarget = "web"\n[wasm-opt]\nenabled = false\n');
    assert.match((await sh(BUILD, ['--config', missing, '--dry-run'])).stderr, /build\.profile is missing/);
    assert.match((await sh(BUILD, ['--config', join(dir, 'nowhere.toml'), '--dry-run'])).stderr, /No such file/);
  });

  test('a real build writes where the settings say', { timeout: 10 * 60 * 1000 }, async () => {
    // Same profile as the main build, so cargo reuses it; only wasm-bindgen runs again.
    const out = `target/settings-test-${process.pid}`;
    const path = await variant(dir, 'real.toml', { out_dir: `"${out}"`, out_name: '"probe"', enabled: 'false' });
    try {
      const { code, stdout, stderr } = await sh(BUILD, ['--config', path, '--no-setup']);
      assert.equal(code, 0, stderr);
      assert.match(stdout, new RegExp(`out_dir=${out} out_name=probe wasm-opt=off`));
      const wasm = join(ROOT, out, 'probe_bg.wasm');
      assert.ok((await stat(wasm)).size > 10000);
      assert.ok(existsSync(join(ROOT, out, 'probe.js')));
      assert.match(stdout, /probe_bg\.wasm: \d+ bytes \(\d+ gzip -9\)/);
    } finally {
      await rm(join(ROOT, out), { recursive: true, force: true });
    }
  });
});

describe('static server', () => {
  let server;
  let base;
  before(async () => {
    ({ server, url: base } = await startServer({ root: WWW }));
  });
  after(() => new Promise((ok) => server.close(ok)));

  const get = (path, method = 'GET') =>
    new Promise((ok, fail) => {
      const req = request(new URL(base), { path, method }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
      });
      req.on('error', fail);
      req.end();
    });

  test('listens on 127.0.0.1 only', () => {
    assert.equal(server.address().address, '127.0.0.1');
  });

  test('serves the page with the CSP, and the module as application/wasm', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.equal(page.headers['content-security-policy'], CSP);
    assert.ok(page.body.includes(`content="${CSP}"`), 'the meta tag carries the same policy');
    assert.equal((await get('/worker.js')).headers['content-type'], 'text/javascript; charset=utf-8');
    const wasm = await get('/pkg/precis_bg.wasm', 'HEAD');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers['content-type'], 'application/wasm');
  });

  test('refuses paths outside www/ and methods other than GET/HEAD', async () => {
    for (const path of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/..%2fCargo.toml', '/pkg/../../Cargo.toml']) {
      const res = await get(path);
      assert.ok([403, 404].includes(res.status), `${path} gave ${res.status}`);
      assert.ok(!res.body.includes('[package]'), path);
    }
    assert.equal((await get('/missing.js')).status, 404);
    assert.equal((await get('/', 'POST')).status, 405);
  });
});
