// Tests of the file layer when the disk or the system misbehaves: files swapped or removed mid-read, failing calls, a folder that cannot be flushed.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError, readSidecarFile, writeFileAtomic } from '../../../src/core/files';
import { tempNameFor } from '../../../src/core/fileRules';

type Promises = typeof fs;
type Faulty = 'stat' | 'lstat' | 'open' | 'access';

/**
 * Runs `body` with one function of node:fs/promises replaced, then puts it back. The file layer calls
 * the module's functions as it goes, so this is how a failing disk or a file swapped at the wrong moment is made.
 */
async function withFault<K extends Faulty>(name: K, replacement: (original: Promises[K]) => Promises[K], body: () => Promise<void>): Promise<void> {
  const original = fs[name];
  fs[name] = replacement(original);
  try {
    await body();
  } finally {
    fs[name] = original;
  }
}

/** An error as the system gives it. */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: from the system`), { code });
}

describe('files when the system misbehaves', () => {
  let dir: string;
  beforeEach(() => (dir = realpathSync(mkdtempSync(join(tmpdir(), 'newsmark-faults-')))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const at = (name: string) => join(dir, name);
  const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

  describe('reading', () => {
    it('does not read a pipe put where a file was checked a moment before (a read would wait for ever)', async () => {
      writeFileSync(at('checked.yaml'), 'a: 1\n');
      execFileSync('mkfifo', [at('pipe.yaml')]);
      await withFault(
        'stat',
        (stat) => ((path: string) => stat(path === at('pipe.yaml') ? at('checked.yaml') : path)) as Promises['stat'],
        async () => {
          const read = await readSidecarFile(at('pipe.yaml'));
          assert.equal(read.status === 'problem' && read.problem.message, 'This is a named pipe (FIFO), not a regular file, so it was not read; rename or remove it.');
        },
      );
    });

    it('takes a file removed between the check and the open for a file that is not there', async () => {
      writeFileSync(at('checked.yaml'), 'a: 1\n');
      await withFault(
        'stat',
        (stat) => ((path: string) => stat(path === at('gone.yaml') ? at('checked.yaml') : path)) as Promises['stat'],
        async () => assert.deepEqual(await readSidecarFile(at('gone.yaml')), { status: 'missing' }),
      );
    });

    it('says in words why a file that cannot be opened was not read', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      await withFault(
        'open',
        () => (async () => Promise.reject(systemError('EIO'))) as Promises['open'],
        async () => {
          const read = await readSidecarFile(at('a.yaml'));
          assert.deepEqual(read.status === 'problem' && [read.problem.code, read.problem.message], ['unreadable', 'This file could not be read: the disk reported an input/output error.']);
        },
      );
    });

    it('reads a file whole when it says it is smaller than it is, as a file being appended to does', async () => {
      const text = `notes: ${'an actor of the article. '.repeat(8000)}\n`;
      writeFileSync(at('a.yaml'), text);
      await withFault(
        'open',
        (open) =>
          (async (...args: Parameters<Promises['open']>) => {
            const handle = await open(...args);
            const stat = handle.stat.bind(handle);
            handle.stat = (async () => Object.assign(await stat(), { size: 10 })) as typeof handle.stat;
            return handle;
          }) as Promises['open'],
        async () => assert.deepEqual(await readSidecarFile(at('a.yaml')), { status: 'ok', text }),
      );
    });
  });

  describe('writing', () => {
    it('writes nothing over a file whose state cannot be checked', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      await withFault(
        'stat',
        (stat) => ((path: string) => (path === at('a.yaml') ? Promise.reject(systemError('EIO')) : stat(path))) as Promises['stat'],
        async () => {
          await assert.rejects(writeFileAtomic(at('a.yaml'), 'a: 2\n'), (err: unknown) => err instanceof FileError && err.code === 'unwritable' && /the disk reported an input\/output error/.test(err.message));
        },
      );
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 1\n');
      assert.deepEqual(temps(), []);
    });

    it('refuses as read-only a file the system will not let it write, whatever its mode says', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      await withFault(
        'access',
        () => (async () => Promise.reject(systemError('EROFS'))) as Promises['access'],
        async () => {
          await assert.rejects(writeFileAtomic(at('a.yaml'), 'a: 2\n'), (err: unknown) => err instanceof FileError && err.code === 'read-only');
        },
      );
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 1\n');
    });

    it('never lets others read a private file’s new version, not even while it is being written', async () => {
      writeFileSync(at('a.yaml'), 'secret: 1\n', { mode: 0o600 });
      const modes: number[] = [];
      await withFault(
        'open',
        (open) =>
          (async (...args: Parameters<Promises['open']>) => {
            const handle = await open(...args);
            if (String(args[0]).endsWith('.tmp')) {
              modes.push(statSync(String(args[0])).mode & 0o777);
            }
            return handle;
          }) as Promises['open'],
        () => writeFileAtomic(at('a.yaml'), 'secret: 2\n').then(() => undefined),
      );
      assert.equal(modes.length, 1, 'one temporary file was made');
      assert.equal(modes[0] & 0o077, 0, `the temporary file was made with mode ${modes[0].toString(8)}`);
      assert.equal(statSync(at('a.yaml')).mode & 0o777, 0o600);
    });

    it('flushes the folder after the rename, so that the new version survives a power cut', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      const flushed: string[] = [];
      await withFault(
        'open',
        (open) =>
          (async (...args: Parameters<Promises['open']>) => {
            const handle = await open(...args);
            if (args[0] === dir) {
              const sync = handle.sync.bind(handle);
              handle.sync = async () => {
                flushed.push(readFileSync(at('a.yaml'), 'utf8'));
                return sync();
              };
            }
            return handle;
          }) as Promises['open'],
        () => writeFileAtomic(at('a.yaml'), 'a: 2\n').then(() => undefined),
      );
      assert.deepEqual(flushed, ['a: 2\n'], 'the folder was flushed once, with the new version in it');
    });

    it('still writes where the folder cannot be opened for flushing', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      await withFault(
        'open',
        (open) => ((...args: Parameters<Promises['open']>) => (args[0] === dir ? Promise.reject(systemError('EACCES')) : open(...args))) as Promises['open'],
        async () => assert.equal((await writeFileAtomic(at('a.yaml'), 'a: 2\n')).status, 'written'),
      );
      assert.equal(readFileSync(at('a.yaml'), 'utf8'), 'a: 2\n');
    });
  });

  describe('temporary files left behind', () => {
    it('skips one its writer removed while the folder was being looked through', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      const finished = tempNameFor('a.yaml', 999_999_999, 'aaaaaa');
      writeFileSync(at(finished), 'half');
      await withFault(
        'lstat',
        (lstat) => ((path: string) => (path === at(finished) ? Promise.reject(systemError('ENOENT')) : lstat(path))) as Promises['lstat'],
        async () => assert.equal((await writeFileAtomic(at('a.yaml'), 'a: 2\n')).status, 'written'),
      );
    });

    it('keeps one of a running process that belongs to another user', async () => {
      writeFileSync(at('a.yaml'), 'a: 1\n');
      const theirs = 999_999_998;
      writeFileSync(at(tempNameFor('a.yaml', theirs, 'aaaaaa')), 'half');
      const kill = process.kill;
      // Signalling another user's process is refused with EPERM: it exists, and is not ours to judge.
      process.kill = ((pid: number, signal?: string | number) => {
        if (pid === theirs) {
          throw systemError('EPERM');
        }
        return kill.call(process, pid, signal);
      }) as typeof process.kill;
      try {
        await writeFileAtomic(at('a.yaml'), 'a: 2\n');
      } finally {
        process.kill = kill;
      }
      assert.deepEqual(temps(), [tempNameFor('a.yaml', theirs, 'aaaaaa')]);
    });
  });
});
