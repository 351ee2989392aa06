// Tests of the file layer: what it reads, what it refuses, and what a write leaves on disk.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError, readArticleFile, readSidecarFile, readTextFile, removeStaleTemps, writeFileAtomic } from '../../../src/core/files';
import { decodeArticle, decodeSidecarBytes, inFormOf, STALE_TEMP_MS, tempNameFor, tempOwner } from '../../../src/core/fileRules';

describe('files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'newsmark-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('decoding', () => {
    it('drops a leading byte-order mark from an article, as VS Code does, and only a leading one', () => {
      assert.equal(decodeArticle(Buffer.from('\ufeffArmenia\ufeff', 'utf8')), 'Armenia\ufeff');
      assert.equal(decodeArticle(Buffer.from('Armenia', 'utf8')), 'Armenia');
    });

    it('positions a Latin-1 byte in a sidecar by line and column, and names the byte', () => {
      const bytes = Buffer.concat([Buffer.from('newsmark: 1\nnotes: 🇦🇲 Jos', 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]);
      const decoded = decodeSidecarBytes(bytes);
      assert.ok('problem' in decoded);
      assert.equal(decoded.problem.code, 'encoding');
      assert.equal(decoded.problem.line, 2);
      assert.equal(decoded.problem.column, 'notes: 🇦🇲 Jos'.length + 1);
      assert.match(decoded.problem.message, /0xE9 is not valid UTF-8/);
    });

    it('takes a U+FFFD that was really written for a character, not for a bad byte', () => {
      const bytes = Buffer.concat([Buffer.from('a: \ufffd\nb: ', 'utf8'), Buffer.from([0xff])]);
      const decoded = decodeSidecarBytes(bytes);
      assert.ok('problem' in decoded);
      assert.deepEqual([decoded.problem.line, decoded.problem.column], [2, 4]);
      assert.deepEqual(decodeSidecarBytes(Buffer.from('a: \ufffd\n', 'utf8')), { text: 'a: \ufffd\n' });
    });

    it('says a UTF-16 sidecar is UTF-16', () => {
      const decoded = decodeSidecarBytes(Buffer.from('\ufeffnewsmark: 1\n', 'utf16le'));
      assert.ok('problem' in decoded);
      assert.match(decoded.problem.message, /saved as UTF-16/);
    });

    it('gives a rewrite the line endings and byte-order mark of the file it replaces', () => {
      assert.equal(inFormOf('a: 1\r\nb: 2\r\n', 'a: 1\nb: 3\n'), 'a: 1\r\nb: 3\r\n');
      assert.equal(inFormOf('\ufeffa: 1\n', 'a: 2\n'), '\ufeffa: 2\n');
      assert.equal(inFormOf('a: 1\n', 'a: 2\n'), 'a: 2\n');
      assert.equal(inFormOf(undefined, 'a: 2\n'), 'a: 2\n');
    });

    it('recognises its own temporary names, and only those of the file asked about', () => {
      const name = tempNameFor('a.txt.annotations.yaml', 4242, 'abc123');
      assert.equal(tempOwner('a.txt.annotations.yaml', name), 4242);
      assert.equal(tempOwner('b.txt.annotations.yaml', name), undefined);
      assert.equal(tempOwner('a.txt.annotations.yaml', '.a.txt.annotations.yaml.swp'), undefined);
      // A name that only contains the pattern is someone else's file, which the cleanup must never remove.
      for (const other of ['.a.txt.annotations.yaml.x4242.abc123.tmp', '.a.txt.annotations.yaml.4242.abc123.old.tmp', '.a.txt.annotations.yaml.4242.ABC.tmp', '.a.txt.annotations.yaml.4242.abc123.tmp.bak', 'x.a.txt.annotations.yaml.4242.abc123.tmp']) {
        assert.equal(tempOwner('a.txt.annotations.yaml', other), undefined, other);
      }
    });

    it('lets the first line break decide the endings, and never doubles a CR or a byte-order mark', () => {
      assert.equal(inFormOf('a: 1\nb: 2\r\n', 'a: 1\nb: 3\n'), 'a: 1\nb: 3\n');
      assert.equal(inFormOf('a: 1\r\n', 'a: 1\r\nb: 3\n'), 'a: 1\r\nb: 3\r\n');
      assert.equal(inFormOf('\ufeffa: 1\r\n', '\ufeffa: 2\n'), '\ufeffa: 2\r\n');
      assert.equal(inFormOf('a: 1', 'a: 2\n'), 'a: 2\n');
      assert.equal(inFormOf('', 'a: 2\n'), 'a: 2\n');
    });
  });

  describe('reading', () => {
    it('reports a folder, a pipe and a device as what they are, without reading them', async () => {
      mkdirSync(join(dir, 'folder.yaml'));
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
      for (const [name, what] of [
        ['folder.yaml', /a folder/],
        ['pipe.yaml', /a named pipe/],
        ['zero.yaml', /a device/],
      ] as const) {
        const read = await readSidecarFile(join(dir, name));
        assert.equal(read.status, 'problem', name);
        assert.equal(read.status === 'problem' && read.problem.code, 'not-a-file');
        assert.match(read.status === 'problem' ? read.problem.message : '', what);
      }
      assert.deepEqual(await readSidecarFile(join(dir, 'none.yaml')), { status: 'missing' });
    });

    it('stops reading at the limit even when the file claims to be smaller', async () => {
      // Files under /proc say they are empty and then give more; the limit holds while reading.
      const read = await readTextFile('/proc/self/maps', 'article', 1000);
      assert.equal(read.status, 'problem');
      assert.equal(read.status === 'problem' && read.problem.code, 'too-large');
      const fits = await readTextFile('/proc/self/maps', 'article', 16 * 1024 * 1024);
      assert.equal(fits.status, 'ok');
    });

    it('refuses a file over the limit by its size', async () => {
      writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(2000));
      const read = await readTextFile(join(dir, 'big.yaml'), 'sidecar', 1000);
      assert.equal(read.status === 'problem' && read.problem.message, 'This file is 2000 bytes, over the 1000 bytes Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.');
    });

    it('says in a sentence why a file could not be read, such as a loop of symlinks', async () => {
      symlinkSync('b.yaml', join(dir, 'a.yaml'));
      symlinkSync('a.yaml', join(dir, 'b.yaml'));
      const read = await readSidecarFile(join(dir, 'a.yaml'));
      assert.equal(read.status === 'problem' && read.problem.message, 'This file could not be read: too many symbolic links.');
    });

    it('follows a symlink to the file it names, and reads an article without its byte-order mark', async () => {
      writeFileSync(join(dir, 'real.txt'), '\ufeffArmenia');
      symlinkSync('real.txt', join(dir, 'link.txt'));
      assert.deepEqual(await readArticleFile(join(dir, 'link.txt')), { status: 'ok', text: 'Armenia' });
    });
  });

  describe('writing', () => {
    const noTemps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

    it('writes through a symlink: the link stays a link and its target gets the change', async () => {
      mkdirSync(join(dir, 'shared'));
      writeFileSync(join(dir, 'shared/a.yaml'), 'a: 1\n');
      symlinkSync('shared/a.yaml', join(dir, 'a.yaml'));
      await writeFileAtomic(join(dir, 'a.yaml'), 'a: 2\n');
      assert.ok(lstatSync(join(dir, 'a.yaml')).isSymbolicLink());
      assert.equal(readlinkSync(join(dir, 'a.yaml')), 'shared/a.yaml');
      assert.equal(readFileSync(join(dir, 'shared/a.yaml'), 'utf8'), 'a: 2\n');
      assert.deepEqual(readdirSync(join(dir, 'shared')), ['a.yaml'], 'the temporary file was made beside the target');
    });

    it('keeps the mode and the CRLF line endings of the file it replaces', async () => {
      const path = join(dir, 'a.yaml');
      writeFileSync(path, 'a: 1\r\nb: 1\r\n');
      chmodSync(path, 0o640);
      const outcome = await writeFileAtomic(path, 'a: 2\nb: 2\n');
      assert.deepEqual(outcome, { status: 'written', data: 'a: 2\r\nb: 2\r\n' });
      assert.equal(readFileSync(path, 'utf8'), 'a: 2\r\nb: 2\r\n');
      assert.equal(statSync(path).mode & 0o777, 0o640);
    });

    it('keeps the owner of the file it replaces when run as root', async function () {
      if (process.getuid?.() !== 0) {
        this.skip();
      }
      const path = join(dir, 'a.yaml');
      writeFileSync(path, 'a: 1\n');
      chownSync(path, 1234, 5678);
      await writeFileAtomic(path, 'a: 2\n');
      assert.deepEqual([statSync(path).uid, statSync(path).gid], [1234, 5678]);
    });

    it('refuses a read-only file and leaves it as it was', async () => {
      const path = join(dir, 'a.yaml');
      writeFileSync(path, 'a: 1\n');
      chmodSync(path, 0o444);
      await assert.rejects(writeFileAtomic(path, 'a: 2\n'), (err: unknown) => err instanceof FileError && err.code === 'read-only' && /read-only, so it was not changed/.test(err.message));
      assert.equal(readFileSync(path, 'utf8'), 'a: 1\n');
      assert.equal(statSync(path).mode & 0o777, 0o444);
      assert.deepEqual(noTemps(), []);
    });

    it('refuses to write over a folder or a pipe', async () => {
      mkdirSync(join(dir, 'folder.yaml'));
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      for (const name of ['folder.yaml', 'pipe.yaml']) {
        await assert.rejects(writeFileAtomic(join(dir, name), 'a: 2\n'), (err: unknown) => err instanceof FileError && err.code === 'not-a-file');
      }
      assert.ok(statSync(join(dir, 'folder.yaml')).isDirectory());
      assert.ok(statSync(join(dir, 'pipe.yaml')).isFIFO());
    });

    it('does not rename over a change made after the file was read, and says what is there now', async () => {
      const path = join(dir, 'a.yaml');
      writeFileSync(path, 'a: 1\n');
      const outcome = await writeFileAtomic(path, 'a: 2\n', { expected: 'a: 1\n', beforeRename: () => writeFileSync(path, 'a: 1\nb: by hand\n') });
      assert.deepEqual(outcome, { status: 'changed', current: { status: 'ok', text: 'a: 1\nb: by hand\n' } });
      assert.equal(readFileSync(path, 'utf8'), 'a: 1\nb: by hand\n');
      assert.deepEqual(noTemps(), []);
      // A file expected not to exist that appeared meanwhile is not replaced either.
      const fresh = join(dir, 'b.yaml');
      const appeared = await writeFileAtomic(fresh, 'b: 2\n', { expected: null, beforeRename: () => writeFileSync(fresh, 'b: theirs\n') });
      assert.equal(appeared.status, 'changed');
      assert.equal(readFileSync(fresh, 'utf8'), 'b: theirs\n');
      assert.equal((await writeFileAtomic(path, 'a: 3\n', { expected: 'a: 1\nb: by hand\n' })).status, 'written');
    });

    it('removes the temporary files a crashed writer left, and not those of a live one', async () => {
      const path = join(dir, 'a.yaml');
      writeFileSync(path, 'a: 1\n');
      const dead = tempNameFor('a.yaml', deadPid(), 'aaaaaa');
      const live = tempNameFor('a.yaml', process.pid, 'bbbbbb');
      const old = tempNameFor('a.yaml', process.pid, 'cccccc');
      const other = tempNameFor('b.yaml', deadPid(), 'dddddd');
      for (const name of [dead, live, old, other]) {
        writeFileSync(join(dir, name), 'half');
      }
      const long = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
      utimesSync(join(dir, old), long, long);
      await writeFileAtomic(path, 'a: 2\n');
      assert.deepEqual(noTemps().sort(), [live, other].sort());
      assert.deepEqual(await removeStaleTemps(dir, 'b.yaml'), [other]);
    });

    it('removes with one listing the temporary files crashed writers left of several targets, and only theirs', async () => {
      const names = ['a.jsonld', 'b.jsonld', 'c.v2.jsonld'].map((n) => tempNameFor(n, deadPid(), 'aaaaaa'));
      const kept = [tempNameFor('d.jsonld', deadPid(), 'bbbbbb'), tempNameFor('a.jsonld', process.pid, 'cccccc'), '.a.jsonld.tmp'];
      for (const name of [...names, ...kept]) {
        writeFileSync(join(dir, name), 'half');
      }
      assert.deepEqual((await removeStaleTemps(dir, new Set(['a.jsonld', 'b.jsonld', 'c.v2.jsonld']))).sort(), names.sort());
      assert.deepEqual(noTemps().sort(), [...kept].sort());
    });
  });
});

/** A process id that no process has: past the largest the kernel hands out. */
function deadPid(): number {
  const max = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
  return max + 1;
}
