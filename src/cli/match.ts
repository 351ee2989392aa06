// newsmark match: the claims checked before that look like a wording, or like each claim of an article, as the editor would offer them.

import { relative, resolve, sep } from 'node:path';
import { readTextFile } from '../core/files';
import { decodeFactChecks, FACT_CHECKS_FILE, type FactCheck, MAX_FACT_CHECK_BYTES } from '../core/factChecks';
import { type ArchiveArticle, buildArchive, type ClaimMatch, MATCH_THRESHOLD, offersFor } from '../core/match';
import type { Annotations } from '../core/model';
import type { Settings } from '../core/settingsFile';
import { count } from '../core/text';
import { verdictLabel } from '../core/verdicts';
import { EXIT, type Io, parse, printProblems, shownPath, UsageError } from './io';
import { articlePathFor, loadSettings, readPair, reportUnread, sidecarPathFor, sidecarsAt, workspaceRootOf } from './files';

/** What `newsmark match --help` prints. */
export const usage = `Usage: newsmark match "<claim>" [<folder>…] [--json] [--limit N] [--all]
       newsmark match --article <article> [<folder>…] [--json] [--limit N] [--all]

Looks for where a claim was checked before: among the claims with a verdict or sources in
every sidecar below the folders (the working folder when none is named), and the fact-checks
imported into ${FACT_CHECKS_FILE} of the workspace. Prints the matches best first, each
with its score (0–1), article, claim id, verdict and wording; only those scoring at least
${MATCH_THRESHOLD}, as the editor offers them, unless --all is given.
--article matches every claim of one article instead (never a claim with itself).
--json prints one array of { score, article, claim, text, verdict, source }.
--limit N keeps the N best matches for each claim (10 by default).
`;

/** One match as --json prints it. */
interface MatchRow {
  score: number;
  article: string;
  claim: string | null;
  text: string;
  verdict: string | null;
  source: 'workspace' | 'fact-check';
  /** With --article: the claim of that article this one matches. */
  for?: string;
}

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, all: { type: 'boolean' }, limit: { type: 'string' }, article: { type: 'string' } });
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`--limit takes a whole number of matches, 1 or more, not "${values.limit}"`);
  }
  const text = values.article === undefined ? positionals[0] : undefined;
  const rest = values.article === undefined ? positionals.slice(1) : positionals;
  if (values.article === undefined && (text === undefined || !text.trim())) {
    throw new UsageError('match needs the wording of a claim, or --article <article>');
  }
  const settings = await loadSettings(io.cwd, values.config);
  const root = await workspaceRootOf(io.cwd);
  const loaded = await loadWorkspace(io, settings, root, rest.length ? rest : ['.']);
  const archive = buildArchive(loaded.articles, loaded.factChecks);
  const options = { limit, all: values.all };
  let groups: { for?: { id: string; text: string }; matches: ClaimMatch[] }[];
  if (values.article !== undefined) {
    const article = await readArticle(io, settings, root, values.article);
    if (!article) {
      return EXIT.problems;
    }
    groups = article.annotations.claims.map((c) => ({ for: { id: c.id, text: c.anchor.quote }, matches: offersFor(archive, article.path, c, options) }));
  } else {
    groups = [{ matches: archive.search(text!, options) }];
  }
  if (values.json) {
    const rows = groups.flatMap((g) => g.matches.map((m) => ({ ...rowOf(m), ...(g.for ? { for: g.for.id } : {}) })));
    io.out(JSON.stringify(rows, null, 2) + '\n');
  } else {
    io.out(groups.map((g) => printed(g, settings, values.all === true)).join('\n'));
  }
  return loaded.problems ? EXIT.problems : EXIT.ok;
}

/** Every readable sidecar below the folders, keyed by its path in the workspace, and the workspace's fact-checks; what cannot be read is reported and left out. */
async function loadWorkspace(io: Io, settings: Settings, root: string, folders: readonly string[]): Promise<{ articles: ArchiveArticle[]; factChecks: FactCheck[]; problems: number }> {
  let problems = 0;
  const seen = new Set<string>();
  const articles: ArchiveArticle[] = [];
  for (const folder of folders) {
    const sidecars = await sidecarsAt(resolve(io.cwd, folder));
    if (sidecars === undefined || typeof sidecars === 'string') {
      throw new UsageError(`${folder}: ${sidecars ?? 'no such file or folder'}`);
    }
    for (const sidecar of sidecars.filter((s) => !seen.has(s))) {
      seen.add(sidecar);
      const annotations = await annotationsAt(io, settings, sidecar);
      if (annotations) {
        articles.push({ path: workspacePath(root, articlePathFor(sidecar)), annotations });
      } else {
        problems++;
      }
    }
  }
  const factChecks = await readWorkspaceFactChecks(io, root);
  if (problems) {
    io.err(`${count(problems, 'sidecar')} could not be read; the claims in ${problems === 1 ? 'it were' : 'them were'} not searched.\n`);
  }
  return { articles, factChecks: factChecks ?? [], problems: problems + (factChecks ? 0 : 1) };
}

/** A sidecar's annotations, or undefined once what keeps them from being read is printed. */
async function annotationsAt(io: Io, settings: Settings, sidecar: string): Promise<Annotations | undefined> {
  const read = await readPair(sidecar, settings, true);
  if (reportUnread(io, read, shownPath(io, sidecar))) {
    return undefined;
  }
  if (!read.decoded.annotations) {
    printProblems(io, shownPath(io, sidecar), read.decoded, true);
  }
  return read.decoded.annotations;
}

/** The workspace's imported fact-checks: none when there is no file; undefined when it cannot be read, once that is said. */
async function readWorkspaceFactChecks(io: Io, root: string): Promise<FactCheck[] | undefined> {
  const file = resolve(root, FACT_CHECKS_FILE);
  const read = await readTextFile(file, 'article', MAX_FACT_CHECK_BYTES);
  if (read.status === 'missing') {
    return [];
  }
  const problem = read.status === 'problem' ? read.problem : decodeFactChecks(read.text).problems[0];
  if (problem) {
    io.err(`${shownPath(io, file)}:${problem.line}:${problem.column}: ${problem.message} Its fact-checks were not searched.\n`);
    return undefined;
  }
  return decodeFactChecks((read as { text: string }).text).factChecks;
}

async function readArticle(io: Io, settings: Settings, root: string, path: string): Promise<ArchiveArticle | undefined> {
  const sidecar = sidecarPathFor(resolve(io.cwd, path));
  const annotations = await annotationsAt(io, settings, sidecar);
  return annotations && { path: workspacePath(root, articlePathFor(sidecar)), annotations };
}

/** An article's path as the editor names it in `sameAs`: from the workspace root, with forward slashes. */
function workspacePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function rowOf(m: ClaimMatch): MatchRow {
  return { score: m.score, article: m.claim.article, claim: m.claim.claim ?? null, text: m.claim.text, verdict: m.claim.verdict ?? null, source: m.claim.source };
}

/** One claim's matches as lines: score, where, verdict, then the wording. */
function printed(group: { for?: { id: string; text: string }; matches: ClaimMatch[] }, settings: Settings, all: boolean): string {
  const head = group.for ? `${group.for.id} “${group.for.text}”\n` : '';
  const indent = group.for ? '  ' : '';
  if (!group.matches.length) {
    return `${head}${indent}No claim checked before looks like ${group.for ? 'this one' : 'it'}${all ? '' : ` (none scores ${MATCH_THRESHOLD} or more; --all shows the rest)`}.\n`;
  }
  const lines = group.matches.map((m) => {
    const where = m.claim.source === 'fact-check' ? `${m.claim.article} (published fact-check)` : `${m.claim.article}, claim ${m.claim.claim}`;
    const verdict = m.claim.verdict === undefined ? 'no verdict yet' : m.claim.source === 'workspace' ? verdictLabel(settings.scale, m.claim.verdict) : m.claim.verdict;
    const below = m.score < MATCH_THRESHOLD ? ' (below the threshold)' : '';
    return `${indent}${m.score.toFixed(2)}  ${where}: ${verdict}${below}\n${indent}      “${m.claim.text}”\n`;
  });
  return head + lines.join('');
}
