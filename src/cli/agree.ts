// newsmark agree: agreement between annotators of the same articles, from sidecar files, folders or git revisions.

import { basename, dirname, relative, resolve, sep } from 'node:path';
import { type AgreementReport, type Figures, measureAgreement } from '../core/agreement';
import { reattachAnnotations } from '../core/anchoring';
import { readArticleFile } from '../core/files';
import { fileAtRevision, GitError } from '../core/git';
import type { Annotations } from '../core/model';
import { decodeSidecar } from '../core/sidecar';
import type { Settings } from '../core/settingsFile';
import { count } from '../core/text';
import { EXIT, type Io, shownPath, UsageError } from './io';
import { articlePathFor, isFolder, loadSettings, readPair, reportUnread, sidecarsAt } from './files';

/** What `newsmark agree --help` prints. */
export const usage = `Usage: newsmark agree <annotator> <annotator> [<annotator>…] [--json]

Each annotator is a sidecar, a folder of sidecars, or --rev <revision>: the sidecars of the
articles below the working folder as they are at that git revision (a branch, a tag, a
commit), read against the articles as they are now. Articles are paired by their path
(inside each folder given; below the working folder for revisions). Prints, per article and
overall: mention span F1 (exact and overlapping), actor-type agreement on matched mentions
(Cohen's κ for two annotators, Krippendorff's α nominal for any number), claim span F1, and
verdict agreement on matched claims (κ, α nominal, and α ordinal on the scale's ratingValue).
A dash is a figure with nothing to measure. --json prints the same as JSON, for CI.
`;

type Source = { path: string } | { rev: string };

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { sources, json, config } = parseAgreeArgs(args);
  if (sources.length < 2) {
    throw new UsageError('agree needs at least two annotators (sidecars, folders or --rev <revision>)');
  }
  const settings = await loadSettings(io.cwd, config);
  const byAnnotator: Map<string, Annotations>[] = [];
  let failed = false;
  for (const source of sources) {
    const read = await readAnnotator(io, source, settings);
    failed = read.failed || failed;
    byAnnotator.push(read.articles);
  }
  const keys = [...new Set(byAnnotator.flatMap((m) => [...m.keys()]))].sort();
  const report = measureAgreement(
    keys.map((article) => ({ article, versions: byAnnotator.map((m) => m.get(article)) })),
    settings.scale,
  );
  io.out(json ? `${JSON.stringify(report, null, 2)}\n` : agreementTable(report));
  return failed ? EXIT.problems : EXIT.ok;
}

function parseAgreeArgs(args: readonly string[]): { sources: Source[]; json: boolean; config?: string } {
  const sources: Source[] = [];
  let json = false;
  let config: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') {
      json = true;
    } else if (arg === '--rev' || arg === '--config') {
      const value = args[++i];
      if (value === undefined || value.startsWith('-')) {
        throw new UsageError(`${arg} needs a value`);
      }
      if (arg === '--rev') {
        sources.push({ rev: value });
      } else {
        config = value;
      }
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      sources.push({ path: arg });
    }
  }
  return { sources, json, config };
}

/** One annotator's sidecars, keyed by article path; what could not be read is said and left out. */
async function readAnnotator(io: Io, source: Source, settings: Settings): Promise<{ articles: Map<string, Annotations>; failed: boolean }> {
  const articles = new Map<string, Annotations>();
  let failed = false;
  const root = 'rev' in source ? io.cwd : resolve(io.cwd, source.path);
  const listed = await sidecarsAt(root);
  if (listed === undefined || typeof listed === 'string') {
    io.err(`${'rev' in source ? '.' : source.path}: ${listed ?? 'not found'}\n`);
    return { articles, failed: true };
  }
  const base = (await isFolder(root)) ? root : dirname(root);
  for (const sidecar of listed) {
    const key = relative(base, articlePathFor(sidecar)).split(sep).join('/') || basename(articlePathFor(sidecar));
    const annotations = 'rev' in source ? await atRevision(io, sidecar, source.rev, settings) : await inWorkingTree(io, sidecar, settings);
    if (annotations === 'failed') {
      failed = true;
    } else if (annotations) {
      articles.set(key, annotations);
    }
  }
  return { articles, failed };
}

async function inWorkingTree(io: Io, sidecar: string, settings: Settings): Promise<Annotations | 'failed'> {
  const read = await readPair(sidecar, settings, true);
  if (reportUnread(io, read, shownPath(io, articlePathFor(sidecar)))) {
    return 'failed';
  }
  return attached(io, sidecar, read.decoded, read.text);
}

async function atRevision(io: Io, sidecar: string, revision: string, settings: Settings): Promise<Annotations | undefined | 'failed'> {
  let source: string | undefined;
  try {
    source = await fileAtRevision(sidecar, revision);
  } catch (err) {
    if (err instanceof GitError) {
      io.err(`newsmark: ${err.message}\n`);
      return 'failed';
    }
    throw err;
  }
  if (source === undefined) {
    return undefined; // Not annotated at that revision: a missing annotator for this article.
  }
  const text = await readArticleFile(articlePathFor(sidecar));
  if (text.status !== 'ok') {
    io.err(`${shownPath(io, articlePathFor(sidecar))}: the article cannot be read from the working tree.\n`);
    return 'failed';
  }
  const decoded = decodeSidecar(source, text.text, { actorTypes: settings.actorTypes, dataOnly: true });
  return attached(io, `${shownPath(io, sidecar)} at ${revision}`, decoded, text.text);
}

function attached(io: Io, shown: string, decoded: ReturnType<typeof decodeSidecar>, text: string): Annotations | 'failed' {
  if (!decoded.annotations) {
    const first = decoded.problems.find((p) => p.severity === 'error');
    io.err(`${shown}: cannot be read${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}; left out.\n`);
    return 'failed';
  }
  if (decoded.stale) {
    reattachAnnotations(text, decoded.annotations);
  }
  return decoded.annotations;
}

const COLUMNS = ['mentions F1 exact', 'overlap', 'types κ', 'α', 'claims F1 exact', 'overlap', 'verdicts κ', 'α', 'α ordinal'];

function row(f: Figures): string[] {
  const n = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
  return [n(f.mentions.exact), n(f.mentions.overlap), n(f.actorTypes.kappa), n(f.actorTypes.alpha), n(f.claims.exact), n(f.claims.overlap), n(f.verdicts.kappa), n(f.verdicts.alpha), n(f.verdicts.alphaOrdinal)];
}

/** The report as a plain-text table, one line per article and one for all of them. */
export function agreementTable(report: AgreementReport): string {
  const lines = [['article', ...COLUMNS], ...report.articles.map((a) => [a.article, ...row(a.figures)]), ['overall', ...row(report.overall)]];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => [...l[i]].length)));
  const format = (l: string[]) => l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  const kappaNote = report.annotators === 2 ? '' : ' (κ is for two annotators only)';
  return `${report.annotators} annotators, ${count(report.articles.length, 'article')}${kappaNote}\n${lines.map(format).join('\n')}\n`;
}
