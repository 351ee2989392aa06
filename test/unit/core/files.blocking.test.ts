// Tests that the blocking read a worker thread uses keeps every rule of the waiting read: regular files only, the size limit, strict UTF-8 for a sidecar.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Decoding, readArticleFileSync, readSidecarFileSync, readTextFile, readTextFileSync } from '../../../src/core/files';

/** node:fs itself, whose functions the file layer looks up as it calls them: how a file swapped at the wrong moment is made. */
const nodeFs = createRequire(__filename)('node:fs') as typeof import('node:fs');
type Blocking = 'statSync' | 'openSync' | 'closeSync';

/** Runs `body` with one blocking function of node:fs replaced, then puts it back. */
function withFault<K extends Blocking>(name: K, replacement: (original: (typeof nodeFs)[K]) => (typeof nodeFs)[K], body: () => void): void {
  const original = nodeFs[name];
  nodeFs[name] = replacement(original);
  try {
    body();
  } finally {
    nodeFs[name] = original;
  }
}

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

  it('reads a sidecar strictly and an article without its byte-order mark, by name', () => {
    writeFileSync(at('a.yaml'), LATIN1);
    writeFileSync(at('a.txt'), '\uFEFFArmenia left.\n');
    const sidecar = readSidecarFileSync(at('a.yaml'));
    assert.equal(sidecar.status === 'problem' && sidecar.problem.code, 'encoding');
    assert.deepEqual(readArticleFileSync(at('a.txt')), { status: 'ok', text: 'Armenia left.\n' });
  });

  it('does not read a pipe put where a file was checked a moment before (a read would wait for ever)', () => {
    writeFileSync(at('checked.yaml'), 'a: 1\n');
    execFileSync('mkfifo', [at('pipe.yaml')]);
    withFault('statSync', (stat) => ((path: string) => stat(path === at('pipe.yaml') ? at('checked.yaml') : path)) as typeof nodeFs.statSync, () => {
      const read = readSidecarFileSync(at('pipe.yaml'));
      assert.equal(read.status === 'problem' && read.problem.message, 'This is a named pipe (FIFO), not a regular file, so it was not read; rename or remove it.');
    });
  });

  it('says in words why a file that cannot be opened was not read', () => {
    writeFileSync(at('a.yaml'), 'a: 1\n');
    const eio = Object.assign(new Error('EIO: from the system'), { code: 'EIO' });
    withFault('openSync', () => (() => { throw eio; }) as typeof nodeFs.openSync, () => {
      const read = readSidecarFileSync(at('a.yaml'));
      assert.deepEqual(read.status === 'problem' && [read.problem.code, read.problem.message], ['unreadable', 'This file could not be read: the disk reported an input/output error.']);
    });
  });

  it('closes every file it opened, once, and only those, and keeps what it read when the close fails', () => {
    writeFileSync(at('a.yaml'), 'a: 1\n');
    writeFileSync(at('checked.yaml'), 'a: 1\n');
    execFileSync('mkfifo', [at('pipe.yaml')]);
    const closed: number[] = [];
    withFault('closeSync', (close) => ((fd: number) => (closed.push(fd), close(fd))) as typeof nodeFs.closeSync, () => {
      assert.deepEqual(readSidecarFileSync(at('a.yaml')), { status: 'ok', text: 'a: 1\n' });
      assert.equal(closed.length, 1, 'the file read');
      withFault('statSync', (stat) => ((path: string) => stat(path === at('pipe.yaml') ? at('checked.yaml') : path)) as typeof nodeFs.statSync, () => readSidecarFileSync(at('pipe.yaml')));
      assert.equal(closed.length, 2, 'the pipe opened but not read');
      withFault('openSync', () => (() => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); }) as typeof nodeFs.openSync, () => readSidecarFileSync(at('a.yaml')));
      assert.equal(closed.length, 2, 'nothing to close when the open failed');
    });
    withFault('closeSync', () => (() => { throw Object.assign(new Error('EIO'), { code: 'EIO' }); }) as typeof nodeFs.closeSync, () => {
      assert.deepEqual(readSidecarFileSync(at('a.yaml')), { status: 'ok', text: 'a: 1\n' });
    });
  });
});
