import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branches, configValue, fileAtRevision, GitError, gitUser, repositoryRoot } from '../../../src/core/git';

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

  it('takes the annotator from git: user.name, else user.email, else no one', async () => {
    // This machine's own git user must not answer for the repository's.
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, system: process.env.GIT_CONFIG_NOSYSTEM };
    process.env.GIT_CONFIG_GLOBAL = '/dev/null';
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    try {
      const dir = repository();
      assert.equal(await gitUser(dir), 'Ana Checker');
      execFileSync('git', ['config', '--unset', 'user.name'], { cwd: dir });
      assert.equal(await gitUser(dir), 'ana@example.org');
      execFileSync('git', ['config', '--unset', 'user.email'], { cwd: dir });
      assert.equal(await gitUser(dir), undefined);
      assert.equal(await gitUser(join(dir, 'no-such-folder')), undefined);
    } finally {
      for (const [key, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.system]] as const) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
    }
  });
});
