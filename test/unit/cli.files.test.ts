// Tests of the command-line tool, run as a process, on hostile files: nothing it is given is lost, replaced by mistake or misread.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, main } from '../../src/cli';
import { decodeArticle } from '../../src/core/fileRules';
import { decodeSidecar } from '../../src/core/sidecar';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'out/src/cli.js');
const FIXTURES = join(ROOT, 'test/fixtures/brat');
const SIDECAR = 'articles/summit.txt.annotations.yaml';
const ARTICLE = 'articles/summit.txt';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the tool as a process; a run that hangs is killed after the timeout and comes back with code null. */
function cli(cwd: string, ...argv: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', timeout: 30_000 });
  assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace reaches the user');
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A repository holding summit.txt and its sidecar, imported from the brat fixture. */
function newsroom(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-cli-files-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'articles'));
  for (const f of ['summit.txt', 'summit.ann']) {
    copyFileSync(join(FIXTURES, f), join(dir, 'articles', f));
  }
  const r = cli(dir, 'import', 'brat', ARTICLE, 'articles/summit.ann');
  assert.equal(r.code, EXIT.ok, r.err);
  return dir;
}

/** Text added above every annotation, so that reanchor has something to move. */
function editArticle(dir: string): void {
  const path = join(dir, ARTICLE);
  writeFileSync(path, 'UPDATED 14:05: talks resume next week.\n\n' + readFileSync(path, 'utf8'));
}

function bytes(dir: string, path: string): Buffer {
  return readFileSync(join(dir, path));
}

function temps(dir: string): string[] {
  return readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.tmp'));
}

describe('cli on hostile files', () => {
  const made: string[] = [];
  const room = () => {
    const dir = newsroom();
    made.push(dir);
    return dir;
  };
  after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('export -o', () => {
    it('never writes over the sidecar, the article, or any sidecar, however it is named', () => {
      const dir = room();
      symlinkSync('summit.txt', join(dir, 'articles/alias.csv'));
      mkdirSync(join(dir, 'articles/x'));
      const sidecar = bytes(dir, SIDECAR);
      const article = bytes(dir, ARTICLE);
      for (const [target, what] of [
        [SIDECAR, /the sidecar of an article being exported/],
        [ARTICLE, /an article being exported/],
        ['./articles/x/../summit.txt', /an article being exported/],
        ['articles/alias.csv', /an article being exported/],
        ['articles/other.txt.annotations.yaml', /which is a sidecar/],
      ] as const) {
        const r = cli(dir, 'export', '--format', 'csv', '--force', '-o', target, ARTICLE);
        assert.equal(r.code, EXIT.usage, target);
        assert.match(r.err, what, target);
        assert.match(r.err, /-o would write over .*; name another output file/);
      }
      assert.deepEqual(bytes(dir, SIDECAR), sidecar);
      assert.deepEqual(bytes(dir, ARTICLE), article);
      assert.ok(!readdirSync(join(dir, 'articles')).includes('other.txt.annotations.yaml'));
    });

    it('replaces an existing output file only with --force', () => {
      const dir = room();
      writeFileSync(join(dir, 'report.md'), 'my own notes\n');
      const refused = cli(dir, 'export', '--format', 'markdown', '-o', 'report.md', ARTICLE);
      assert.equal(refused.code, EXIT.problems);
      assert.match(refused.err, /^report\.md already exists; pass --force to replace it\. Nothing was written\.\n$/);
      assert.equal(readFileSync(join(dir, 'report.md'), 'utf8'), 'my own notes\n');
      assert.equal(cli(dir, 'export', '--format', 'markdown', '--force', '-o', 'report.md', ARTICLE).code, EXIT.ok);
      assert.match(readFileSync(join(dir, 'report.md'), 'utf8'), /^# Fact-check report: summit\.txt/);
    });

    it('says in one sentence why an output folder cannot be made', () => {
      const dir = room();
      const r = cli(dir, 'export', '--format', 'csv', '-o', 'articles/summit.ann/claims.csv', ARTICLE);
      assert.equal(r.code, EXIT.problems);
      assert.equal(r.err, 'articles/summit.ann: the folder could not be made: a file of that name is in the way.\n');
    });
  });

  describe('a sidecar that is not UTF-8', () => {
    it('is refused at its line and column by every command, and left byte for byte', () => {
      const dir = room();
      const source = readFileSync(join(dir, SIDECAR), 'utf8');
      const line = source.split('\n').findIndex((l) => l.includes('name: Nikol Pashinyan')) + 1;
      // "Jos\xe9" as a Latin-1 editor saves it, in a note under the actor's name.
      const latin1 = Buffer.from(source.replace(/^(\s*)name: Nikol Pashinyan$/m, '$1name: Nikol Pashinyan\n$1notes: Jos\xe9'), 'latin1');
      writeFileSync(join(dir, SIDECAR), latin1);
      editArticle(dir);
      const column = source.split('\n')[line - 1].indexOf('name') + 'notes: Jos'.length + 1;
      const validate = cli(dir, 'validate', '.');
      assert.equal(validate.code, EXIT.problems);
      assert.equal(validate.out, `${SIDECAR}:${line + 1}:${column}: The byte 0xE9 is not valid UTF-8 (the file may have been saved as Latin-1 or Windows-1252). A sidecar must be UTF-8: re-save it as UTF-8, or retype this character.\n`);
      for (const argv of [['reanchor', ARTICLE], ['export', '--format', 'csv', ARTICLE], ['stats', '--json', '.']]) {
        const r = cli(dir, ...argv);
        if (argv[0] === 'stats') {
          assert.equal(JSON.parse(r.out).unreadable, 1);
        } else {
          assert.equal(r.code, EXIT.problems, argv.join(' '));
          assert.match(r.err, new RegExp(`^${SIDECAR}:${line + 1}:${column}: The byte 0xE9`, 'm'));
        }
      }
      assert.deepEqual(bytes(dir, SIDECAR), latin1);
    });
  });

  describe('an article with a byte-order mark', () => {
    it('is the same text to the command line as to the editor: no offset moves', () => {
      const dir = room();
      const sidecar = bytes(dir, SIDECAR);
      writeFileSync(join(dir, ARTICLE), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(dir, ARTICLE)]));
      assert.equal(cli(dir, 'validate', '--strict', '.').code, EXIT.ok, 'the mark does not make the article look changed');
      assert.match(cli(dir, 'reanchor', ARTICLE).out, /\(sidecar already up to date\)/);
      assert.deepEqual(bytes(dir, SIDECAR), sidecar);
    });

    it('gets anchors that quote the text the editor shows at their offsets', () => {
      const dir = room();
      editArticle(dir);
      writeFileSync(join(dir, ARTICLE), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(dir, ARTICLE)]));
      assert.equal(cli(dir, 'reanchor', ARTICLE).code, EXIT.ok);
      const shown = decodeArticle(bytes(dir, ARTICLE));
      const decoded = decodeSidecar(readFileSync(join(dir, SIDECAR), 'utf8'), shown);
      assert.deepEqual(decoded.problems, []);
      // Decoded anchors hold offsets into the text as the editor indexes it.
      for (const actor of decoded.annotations!.actors) {
        for (const m of actor.mentions) {
          assert.equal(shown.slice(m.start, m.end), m.quote);
        }
      }
      assert.match(readFileSync(join(dir, SIDECAR), 'utf8'), /start: 110, end: 125, quote: Nikol Pashinyan,/, 'the sidecar counts from the first letter, after the mark');
    });
  });

  describe('rewriting a sidecar', () => {
    it('writes a symlinked sidecar through the link, to the shared file', () => {
      const dir = room();
      mkdirSync(join(dir, 'shared'));
      renameSync(join(dir, SIDECAR), join(dir, 'shared/summit.yaml'));
      symlinkSync('../shared/summit.yaml', join(dir, SIDECAR));
      const before = bytes(dir, 'shared/summit.yaml');
      editArticle(dir);
      assert.match(cli(dir, 'reanchor', ARTICLE).out, /\(sidecar updated\)/);
      assert.ok(lstatSync(join(dir, SIDECAR)).isSymbolicLink(), 'the link is still a link');
      assert.notDeepEqual(bytes(dir, 'shared/summit.yaml'), before);
      assert.equal(cli(dir, 'validate', '--strict', '.').code, EXIT.ok);
      assert.deepEqual(readdirSync(join(dir, 'shared')), ['summit.yaml']);
    });

    it('refuses a read-only sidecar, and leaves it as it was', () => {
      const dir = room();
      chmodSync(join(dir, SIDECAR), 0o444);
      const before = bytes(dir, SIDECAR);
      editArticle(dir);
      const r = cli(dir, 'reanchor', ARTICLE);
      assert.equal(r.code, EXIT.problems);
      assert.equal(r.err, `${SIDECAR}: the file is read-only, so it was not changed; make it writable (chmod u+w) to let Newsmark update it.\n`);
      assert.deepEqual(bytes(dir, SIDECAR), before);
      assert.equal(statSync(join(dir, SIDECAR)).mode & 0o777, 0o444);
      assert.deepEqual(temps(dir), []);
    });

    it('keeps a CRLF sidecar CRLF', () => {
      const dir = room();
      writeFileSync(join(dir, SIDECAR), readFileSync(join(dir, SIDECAR), 'utf8').replace(/\n/g, '\r\n'));
      editArticle(dir);
      assert.match(cli(dir, 'reanchor', ARTICLE).out, /\(sidecar updated\)/);
      const after = readFileSync(join(dir, SIDECAR), 'utf8');
      assert.ok(after.includes('\r\n'));
      assert.doesNotMatch(after, /[^\r]\n/, 'every line break is CRLF');
      assert.match(cli(dir, 'reanchor', ARTICLE).out, /\(sidecar already up to date\)/, 'the line endings alone are no reason to write');
      assert.equal(cli(dir, 'validate', '--strict', '.').code, EXIT.ok);
    });

    it('removes the temporary files of a crashed write when it next writes the sidecar', () => {
      const dir = room();
      const max = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
      const crashed = `.summit.txt.annotations.yaml.${max + 1}.0a1b2c3d4e5f.tmp`;
      writeFileSync(join(dir, 'articles', crashed), 'newsmark: 1\narticle: {file: summ');
      editArticle(dir);
      assert.equal(cli(dir, 'reanchor', ARTICLE).code, EXIT.ok);
      assert.deepEqual(temps(dir), []);
    });
  });

  describe('an edit made while reanchor runs', () => {
    const note = 'notes: Confirmed with the ministry by phone.';
    const addNote = (path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(/^(\s*)status: unchecked$/m, `$1status: unchecked\n$1${note}`));

    it('is kept: the version on disk is re-attached and written instead', async () => {
      const dir = room();
      editArticle(dir);
      let changes = 0;
      let err = '';
      let out = '';
      const code = await main(['reanchor', ARTICLE], {
        cwd: dir,
        out: (t) => (out += t),
        err: (t) => (err += t),
        beforeRename: (sidecar) => {
          if (changes++ === 0) {
            addNote(sidecar);
          }
        },
      });
      assert.equal(code, EXIT.ok, err);
      assert.match(out, /\(sidecar updated, keeping the changes made to it while reanchor ran\)\n$/);
      const after = readFileSync(join(dir, SIDECAR), 'utf8');
      assert.ok(after.includes(note), 'the other edit is in the sidecar');
      assert.equal(cli(dir, 'validate', '--strict', '.').code, EXIT.ok, 'and the anchors fit the new article');
    });

    it('is never written over when the version on disk cannot be read: exit 1, and it says so', async () => {
      const dir = room();
      editArticle(dir);
      const broken = 'newsmark: 1\narticle: [half a thought\n';
      let err = '';
      const code = await main(['reanchor', ARTICLE], {
        cwd: dir,
        out: () => undefined,
        err: (t) => (err += t),
        beforeRename: (sidecar) => writeFileSync(sidecar, broken),
      });
      assert.equal(code, EXIT.problems);
      assert.match(err, /^articles\/summit\.txt\.annotations\.yaml: changed on disk while reanchor ran, and the version there now cannot be read; it was left as it is\.\n/);
      assert.match(err, /^articles\/summit\.txt\.annotations\.yaml:\d+:\d+: /m);
      assert.equal(readFileSync(join(dir, SIDECAR), 'utf8'), broken);
      assert.deepEqual(temps(dir), []);
    });

    it('that never stops is refused after a few tries, with the last edit kept', async () => {
      const dir = room();
      editArticle(dir);
      let n = 0;
      let err = '';
      const code = await main(['reanchor', ARTICLE], {
        cwd: dir,
        out: () => undefined,
        err: (t) => (err += t),
        beforeRename: (sidecar) => writeFileSync(sidecar, readFileSync(sidecar, 'utf8') + `# edit ${++n}\n`),
      });
      assert.equal(code, EXIT.problems);
      assert.match(err, /kept changing on disk while reanchor ran, so it was left as it is/);
      assert.ok(readFileSync(join(dir, SIDECAR), 'utf8').endsWith(`# edit ${n}\n`));
    });
  });

  describe('things named like a sidecar that are not files', () => {
    it('reports a folder, a pipe and a device instead of skipping them or hanging', () => {
      const dir = room();
      mkdirSync(join(dir, 'articles/folder.txt.annotations.yaml'));
      execFileSync('mkfifo', [join(dir, 'articles/pipe.txt.annotations.yaml')]);
      symlinkSync('/dev/zero', join(dir, 'articles/zero.txt.annotations.yaml'));
      const r = cli(dir, 'validate', '.');
      assert.notEqual(r.code, null, 'validate finished');
      assert.equal(r.code, EXIT.problems);
      assert.equal(
        r.out,
        [
          'articles/folder.txt.annotations.yaml:1:1: This is a folder, not a regular file, so it was not read; rename or remove it.',
          'articles/pipe.txt.annotations.yaml:1:1: This is a named pipe (FIFO), not a regular file, so it was not read; rename or remove it.',
          'articles/zero.txt.annotations.yaml:1:1: This is a device, not a regular file, so it was not read; rename or remove it.',
          '',
        ].join('\n'),
      );
      assert.equal(r.err, '3 errors, 0 warnings in 4 sidecars.\n');
      for (const name of ['pipe', 'zero']) {
        const direct = cli(dir, 'validate', `articles/${name}.txt.annotations.yaml`);
        assert.equal(direct.code, EXIT.problems, name);
        const reanchor = cli(dir, 'reanchor', `articles/${name}.txt.annotations.yaml`);
        assert.equal(reanchor.code, EXIT.problems, name);
      }
      assert.ok(statSync(join(dir, 'articles/pipe.txt.annotations.yaml')).isFIFO());
    });

    it('refuses a sidecar over the size limit by its size, without reading it', () => {
      const dir = room();
      const path = join(dir, 'articles/huge.txt.annotations.yaml');
      writeFileSync(path, '');
      // A sparse file: 65 MiB on paper, nothing on disk.
      execFileSync('truncate', ['-s', '65M', path]);
      writeFileSync(join(dir, 'articles/huge.txt'), 'Huge.\n');
      const r = cli(dir, 'validate', 'articles/huge.txt');
      assert.equal(r.code, EXIT.problems);
      assert.equal(r.out, 'articles/huge.txt.annotations.yaml:1:1: This file is 65 MiB, over the 64 MiB Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.\n');
    });
  });

  describe('an unexpected failure', () => {
    it('is one sentence, exit 3, and the stack only when asked for', () => {
      const dir = mkdtempSync(join(tmpdir(), 'newsmark-cli-files-'));
      made.push(dir);
      // A failure no command expects: standard output breaks inside Node.
      const preload = join(dir, 'break-stdout.cjs');
      writeFileSync(preload, "process.stdout.write = () => { throw new TypeError('standard output broke'); };\n");
      const r = spawnSync(process.execPath, ['--require', preload, CLI, '--version'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 3);
      assert.equal(r.stderr, 'newsmark: something unexpected went wrong: standard output broke\nNothing more was written. Set NEWSMARK_DEBUG=1 to see where it happened.\n');
      const debug = spawnSync(process.execPath, ['--require', preload, CLI, '--version'], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NEWSMARK_DEBUG: '1' } });
      assert.equal(debug.status, 3);
      assert.match(debug.stderr, /^\s+at /m);
    });
  });
});
