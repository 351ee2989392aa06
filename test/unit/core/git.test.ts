import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branches, configValue, fileAtRevision, GitError, repositoryRoot } from '../../../src/core/git';

function repository(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'newsmark-git-')));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Ana Checker');
  git('config', 'user.email', 'ana@example.org');
  writeFileSync(join(dir, 'a.txt.annotations.yaml'), 'newsmark: 1\n# first\n');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  git('checkout', '-q', '-b', 'review');
  writeFileSync(join(dir, 'a.txt.annotations.yaml'), 'newsmark: 1\n# second\n');
  git('commit', '-q', '-am', 'second');
  return dir;
}

describe('git', () => {
  it('reads a file as it was at a branch or revision', async () => {
    const dir = repository();
    const file = join(dir, 'a.txt.annotations.yaml');
    assert.equal(await fileAtRevision(file, 'main'), 'newsmark: 1\n# first\n');
    assert.equal(await fileAtRevision(file, 'HEAD'), 'newsmark: 1\n# second\n');
    assert.equal(await fileAtRevision(join(dir, 'new.yaml'), 'main'), undefined);
  });

  it('says in words when a revision is unknown, or looks like an option', async () => {
    const file = join(repository(), 'a.txt.annotations.yaml');
    await assert.rejects(fileAtRevision(file, 'no-such-branch'), (err: Error) => err instanceof GitError && /no revision "no-such-branch"/.test(err.message));
    await assert.rejects(fileAtRevision(file, '--output=/tmp/x'), GitError);
  });

  it('lists branches and reads the annotator from git config; outside a repository there is none', async () => {
    const dir = repository();
    assert.deepEqual((await branches(join(dir, 'a.txt'))).sort(), ['main', 'review']);
    assert.equal(await configValue(dir, 'user.name'), 'Ana Checker');
    assert.equal(await repositoryRoot(join(dir, 'a.txt')), dir);
    const outside = mkdtempSync(join(tmpdir(), 'newsmark-nogit-'));
    assert.equal(await repositoryRoot(join(outside, 'a.txt')), undefined);
  });
});
