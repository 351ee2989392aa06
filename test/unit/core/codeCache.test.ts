// Tests of loading a bundle with V8's code cache: the same module either way, the cache used only when it is exactly this bundle's.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCached } from '../../../src/core/codeCache';

interface Bundle {
  dir: string;
  helper: string;
  filename: string;
  loaded: () => Promise<string>;
  count: number;
}

/** A bundle shaped like esbuild's: it replaces module.exports, requires a file beside it and loads another later. */
const BUNDLE = `
let count = 0;
module.exports = {
  dir: __dirname,
  filename: __filename,
  helper: require('./helper.js').word,
  loaded: () => Promise.resolve().then(() => require('./later.js').word),
  get count() { return ++count; },
};
`;

describe('codeCache', () => {
  let dir: string;
  let bundle: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsmark-code-cache-'));
    bundle = join(dir, 'dist', 'extension.js');
    cache = join(dir, 'storage', 'code-cache', 'extension.js.v8cache');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(bundle, BUNDLE);
    writeFileSync(join(dir, 'dist', 'helper.js'), "exports.word = 'helper';");
    writeFileSync(join(dir, 'dist', 'later.js'), "exports.word = 'later';");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function check(exports: Bundle): Promise<void> {
    assert.equal(exports.dir, join(dir, 'dist'));
    assert.equal(exports.filename, bundle);
    assert.equal(exports.helper, 'helper');
    assert.equal(await exports.loaded(), 'later');
    assert.equal(exports.count, 1);
  }

  it('runs the bundle as require would, and reads the saved cache at the next start', async () => {
    const first = loadCached<Bundle>(bundle, cache);
    assert.equal(first.fromCache, false);
    await check(first.exports);
    assert.equal(first.save(), true);
    assert.equal(first.save(), false, 'saved once');
    // Each start has a module of its own: the counter starts again.
    const second = loadCached<Bundle>(bundle, cache);
    assert.equal(second.fromCache, true);
    await check(second.exports);
    assert.equal(second.save(), false, 'a cache that was read is not written again');
    assert.deepEqual(readdirSync(join(dir, 'storage', 'code-cache')), ['extension.js.v8cache'], 'no temporary file left');
  });

  it('compiles again when the bundle changed, even to text of the same length', async () => {
    loadCached<Bundle>(bundle, cache).save();
    writeFileSync(bundle, BUNDLE.replace("'./helper.js'", "'./helpex.js'"));
    writeFileSync(join(dir, 'dist', 'helpex.js'), "exports.word = 'other';");
    const changed = loadCached<Bundle>(bundle, cache);
    assert.equal(changed.fromCache, false);
    assert.equal(changed.exports.helper, 'other');
    assert.equal(changed.save(), true, 'the new bundle’s cache replaces the old');
    assert.equal(loadCached<Bundle>(bundle, cache).fromCache, true);
  });

  it('ignores a cache file that was altered, cut short, is not a file or is a link', async () => {
    loadCached<Bundle>(bundle, cache).save();
    const good = readFileSync(cache);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] ^= 0xff;
    for (const bytes of [flipped, good.subarray(0, good.length - 1), good.subarray(0, 40), Buffer.alloc(0)]) {
      writeFileSync(cache, bytes);
      const loaded = loadCached<Bundle>(bundle, cache);
      assert.equal(loaded.fromCache, false);
      await check(loaded.exports);
    }
    const elsewhere = join(dir, 'elsewhere.v8cache');
    writeFileSync(elsewhere, good);
    rmSync(cache);
    symlinkSync(elsewhere, cache);
    assert.equal(loadCached<Bundle>(bundle, cache).fromCache, false, 'a link is not followed');
    rmSync(cache);
    mkdirSync(cache);
    const besideFolder = loadCached<Bundle>(bundle, cache);
    assert.equal(besideFolder.fromCache, false);
    assert.equal(besideFolder.save(), false, 'a folder in the way: nothing written, nothing thrown');
    await check(besideFolder.exports);
  });

  it('still loads when the cache cannot be written', async () => {
    writeFileSync(join(dir, 'storage'), 'a file where the folder should be');
    const loaded = loadCached<Bundle>(bundle, cache);
    assert.equal(loaded.save(), false);
    await check(loaded.exports);
  });
});
