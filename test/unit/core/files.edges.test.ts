// Tests of the file layer at its edges: the size limit to the byte, special files, long symlink chains, what a write keeps and what it never touches.

import assert from 'node:assert/strict';
import { chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFsError, FileError, readArticleFile, readSidecarFile, readTextFile, realPathOf, writeFileAtomic } from '../../../src/core/files';
import { tempNameFor } from '../../../src/core/fileRules';

const LATIN1 = Buffer.concat([Buffer.from('newsmark: 1\nnotes: Jos', 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]);

describe('files at the edges', () => {
  let dir: string;
  beforeEach(() => (dir = realpathSync(mkdtempSync(join(tmpdir(), 'newsmark-edges-')))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const at = (...names: string[]) => join(dir, ...names);
  const temps = (folder = dir) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

  /** A Unix socket at `path`, as a running program leaves one; closed by the caller. */
  async function socketAt(path: string): Promise<Server> {
    const server = createServer();
    await new Promise<void>((listening) => server.listen(path, listening));
    return server;
  }

  /** A chain of `links` symbolic links ending at a.yaml, each naming the one before; returns the path of the last. */
  function chainOf(links: number): string {
    writeFileSync(at('a.yaml'), 'a: 1\n');
    let previous = 'a.yaml';
    for (let i = 1; i <= links; i++) {
      symlinkSync(previous, at(`link${i}.yaml`));
      previous = `link${i}.yaml`;
    }
    return at(previous);
  }

  describe('reading', () => {
    it('reads a file of exactly the limit, and refuses one byte more', async () => {
      writeFileSync(at('a.yaml'), 'x'.repeat(1000));
      assert.deepEqual(await readTextFile(at('a.yaml'), 'sidecar', 1000), { status: 'ok', text: 'x'.repeat(1000) });
      const over = await readTextFile(at('a.yaml'), 'sidecar', 999);
      assert.equal(over.status === 'problem' && over.problem.code, 'too-large');
    });

    it('refuses a file of many mebibytes by its size, without reading it', async () => {
      // A sparse file: the size a log or a disk image would have, without the disk space.
      writeFileSync(at('huge.yaml'), '');
      truncateSync(at('huge.yaml'), 70.25 * 1024 * 1024);
      const read = await readSidecarFile(at('huge.yaml'));
      assert.equal(read.status === 'problem' && read.problem.message, 'This file is 70.3 MiB, over the 64 MiB Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.');
    });

    it('says a folder is a folder, even when it is larger than the limit', async () => {
      mkdirSync(at('folder.yaml'));
      const read = await readTextFile(at('folder.yaml'), 'sidecar', 1);
      assert.equal(read.status === 'problem' && read.problem.message, 'This is a folder, not a regular file, so it was not read; rename or remove it.');
    });

    it('says a socket is a socket, and refuses to write over it', async () => {
      const server = await socketAt(at('socket.yaml'));
      try {
        const read = await readSidecarFile(at('socket.yaml'));
        assert.equal(read.status === 'problem' && read.problem.message, 'This is a socket, not a regular file, so it was not read; rename or remove it.');
        await assert.rejects(writeFileAtomic(at('socket.yaml'), 'a: 1\n'), {
          code: 'not-a-file',
          message: `${at('socket.yaml')}: this is a socket, not a regular file, so nothing was written to it.`,
        });
        assert.ok(lstatSync(at('socket.yaml')).isSocket());
      } finally {
        server.close();
      }
    });

    it('refuses a Latin-1 sidecar as a problem, and reads the same bytes as an article with a replacement character', async () => {
      writeFileSync(at('a.yaml'), LATIN1);
      const sidecar = await readSidecarFile(at('a.yaml'));
      assert.equal(sidecar.status, 'problem');
      assert.deepEqual(sidecar.status === 'problem' && [sidecar.problem.code, sidecar.problem.line], ['encoding', 2]);
      assert.deepEqual(await readArticleFile(at('a.yaml')), { status: 'ok', text: 'newsmark: 1\nnotes: Jos\ufffd\n' });
    });

    it('takes a path through a regular file for a file that is not there', async () => {
      writeFileSync(at('a.txt'), 'Armenia');
      assert.deepEqual(await readSidecarFile(at('a.txt', 'a.txt.annotations.yaml')), { status: 'missing' });
    });

    it('says a loop of symlinks is unreadable, in the same words as any other unreadable file', async () => {
      symlinkSync('b.yaml', at('a.yaml'));
      symlinkSync('a.yaml', at('b.yaml'));
      const read = await readSidecarFile(at('a.yaml'));
      assert.deepEqual(read, { status: 'problem', problem: { code: 'unreadable', severity: 'error', message: 'This file could not be read: too many symbolic links.', offset: 0, length: 0, line: 1, column: 1 } });
    });

    it('leaves no file open after reading and writing, so a long session never runs out of them', async () => {
      writeFileSync(at('a.yaml'), 'a: 0\n');
      // Counted around each call: a file left open is closed when its handle is collected, which would hide a leak over many calls.
      const open = () => readdirSync('/proc/self/fd').length;
      const calls: [string, () => Promise<unknown>][] = [
        ['a read', () => readSidecarFile(at('a.yaml'))],
        ['a read of a missing file', () => readSidecarFile(at('none.yaml'))],
        ['a write', () => writeFileAtomic(at('a.yaml'), 'a: 1\n')],
        ['a refused write', () => writeFileAtomic(at('a.yaml'), 'a: 2\n', { expected: 'a: 0\n' })],
      ];
      for (const [what, call] of calls) {
        const before = open();
        await call();
        assert.equal(open(), before, `${what} left a file open`);
      }
    });
  });

  describe('symlinks when writing', () => {
    it('writes through a chain of 40 symlinks, as many as the system itself follows when reading', async () => {
      const last = chainOf(40);
      assert.deepEqual(await readSidecarFile(last), { status: 'ok', text: 'a: 1\n' });
      assert.equal((await writeFileAtomic(last, 'a: 2\n')).status, 'written');
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 2\n');
      assert.ok(lstatSync(last).isSymbolicLink());
    });

    it('refuses a chain of 41 symlinks and a loop, and writes nothing', async () => {
      const last = chainOf(41);
      symlinkSync('loop-b.yaml', at('loop-a.yaml'));
      symlinkSync('loop-a.yaml', at('loop-b.yaml'));
      for (const path of [last, at('loop-a.yaml')]) {
        await assert.rejects(writeFileAtomic(path, 'a: 2\n'), (err: unknown) => err instanceof FileError && err.code === 'unwritable' && err.message === `${path}: this is a chain of more than 40 symbolic links, so nothing was written.`);
      }
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 1\n');
      assert.deepEqual(temps(), []);
    });

    it('gives the real path of a file through a linked folder, whether or not the file is there yet', async () => {
      mkdirSync(at('real'));
      symlinkSync('real', at('alias'));
      writeFileSync(at('real', 'a.yaml'), 'a: 1\n');
      symlinkSync('real/a.yaml', at('link.yaml'));
      symlinkSync('real/b.yaml', at('dangling.yaml'));
      assert.equal(await realPathOf(at('alias', 'a.yaml')), at('real', 'a.yaml'));
      assert.equal(await realPathOf(at('link.yaml')), at('real', 'a.yaml'));
      assert.equal(await realPathOf(at('alias', 'new.yaml')), at('real', 'new.yaml'));
      assert.equal(await realPathOf(at('dangling.yaml')), at('real', 'b.yaml'));
    });
  });

  describe('writing', () => {
    it('says so in words when the folder is not there', async () => {
      const path = at('gone', 'a.yaml');
      await assert.rejects(writeFileAtomic(path, 'a: 1\n'), (err: unknown) => err instanceof FileError && err.code === 'unwritable' && err.message === `${path}: could not be written: the file or its folder does not exist.`);
    });

    it('says in words why a folder cannot be written over', async () => {
      mkdirSync(at('folder.yaml'));
      await assert.rejects(writeFileAtomic(at('folder.yaml'), 'a: 1\n'), { message: `${at('folder.yaml')}: this is a folder, not a regular file, so nothing was written to it.` });
    });

    it('writes bytes exactly as given, over a file with CRLF and a byte-order mark', async () => {
      writeFileSync(at('a.yaml'), '\ufeffa: 1\r\n');
      const bytes = Buffer.from('a: 2\n', 'utf8');
      assert.deepEqual(await writeFileAtomic(at('a.yaml'), bytes), { status: 'written', data: bytes });
      assert.deepEqual(readFileSync(at('a.yaml')), bytes);
    });

    it('writes text exactly as given when asked not to keep the old file’s form', async () => {
      writeFileSync(at('a.yaml'), '\ufeffa: 1\r\n');
      assert.deepEqual(await writeFileAtomic(at('a.yaml'), 'a: 2\n', { keepForm: false }), { status: 'written', data: 'a: 2\n' });
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 2\n');
      await writeFileAtomic(at('a.yaml'), '\ufeffa: 3\r\n');
      assert.deepEqual(await writeFileAtomic(at('a.yaml'), 'a: 4\n'), { status: 'written', data: '\ufeffa: 4\r\n' }, 'by default the form is kept');
    });

    it('writes nothing, not even a temporary file, over a file that changed before the write began', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\nb: by hand\n');
      let hookRan = false;
      const outcome = await writeFileAtomic(at('a.yaml'), 'a: 2\n', { expected: 'a: 1\n', beforeRename: () => void (hookRan = true) });
      assert.deepEqual(outcome, { status: 'changed', current: { status: 'ok', text: 'a: 1\nb: by hand\n' } });
      assert.equal(hookRan, false, 'no rename was prepared');
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 1\nb: by hand\n');
      // A Latin-1 file where a sidecar was expected is a change too, reported as the problem it is.
      writeFileSync(at('b.yaml'), LATIN1);
      const latin1 = await writeFileAtomic(at('b.yaml'), 'b: 2\n', { expected: 'b: 1\n' });
      assert.equal(latin1.status === 'changed' && latin1.current.status, 'problem');
      assert.deepEqual(readFileSync(at('b.yaml')), LATIN1);
    });

    it('leaves the old file and no temporary file when the write fails before the rename, and says why', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      const failing = writeFileAtomic(at('a.yaml'), 'a: 2\n', {
        beforeRename: () => {
          throw new Error('the disk went away');
        },
      });
      await assert.rejects(failing, (err: unknown) => err instanceof FileError && err.code === 'unwritable' && err.message === `${at('a.yaml')}: could not be written: the disk went away.`);
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 1\n');
      assert.deepEqual(temps(), []);
    });

    it('keeps the owner and the group of the file it replaces when run as root, each on its own', async function () {
      if (process.getuid?.() !== 0) {
        this.skip();
      }
      for (const [uid, gid] of [
        [1234, 0],
        [0, 5678],
      ]) {
        writeFileSync(at('a.yaml'), 'a: 1\n');
        chownSync(at('a.yaml'), uid, gid);
        await writeFileAtomic(at('a.yaml'), 'a: 2\n');
        assert.deepEqual([statSync(at('a.yaml')).uid, statSync(at('a.yaml')).gid], [uid, gid]);
      }
    });
  });

  describe('temporary files left behind', () => {
    const age = (name: string, minutes: number) => {
      const when = (Date.now() - minutes * 60_000) / 1000;
      utimesSync(at(name), when, when);
    };

    it('keeps a young temporary file of this or another running process, and removes one older than ten minutes', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      const ours = tempNameFor('a.yaml', process.pid, 'aaaaaa');
      const parent = tempNameFor('a.yaml', process.ppid, 'bbbbbb');
      const stale = tempNameFor('a.yaml', process.ppid, 'cccccc');
      for (const name of [ours, parent, stale]) {
        writeFileSync(at(name), 'half');
      }
      age(ours, 5);
      age(parent, 5);
      age(stale, 11);
      await writeFileAtomic(at('a.yaml'), 'a: 2\n');
      assert.deepEqual(temps().sort(), [ours, parent].sort());
    });

    it('never removes a folder or a symlink that only has a temporary file’s name', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      writeFileSync(at('notes.txt'), 'my notes');
      const folder = tempNameFor('a.yaml', 999_999_999, 'aaaaaa');
      const link = tempNameFor('a.yaml', 999_999_999, 'bbbbbb');
      mkdirSync(at(folder));
      symlinkSync('notes.txt', at(link));
      age(folder, 60);
      await writeFileAtomic(at('a.yaml'), 'a: 2\n');
      assert.ok(statSync(at(folder)).isDirectory());
      assert.ok(lstatSync(at(link)).isSymbolicLink());
      assert.equal(readFileSync(at('notes.txt'), 'utf8'), 'my notes');
    });
  });

  describe('system errors in words', () => {
    it('gives each common error a sentence of its own, without its code', () => {
      const codes = ['EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EROFS', 'EISDIR', 'EEXIST', 'ENOTDIR', 'ENOENT', 'ELOOP', 'EMFILE', 'EIO', 'EXDEV'];
      const sentences = codes.map((code) => describeFsError(Object.assign(new Error(`${code}: raw`), { code })));
      for (const [i, sentence] of sentences.entries()) {
        assert.match(sentence, /^[a-z][^A-Z]*\.$/, codes[i]);
      }
      assert.equal(new Set(sentences).size, codes.length, 'no two errors read the same');
      assert.equal(describeFsError(Object.assign(new Error('something odd'), { code: 'EWHATEVER' })), 'something odd.');
      assert.equal(describeFsError('a plain reason'), 'a plain reason.');
    });
  });
});
