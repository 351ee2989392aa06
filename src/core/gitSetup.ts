// Setting a repository up for sidecars: the merge attribute in .gitattributes and the merge driver in git's config.

import { join } from 'node:path';
import { readArticleFile, writeFileAtomic } from './files';
import { configValue, GitError, repositoryRoot, runGit } from './git';

export const ATTRIBUTE_LINE = '*.annotations.yaml merge=newsmark';
export const DRIVER_NAME = 'Newsmark sidecar merge';

/**
 * Adds the attribute line (once, keeping every other line) and the driver to the repository
 * holding `folder`; `driverCommand` is how git should call the driver, with %O %A %B %P.
 * Returns what was done, one sentence each, or throws GitError outside a repository.
 */
export async function setUpGit(folder: string, driverCommand: string): Promise<{ root: string; done: string[] }> {
  const root = await repositoryRoot(join(folder, '.gitattributes'));
  if (!root) {
    throw new GitError(`${folder} is not inside a git repository; run "git init" first.`);
  }
  const done: string[] = [];
  const attributes = join(root, '.gitattributes');
  const read = await readArticleFile(attributes);
  if (read.status === 'problem') {
    throw new GitError(`.gitattributes cannot be read (${read.problem.message}).`);
  }
  const existing = read.status === 'ok' ? read.text : '';
  if (existing.split(/\r?\n/).some((line) => line.trim().split(/\s+/).join(' ') === ATTRIBUTE_LINE)) {
    done.push(`.gitattributes already sends sidecars to the Newsmark merge driver.`);
  } else {
    const separator = existing && !existing.endsWith('\n') ? (existing.includes('\r\n') ? '\r\n' : '\n') : '';
    const written = await writeFileAtomic(attributes, `${existing}${separator}${ATTRIBUTE_LINE}\n`, { expected: read.status === 'ok' ? existing : null });
    if (written.status !== 'written') {
      throw new GitError('.gitattributes changed while it was being set up; run the set-up again.');
    }
    done.push(`Added "${ATTRIBUTE_LINE}" to ${read.status === 'ok' ? '' : 'a new '}.gitattributes; commit it so everyone's merges use it.`);
  }
  for (const [key, value] of [
    ['merge.newsmark.name', DRIVER_NAME],
    ['merge.newsmark.driver', driverCommand],
  ] as const) {
    if ((await configValue(root, key)) === value) {
      done.push(`git config ${key} was already "${value}".`);
    } else {
      await runGit(root, ['config', key, value]);
      done.push(`Set git config ${key} to "${value}" (in this repository's .git/config; each clone runs the set-up once).`);
    }
  }
  return { root, done };
}
