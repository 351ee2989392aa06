// newsmark export: writes annotations as brat, W3C, ClaimReview, Markdown or CSV, refusing to overwrite inputs.

import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, exportFileName, exportPair, type ExportWork, type PairExport } from '../core/exporters';
import { describeFsError, FileError, realPathOf, writeFileAtomic } from '../core/files';
import { type Annotations } from '../core/model';
import { decodeOptionsOf, mapConcurrently, readMany, runSpread } from '../core/parallel';
import { exportClaimsCsv } from '../core/report';
import { SIDECAR_SUFFIX } from '../core/sidecar';
import type { Settings } from '../core/settingsFile';
import { EXIT, type Io, parse, printProblems, shownPath, UsageError } from './io';
import { ExportWrites, type FolderListing, isListed, listFolder } from './exportWrites';
import { articlePathFor, exists, isFolder, loadSettings, reportUnread, sidecarPathFor } from './files';

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
  // Checked while the settings are read and the articles start to be: nothing is written before the check passes, and a refusal is said first.
  const checked = targets ? checkTargets(io, targets, sidecars, Boolean(values.force)) : Promise.resolve(true);
  checked.catch(() => undefined);
  const settings = await loadSettings(io.cwd, values.config).catch(async (err: unknown) => {
    if (await checked) {
      throw err;
    }
    return undefined;
  });
  if (!settings) {
    return EXIT.problems;
  }
  if (format !== 'csv') {
    return exportEach(io, format, sidecars, { targets, checked }, settings);
  }
  if (!(await checked)) {
    return EXIT.problems;
  }
  const articles = await readArticles(io, sidecars, settings);
  if (!articles) {
    return EXIT.problems;
  }
  await emit(io, targets?.[0], exportClaimsCsv(articles, { verdicts: settings.scale }));
  return EXIT.ok;
}

/**
 * Exports each article to a file of its own (or, one article, to standard output). Articles
 * are read and exported on the worker threads; their files are written as they come, but put
 * in place only once every article could be exported, so a refusal changes nothing.
 */
async function exportEach(io: Io, format: Exclude<ExportFormat, 'csv'>, sidecars: readonly string[], output: { targets?: string[]; checked: Promise<boolean> }, settings: Settings): Promise<number> {
  const work: ExportWork = { kind: 'export', options: decodeOptionsOf(settings), format, settings, bytes: output.targets !== undefined };
  const writes = output.targets && new ExportWrites(output.targets, output.checked);
  let exportable = true;
  let refused = false;
  const spread = runSpread(work, sidecars, (sidecar) => exportPair(sidecar, work), {
    cancelled: () => refused,
    onBatch: (from, batch) =>
      batch.forEach((exported, i) => {
        exportable &&= 'content' in exported;
        if (exportable && 'content' in exported) {
          writes?.stage(from + i, exported.content);
        }
      }),
  });
  // Refused targets: the batches under way end, and nothing is said of the articles.
  const stop = async () => {
    refused = true;
    await spread.catch(() => undefined);
  };
  const allowed = await output.checked.catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  if (!allowed) {
    await stop();
    return EXIT.problems;
  }
  const exports = await spread;
  if (!exports.every((exported, i) => 'content' in exported || void reportUnexported(io, sidecars[i], exported))) {
    await writes?.abandon();
    return EXIT.problems;
  }
  for (const [i, exported] of exports.entries()) {
    if ('content' in exported) {
      for (const w of exported.warnings) {
        io.err(`${relative(io.cwd, articlePathFor(sidecars[i]))}: warning: ${w.message}\n`);
      }
      if (!writes && typeof exported.content === 'string') {
        io.out(exported.content);
      }
    }
  }
  // What could not be written is said by the command line's own handler.
  await writes?.commit();
  return EXIT.ok;
}

/** Says why an article could not be exported, as readArticles does. */
function reportUnexported(io: Io, sidecar: string, exported: Exclude<PairExport, { content: unknown }>): void {
  const article = relative(io.cwd, articlePathFor(sidecar));
  if ('problems' in exported) {
    printProblems(io, relative(io.cwd, sidecar), { ...exported, stale: false }, true);
  } else if ('stale' in exported) {
    io.err(`${article}: the article changed since its sidecar was written, so its anchors may be out of place; run "newsmark reanchor ${article}" first.\n`);
  } else {
    reportUnread(io, exported, article);
  }
}

/**
 * Every article with its annotations, in the order given; undefined, after saying why for
 * each, if any cannot be exported (unreadable, broken, or changed since its sidecar was written).
 */
async function readArticles(io: Io, sidecars: readonly string[], settings: Settings): Promise<{ article: string; annotations: Annotations; text: string }[] | undefined> {
  // Decoding is most of an export's work: spread over the cores.
  const reads = await readMany(sidecars, { actorTypes: settings.actorTypes, verdicts: settings.scale.verdicts.map((v) => v.id), dataOnly: true });
  const articles: { article: string; annotations: Annotations; text: string }[] = [];
  let failed = false;
  for (const [i, read] of reads.entries()) {
    const sidecar = sidecars[i];
    const article = articlePathFor(sidecar);
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
  return failed ? undefined : articles;
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
  const named = sidecars.flatMap((sidecar) => [
    [articlePathFor(sidecar), 'an article being exported'],
    [sidecar, 'the sidecar of an article being exported'],
  ] as const);
  // A path each, asked of the file system: many at once, their waits overlap.
  const reals = await mapConcurrently(named, LOOKUPS, ([path]) => realPathOf(path));
  named.forEach(([path, what], i) => {
    inputs.set(resolve(path), what);
    inputs.set(reals[i], what);
  });
  // A target not in its folder's listing is a new file there: its real path is the folder's, and it does not exist.
  const listings = new Map<string, FolderListing | undefined>();
  for (const folder of new Set(targets.map((target) => dirname(target)))) {
    listings.set(folder, await listFolder(folder));
  }
  const isNew = (target: string) => {
    const listing = listings.get(dirname(target));
    return listing !== undefined && !isListed(listing, basename(target));
  };
  const targetReals = await mapConcurrently(targets, LOOKUPS, async (target) => (isNew(target) ? join(listings.get(dirname(target))!.real, basename(target)) : realPathOf(target)));
  for (const [i, target] of targets.entries()) {
    const real = targetReals[i];
    const what = inputs.get(target) ?? inputs.get(real) ?? (target.endsWith(SIDECAR_SUFFIX) || real.endsWith(SIDECAR_SUFFIX) ? 'a sidecar' : undefined);
    if (what !== undefined) {
      throw new UsageError(`-o would write over ${shownPath(io, target)}, which is ${what}; name another output file`);
    }
  }
  const there = force ? [] : await mapConcurrently(targets, LOOKUPS, async (target) => !isNew(target) && (await exists(target)));
  const existing = targets.filter((_, i) => there[i]).map((target) => shownPath(io, target));
  if (existing.length) {
    io.err(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; pass --force to replace ${existing.length === 1 ? 'it' : 'them'}. Nothing was written.\n`);
    return false;
  }
  return true;
}

/** File-system lookups (real paths, existence) under way at once. */
const LOOKUPS = 16;

/** Writes one export (csv's one table). */
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
