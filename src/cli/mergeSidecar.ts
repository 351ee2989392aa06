// newsmark merge-sidecar: git's merge driver for sidecars (%O %A %B %P), writing the merged sidecar over %A.

import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { readArticleFile, writeFileAtomic } from '../core/files';
import { mergeSidecarTexts } from '../core/mergeDriver';
import { describeConflict } from '../core/conflicts';
import { count } from '../core/text';
import { EXIT, type Io, parse, UsageError } from './io';
import { articlePathFor, loadSettings } from './files';

/** What `newsmark merge-sidecar --help` prints. */
export const usage = `Usage: newsmark merge-sidecar <base> <ours> <theirs> <path>

git's merge driver for sidecars; "newsmark git-setup" configures git to call it as
  newsmark merge-sidecar %O %A %B %P
It merges per annotation and per field, by id, and writes the result over <ours>. A field
changed two ways is kept as yours and listed in a "conflicts:" record at the top of the
sidecar (never with <<<<<<< markers); the exit code is then 1, so git reports the file as
conflicted. The article is read from the working tree at <path> without ".annotations.yaml".
`;

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 4) {
    throw new UsageError('merge-sidecar needs four paths: base, ours, theirs and the sidecar\'s path in the repository');
  }
  const [basePath, oursPath, theirsPath, path] = positionals.map((p) => resolve(io.cwd, p));
  const settings = await loadSettings(io.cwd, values.config);
  const article = await readArticleFile(articlePathFor(path));
  if (article.status !== 'ok') {
    io.err(`${positionals[3]}: the article ${positionals[3].replace(/\.annotations\.yaml$/, '')} ${article.status === 'missing' ? 'is not in the working tree' : `cannot be read (${article.problem.message})`}, so the sidecar was not merged; your version is left as it is.\n`);
    return EXIT.problems;
  }
  const [base, ours, theirs] = await Promise.all([basePath, oursPath, theirsPath].map((p) => fs.readFile(p, 'utf8').catch(() => undefined)));
  if (ours === undefined || theirs === undefined) {
    io.err(`${positionals[3]}: git's copies of the two versions could not be read; the sidecar was not merged.\n`);
    return EXIT.problems;
  }
  const result = mergeSidecarTexts(base, ours, theirs, article.text, { actorTypes: settings.actorTypes, verdicts: settings.scale.verdicts.map((v) => v.id) });
  if (result.text === undefined) {
    for (const problem of result.problems) {
      io.err(`${positionals[3]}: ${problem}; the sidecar was not merged and your version is left as it is.\n`);
    }
    return EXIT.problems;
  }
  await writeFileAtomic(oursPath, result.text);
  for (const conflict of result.conflicts) {
    io.err(`${positionals[3]}: ${describeConflict(conflict)}\n`);
  }
  if (result.conflicts.length) {
    io.err(`${positionals[3]}: ${count(result.conflicts.length, 'conflict')} recorded under "conflicts:"; resolve them in the editor or by hand, then remove the record.\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
