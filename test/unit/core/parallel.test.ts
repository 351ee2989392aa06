// Tests of checking many sidecars at once: the same findings as one by one, in the order asked, on worker threads or not.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorAt, emptyAnnotations } from '../../../src/core/model';
import { checkSidecar, decodeOptionsOf, validateMany } from '../../../src/core/parallel';
import { encodeSidecar } from '../../../src/core/sidecar';

const TEXT = 'Armenia left the alliance on Tuesday, the ministry said.\n';

/** A good sidecar for article `name`, written with its article. */
function writeGood(dir: string, name: string): string {
  const annotations = emptyAnnotations(name);
  annotations.actors.push({ id: 'armenia', name: 'Armenia', type: 'country', mentions: [anchorAt(TEXT, 0, 7)] });
  writeFileSync(join(dir, name), TEXT);
  writeFileSync(join(dir, `${name}.annotations.yaml`), encodeSidecar(annotations, TEXT));
  return join(dir, `${name}.annotations.yaml`);
}

describe('parallel validation', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'newsmark-parallel-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a broken sidecar by line and column, a missing article and an article changed since, each against its own sidecar', async () => {
    const good = writeGood(dir, 'good.txt');
    writeFileSync(join(dir, 'broken.txt'), TEXT);
    writeFileSync(join(dir, 'broken.txt.annotations.yaml'), 'newsmark: 1\nactors: [\n');
    const orphan = writeGood(dir, 'orphan.txt');
    rmSync(join(dir, 'orphan.txt'));
    const stale = writeGood(dir, 'stale.txt');
    writeFileSync(join(dir, 'stale.txt'), `UPDATED. ${TEXT}`);
    const options = decodeOptionsOf({});

    assert.deepEqual((await checkSidecar(good, options)).problems, []);
    const broken = await checkSidecar(join(dir, 'broken.txt.annotations.yaml'), options);
    assert.ok(broken.problems.some((p) => p.severity === 'error' && p.line >= 2));
    assert.match((await checkSidecar(orphan, options)).missing ?? '', /the article orphan\.txt is missing/);
    const changed = await checkSidecar(stale, options);
    const shaLine = readFileSync(stale, 'utf8').split('\n').findIndex((line) => /^\s+sha256:/.test(line)) + 1;
    assert.ok(shaLine > 0);
    assert.equal(changed.stale?.line, shaLine);
    assert.equal((await checkSidecar(join(dir, 'none.txt.annotations.yaml'), options)).missing, 'has no sidecar (none.txt.annotations.yaml)');
  });

  it('gives, for hundreds of sidecars on worker threads, the findings of checking them one by one, in the order asked', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 150; i++) {
      const folder = join(dir, `d${i % 7}`);
      mkdirSync(folder, { recursive: true });
      const sidecar = writeGood(folder, `article-${i}.txt`);
      if (i % 10 === 3) {
        writeFileSync(sidecar, `newsmark: 1\nactors: {${i}\n`);
      }
      if (i % 10 === 6) {
        rmSync(join(folder, `article-${i}.txt`));
      }
      paths.push(sidecar);
    }
    const alone = await validateMany(paths, {}, 1);
    const spread = await validateMany(paths, {}, 3);
    assert.deepEqual(spread, alone);
    assert.deepEqual(
      spread.map((c) => c.sidecar),
      paths,
    );
    assert.equal(spread.filter((c) => c.problems.some((p) => p.severity === 'error')).length, 15);
    assert.equal(spread.filter((c) => c.missing).length, 15);
  });
});
