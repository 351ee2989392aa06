// newsmark export: writes annotations as brat, W3C, ClaimReview, Markdown or CSV, refusing to overwrite inputs.

import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXPORT_FORMATS, type ExportFormat, exportArticle, exportFileName } from '../core/exporters';
import { describeFsError, FileError, realPathOf, writeFileAtomic } from '../core/files';
import { type Annotations } from '../core/model';
import { exportClaimsCsv } from '../core/report';
import { SIDECAR_SUFFIX } from '../core/sidecar';
import { EXIT, type Io, parse, printProblems, shownPath, UsageError } from './io';
import { articlePathFor, exists, isFolder, loadSettings, readPair, reportUnread, sidecarPathFor } from './files';

/** What `newsmark export --help` prints. */
export const usage = `Usage: newsmark export --format <brat|w3c|claimreview|markdown|csv> [-o <file or folder>] [--force] <article>…

Writes the annotations of each article in the format asked for, to standard output or to -o.
With several articles, -o names a folder that receives one file per article, except for csv,
which gathers every article's claims into one table (claims.csv when -o names a folder).
An output file that exists is replaced only with --force; -o never names an article being
exported or any sidecar (*${SIDECAR_SUFFIX}). Warnings (things the format cannot carry) go to
standard error.
`;

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  const format = values.format as ExportFormat | undefined;
  if (!format) {
    throw new UsageError(`export needs --format, one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(`unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (!positionals.length) {
    throw new UsageError('export needs at least one article');
  }
  if (positionals.length > 1 && format !== 'csv' && values.output === undefined) {
    throw new UsageError(`exporting several articles as ${format} needs -o <folder>, which receives one file per article`);
  }
  const sidecars = positionals.map((path) => sidecarPathFor(resolve(io.cwd, path)));
  const targets = await exportTargets(io, format, values.output, sidecars.map(articlePathFor));
  if (targets && !(await checkTargets(io, targets, sidecars, Boolean(values.force)))) {
    return EXIT.problems;
  }
  const settings = await loadSettings(io.cwd, values.config);

  const articles: { article: string; annotations: Annotations; text: string }[] = [];
  let failed = false;
  for (const sidecar of sidecars) {
    const article = articlePathFor(sidecar);
    const read = await readPair(sidecar, settings, true);
    if (reportUnread(io, read, relative(io.cwd, article))) {
      failed = true;
      continue;
    }
    if (!read.decoded.annotations) {
      printProblems(io, relative(io.cwd, sidecar), read.decoded, true);
      failed = true;
      continue;
    }
    if (read.decoded.stale) {
      io.err(`${relative(io.cwd, article)}: the article changed since its sidecar was written, so its anchors may be out of place; run "newsmark reanchor ${relative(io.cwd, article)}" first.\n`);
      failed = true;
      continue;
    }
    articles.push({ article, annotations: read.decoded.annotations, text: read.text });
  }
  if (failed) {
    return EXIT.problems;
  }

  if (format === 'csv') {
    await emit(io, targets?.[0], exportClaimsCsv(articles, { verdicts: settings.scale }));
    return EXIT.ok;
  }
  for (const [i, { article, annotations, text }] of articles.entries()) {
    const { content, warnings } = exportArticle(format, pathToFileURL(article).href, annotations, text, settings);
    for (const w of warnings) {
      io.err(`${relative(io.cwd, article)}: warning: ${w.message}\n`);
    }
    await emit(io, targets?.[i], content);
  }
  return EXIT.ok;
}

/**
 * The files an export writes, one per article (one for csv), or undefined for standard
 * output. With several articles, or when it names a folder, -o receives per-article names.
 */
async function exportTargets(io: Io, format: ExportFormat, option: string | undefined, articles: string[]): Promise<string[] | undefined> {
  if (option === undefined) {
    return undefined;
  }
  const output = resolve(io.cwd, option);
  const namesFolder = option.endsWith('/') || (await isFolder(output));
  // One CSV holds any number of articles; every other format writes one file per article.
  if (format === 'csv') {
    return [namesFolder ? join(output, articles.length === 1 ? exportFileName(basename(articles[0]), format) : 'claims.csv') : output];
  }
  if (!namesFolder && articles.length === 1) {
    return [output];
  }
  const names = articles.map((a) => exportFileName(basename(a), format));
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) {
    throw new UsageError(`two articles would both be written to ${twice}; export them to different folders`);
  }
  return names.map((name) => join(output, name));
}

/**
 * An export never replaces what it reads: no target may be an input article or sidecar, or
 * any sidecar at all, by name or by real path (a symlink, "x/../a.txt"). Naming one is a
 * usage error; an existing output file needs --force (exit 1). Nothing is written on refusal.
 */
async function checkTargets(io: Io, targets: string[], sidecars: string[], force: boolean): Promise<boolean> {
  const inputs = new Map<string, string>();
  for (const sidecar of sidecars) {
    for (const [path, what] of [
      [articlePathFor(sidecar), 'an article being exported'],
      [sidecar, 'the sidecar of an article being exported'],
    ] as const) {
      inputs.set(resolve(path), what);
      inputs.set(await realPathOf(path), what);
    }
  }
  for (const target of targets) {
    const real = await realPathOf(target);
    const what = inputs.get(target) ?? inputs.get(real) ?? (target.endsWith(SIDECAR_SUFFIX) || real.endsWith(SIDECAR_SUFFIX) ? 'a sidecar' : undefined);
    if (what !== undefined) {
      throw new UsageError(`-o would write over ${shownPath(io, target)}, which is ${what}; name another output file`);
    }
  }
  const existing: string[] = [];
  for (const target of targets) {
    if (!force && (await exists(target))) {
      existing.push(shownPath(io, target));
    }
  }
  if (existing.length) {
    io.err(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; pass --force to replace ${existing.length === 1 ? 'it' : 'them'}. Nothing was written.\n`);
    return false;
  }
  return true;
}

async function emit(io: Io, target: string | undefined, content: string): Promise<void> {
  if (target === undefined) {
    io.out(content);
    return;
  }
  await fs.mkdir(dirname(target), { recursive: true }).catch((err: unknown) => {
    throw new FileError('unwritable', dirname(target), `the folder could not be made: ${describeFsError(err)}`);
  });
  await writeFileAtomic(target, content);
}
