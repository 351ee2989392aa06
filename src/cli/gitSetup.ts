// newsmark git-setup: configures the repository so that git merges sidecars with newsmark merge-sidecar.

import { resolve } from 'node:path';
import { GitError } from '../core/git';
import { setUpGit } from '../core/gitSetup';
import { EXIT, type Io, parse, UsageError } from './io';

/** What `newsmark git-setup --help` prints. */
export const usage = `Usage: newsmark git-setup [--newsmark <command>] [<folder>]

Sets the git repository holding <folder> (default: the working folder) up to merge sidecars
per annotation: adds "*.annotations.yaml merge=newsmark" to .gitattributes (once, keeping
its other lines) and the merge driver to the repository's git config:
  merge.newsmark.name    Newsmark sidecar merge
  merge.newsmark.driver  newsmark merge-sidecar %O %A %B %P
--newsmark says how git should start newsmark when it is not on the PATH, for example
--newsmark 'node /opt/newsmark/dist/cli.js'. Prints what it did. Safe to run again.
`;


export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { newsmark: { type: 'string' } });
  if (positionals.length > 1) {
    throw new UsageError('git-setup takes at most one folder');
  }
  try {
    const { root, done } = await setUpGit(resolve(io.cwd, positionals[0] ?? '.'), `${values.newsmark ?? 'newsmark'} merge-sidecar %O %A %B %P`);
    io.out(`${root}:\n${done.map((line) => `  ${line}\n`).join('')}`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof GitError) {
      io.err(`newsmark: ${err.message}\n`);
      return EXIT.problems;
    }
    throw err;
  }
}
