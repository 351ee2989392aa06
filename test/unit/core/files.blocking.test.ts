// Tests that the blocking read a worker thread uses keeps every rule of the waiting read: regular files only, the size limit, strict UTF-8 for a sidecar.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Decoding, readTextFile, readTextFileSync } from '../../../src/core/files';

const LATIN1 = Buffer.concat([Buffer.from('newsmark: 1\nnotes: Jos', 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]);

describe('files, the blocking read', () => {
  let dir: string;
  beforeEach(() => (dir = realpathSync(mkdtempSync(join(tmpdir(), 'newsmark-blocking-')))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const at = (...names: string[]) => join(dir, ...names);

  /** Both reads of one path, which must agree; the blocking one is returned. */
  async function bothReads(path: string, decoding: Decoding, limit?: number) {
    const blocking = readTextFileSync(path, decoding, limit);
    assert.deepEqual(blocking, await readTextFile(path, decoding, limit), path);
    return blocking;
  }

  it('reads a file of exactly the limit, and refuses one byte more', async () => {
    writeFileSync(at('a.yaml'), 'x'.repeat(1000));
    assert.deepEqual(await bothReads(at('a.yaml'), 'sidecar', 1000), { status: 'ok', text: 'x'.repeat(1000) });
    const over = await bothReads(at('a.yaml'), 'sidecar', 999);
    assert.equal(over.status === 'problem' && over.problem.code, 'too-large');
  });

  it('reports a folder, a pipe and a device as what they are, without reading them or waiting on the pipe', async () => {
    mkdirSync(at('folder.yaml'));
    execFileSync('mkfifo', [at('pipe.yaml')]);
    symlinkSync('/dev/zero', at('zero.yaml'));
    for (const [name, what] of [
      ['folder.yaml', /a folder/],
      ['pipe.yaml', /a named pipe/],
      ['zero.yaml', /a device/],
    ] as const) {
      const read = await bothReads(at(name), 'sidecar');
      assert.equal(read.status === 'problem' && read.problem.code, 'not-a-file', name);
      assert.match(read.status === 'problem' ? read.problem.message : '', what);
    }
  });

  it('stops at the limit when the file claims to be smaller than it is', () => {
    const read = readTextFileSync('/proc/self/maps', 'article', 1000);
    assert.equal(read.status === 'problem' && read.problem.code, 'too-large');
  });

  it('refuses a Latin-1 sidecar and reads the same bytes as an article with a replacement character', async () => {
    writeFileSync(at('a.yaml'), LATIN1);
    const sidecar = await bothReads(at('a.yaml'), 'sidecar');
    assert.equal(sidecar.status, 'problem');
    assert.deepEqual(await bothReads(at('a.yaml'), 'article'), { status: 'ok', text: 'newsmark: 1\nnotes: Jos\ufffd\n' });
  });

  it('drops the byte-order mark of an article', async () => {
    writeFileSync(at('a.txt'), '\uFEFFArmenia left.\n');
    assert.deepEqual(await bothReads(at('a.txt'), 'article'), { status: 'ok', text: 'Armenia left.\n' });
  });

  it('takes a missing file, or a path through a regular file, for a file that is not there', async () => {
    writeFileSync(at('a.txt'), 'text');
    assert.deepEqual(await bothReads(at('none.yaml'), 'sidecar'), { status: 'missing' });
    assert.deepEqual(await bothReads(at('a.txt', 'a.txt.annotations.yaml'), 'sidecar'), { status: 'missing' });
  });

  it('says a loop of symlinks is unreadable', async () => {
    symlinkSync('b.yaml', at('a.yaml'));
    symlinkSync('a.yaml', at('b.yaml'));
    const read = await bothReads(at('a.yaml'), 'sidecar');
    assert.equal(read.status === 'problem' && read.problem.code, 'unreadable');
  });
});
