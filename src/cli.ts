#!/usr/bin/env node
// The newsmark command-line tool: validates, re-anchors, exports, imports and counts sidecars in newsroom pipelines, on the editor's own core.

import { promises as fs, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { reattachAnnotations } from './core/anchoring';
import { importBrat } from './core/brat';
import { EXPORT_FORMATS, type ExportFormat, exportArticle, exportFileName } from './core/exporters';
import { describeFsError, FileError, readArticleFile, readSidecarFile, realPathOf, writeFileAtomic } from './core/files';
import { type FileProblem, inFormOf } from './core/fileRules';
import { allAnchors, anchorState, type AnchorState, type Annotations, CLAIM_STATUS_LABELS, CLAIM_STATUSES } from './core/model';
import { exportClaimsCsv } from './core/report';
import { type DecodeResult, decodeSidecar, encodeSidecar, SIDECAR_SUFFIX, sidecarNameFor } from './core/sidecar';
import { ConfigError, readSettings, type Settings, SETTINGS_FILE } from './core/settingsFile';
import { verdictLabel } from './core/verdicts';

/** Exit codes, as documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** The data has problems: invalid sidecars, a refused import, an export that could not be made. */
  problems: 1,
  /** The command was not used as documented, or the configuration is unreadable. */
  usage: 2,
} as const;

/** Where output goes; tests pass their own to read it. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Called when a rewritten sidecar is ready beside the old one, just before the last check that the old one did not change; tests change it here. */
  beforeRename?(sidecar: string): void | Promise<void>;
}

const help = () => `newsmark ${version()}: fact-checking annotations for news articles, from the command line.

Usage: newsmark <command> [options]

Commands:
  validate <path>…                    Check sidecars (or the folders holding them); list every problem.
  reanchor <article>…                 Re-attach sidecars to articles changed outside the editor.
  export --format <format> <article>…  Write annotations as brat, w3c, claimreview, markdown or csv.
  import brat <txt> <ann>             Make a sidecar from a brat standoff pair.
  stats <dir>…                        Count actors, claims by status and verdict, and orphans.

Options:
  --config <file>  Settings to use instead of the nearest .newsmark.json.
  -h, --help       Help for newsmark or for one command.
  --version        Print the version.

Exit codes: 0 success, 1 the data has problems, 2 wrong usage or unreadable settings.
See docs/cli.md for the details and the .newsmark.json settings.
`;

const COMMAND_HELP: Record<string, string> = {
  validate: `Usage: newsmark validate [--strict] <path>…

Checks sidecars against the format and their articles. A path may be a sidecar, an article
(its sidecar is checked) or a folder (every sidecar below it). Each problem is printed as
  file:line:column: message
with warnings marked "warning:". Exits 1 if any error is found (with --strict, any warning too).
`,
  reanchor: `Usage: newsmark reanchor [--dry-run] <article>…

Re-attaches the sidecar of each article after the article was changed outside the editor, with
the algorithm the editor uses, and prints how many anchors were re-attached, changed (found
with different wording) or orphaned (not found). The sidecar is rewritten atomically, only if
something changed; --dry-run prints the counts without writing.
`,
  export: `Usage: newsmark export --format <brat|w3c|claimreview|markdown|csv> [-o <file or folder>] [--force] <article>…

Writes the annotations of each article in the format asked for, to standard output or to -o.
With several articles, -o names a folder that receives one file per article, except for csv,
which gathers every article's claims into one table (claims.csv when -o names a folder).
An output file that exists is replaced only with --force; -o never names an article being
exported or any sidecar (*${SIDECAR_SUFFIX}). Warnings (things the format cannot carry) go to
standard error.
`,
  import: `Usage: newsmark import brat [--force] <txt> <ann>

Reads a brat standoff pair and writes the sidecar next to the .txt (<txt>${SIDECAR_SUFFIX}).
Nothing is written if the .ann has any problem; each is printed as ann:line:column: message.
An existing sidecar is replaced only with --force.
`,
  stats: `Usage: newsmark stats [--json] <dir>…

Counts, over every sidecar below the folders: articles, actors and mentions, claims by status
and by verdict, and orphaned anchors. --json prints the figures as one JSON object.
`,
};

class UsageError extends Error {}

/** Runs one command line; resolves to the exit code. Never calls process.exit, so tests can call it. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(help());
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    if (!(command in COMMAND_HELP)) {
      throw new UsageError(`unknown command "${command}".`);
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(COMMAND_HELP[command]);
      return EXIT.ok;
    }
    switch (command) {
      case 'validate':
        return await validate(rest, io);
      case 'reanchor':
        return await reanchor(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'stats':
        return await stats(rest, io);
    }
    return EXIT.usage;
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      const hint = command && command in COMMAND_HELP ? `newsmark ${command} --help` : 'newsmark --help';
      // parseArgs explains at length; its first sentence says what was wrong.
      const message = (err as Error).message.split(/\.\s/)[0].replace(/\.$/, '');
      io.err(`newsmark: ${message}. Run "${hint}" for usage.\n`);
      return EXIT.usage;
    }
    if (err instanceof ConfigError) {
      io.err(`newsmark: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof FileError) {
      io.err(`${shownPath(io, err.path)}: ${err.reason}\n`);
      return EXIT.problems;
    }
    throw err;
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  return parseArgs({ args: [...args], options: { config: { type: 'string' }, ...options }, allowPositionals: true, strict: true });
}

// ---------------------------------------------------------------------------------------------
// validate

async function validate(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { strict: { type: 'boolean' } });
  if (!positionals.length) {
    throw new UsageError('validate needs at least one path');
  }
  const settings = await loadSettings(io.cwd, values.config);
  let errors = 0;
  let warnings = 0;
  let checked = 0;
  for (const path of positionals) {
    const sidecars = await sidecarsAt(resolve(io.cwd, path));
    if (sidecars === undefined) {
      io.out(`${path}: no such file or folder\n`);
      errors++;
      continue;
    }
    if (typeof sidecars === 'string') {
      io.out(`${path}: ${sidecars}\n`);
      errors++;
      continue;
    }
    for (const sidecar of sidecars) {
      checked++;
      const shown = relative(io.cwd, sidecar) || sidecar;
      const read = await readPair(sidecar, settings, true);
      if (reportUnread(io, read, `${shown}:1:1`, io.out)) {
        errors++;
        continue;
      }
      for (const p of read.decoded.problems) {
        io.out(`${shown}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`);
        if (p.severity === 'error') {
          errors++;
        } else {
          warnings++;
        }
      }
      if (read.decoded.stale && read.decoded.annotations) {
        const { line, column } = shaPosition(read.source, read.decoded);
        io.out(`${shown}:${line}:${column}: warning: the article changed since this sidecar was written; run "newsmark reanchor ${relative(io.cwd, read.article)}".\n`);
        warnings++;
      }
    }
  }
  io.err(`${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(checked, 'sidecar')}.\n`);
  return errors > 0 || (values.strict && warnings > 0) ? EXIT.problems : EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// reanchor

async function reanchor(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' } });
  if (!positionals.length) {
    throw new UsageError('reanchor needs at least one article');
  }
  const settings = await loadSettings(io.cwd, values.config);
  let failed = false;
  for (const path of positionals) {
    const sidecar = sidecarPathFor(resolve(io.cwd, path));
    failed = !(await reanchorOne(io, sidecar, settings, Boolean(values['dry-run']))) || failed;
  }
  return failed ? EXIT.problems : EXIT.ok;
}

/** How many times reanchor starts again on a sidecar that keeps changing under it before it gives up. */
const REANCHOR_ATTEMPTS = 3;

/**
 * Re-attaches one sidecar and writes it, unless it changed on disk since it was read. Then
 * its new version is read and re-attached instead: re-attachment is the only change
 * reanchor makes, so making it again on their version is the annotation-by-annotation merge
 * in which every edit made there is kept. A version that cannot be read is never written over.
 */
async function reanchorOne(io: Io, sidecar: string, settings: Settings, dryRun: boolean): Promise<boolean> {
  const shown = relative(io.cwd, articlePathFor(sidecar));
  for (let attempt = 1; ; attempt++) {
    const read = await readPair(sidecar, settings);
    if (attempt > 1 && !('decoded' in read && read.decoded.annotations)) {
      io.err(`${shownPath(io, sidecar)}: changed on disk while reanchor ran, and the version there now cannot be read; it was left as it is.\n`);
    }
    if (reportUnread(io, read, shown)) {
      return false;
    }
    const { decoded } = read;
    if (!decoded.annotations || !decoded.document) {
      printProblems(io, shownPath(io, sidecar), decoded);
      return false;
    }
    const { output, states } = reattached(read.text, decoded);
    const next = inFormOf(read.source, output);
    const counts = `${shown}: ${states.attached} re-attached, ${states.changed} changed, ${states.orphaned} orphaned`;
    if (next === read.source || dryRun) {
      io.out(`${counts} (${next === read.source ? 'sidecar already up to date' : 'dry run, sidecar not written'})\n`);
      return true;
    }
    const written = await writeFileAtomic(sidecar, next, { expected: read.source, beforeRename: io.beforeRename && (() => io.beforeRename!(sidecar)) });
    if (written.status === 'written') {
      io.out(`${counts} (sidecar updated${attempt > 1 ? ', keeping the changes made to it while reanchor ran' : ''})\n`);
      return true;
    }
    if (attempt === REANCHOR_ATTEMPTS) {
      io.err(`${shownPath(io, sidecar)}: kept changing on disk while reanchor ran, so it was left as it is; run reanchor again once nothing else is writing it.\n`);
      return false;
    }
  }
}

function reattached(text: string, decoded: DecodeResult): { output: string; states: Record<AnchorState, number> } {
  const annotations = decoded.annotations!;
  if (decoded.stale) {
    // As the editor does: every anchor is looked for again, and a found one is no longer an orphan.
    reattachAnnotations(text, annotations);
  }
  const states = { attached: 0, changed: 0, orphaned: 0 };
  for (const a of allAnchors(annotations)) {
    states[anchorState(a, text)]++;
  }
  return { output: encodeSidecar(annotations, text, decoded.document), states };
}

// ---------------------------------------------------------------------------------------------
// export

async function exportCommand(args: readonly string[], io: Io): Promise<number> {
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

// ---------------------------------------------------------------------------------------------
// import

async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  const [kind, txtArg, annArg, ...extra] = positionals;
  if (kind !== 'brat') {
    throw new UsageError(kind === undefined ? 'import needs a format: "import brat <txt> <ann>"' : `cannot import "${kind}"; only brat is supported`);
  }
  if (txtArg === undefined || annArg === undefined || extra.length) {
    throw new UsageError('import brat takes exactly two files: <txt> <ann>');
  }
  const settings = await loadSettings(io.cwd, values.config);
  const txt = resolve(io.cwd, txtArg);
  const ann = resolve(io.cwd, annArg);
  const [text, source] = [await readText(txt), await readText(ann)];
  for (const [path, content] of [
    [txtArg, text],
    [annArg, source],
  ] as const) {
    if (content === undefined) {
      io.err(`${path}: cannot be read\n`);
      return EXIT.problems;
    }
  }
  const sidecar = sidecarNameFor(txt);
  if (!values.force && (await exists(sidecar))) {
    io.err(`${relative(io.cwd, sidecar)} already exists; pass --force to replace it (its annotations would be lost).\n`);
    return EXIT.problems;
  }
  const result = importBrat(text!, source!, { articleFile: basename(txt), mapping: settings.brat });
  if (!result.annotations) {
    for (const p of result.problems) {
      io.out(`${annArg}:${p.line}:${p.column}: ${p.message}\n`);
    }
    io.err(`${count(result.problems.length, 'problem')} in ${annArg}; nothing was written.\n`);
    return EXIT.problems;
  }
  const yaml = encodeSidecar(result.annotations, text!);
  // The sidecar is read back before it is written, so an import never leaves a file the editor refuses.
  const check = decodeSidecar(yaml, text!);
  if (!check.annotations) {
    printProblems(io, relative(io.cwd, sidecar), check, true);
    return EXIT.problems;
  }
  await writeFileAtomic(sidecar, yaml);
  const a = result.annotations;
  const mentions = a.actors.reduce((n, x) => n + x.mentions.length, 0);
  io.out(
    `Wrote ${relative(io.cwd, sidecar)}: ${count(a.actors.length, 'actor')}, ${count(mentions, 'mention')}, ${count(a.claims.length, 'claim')}` +
      `${result.counting === 'crlf-as-one' ? ' (offsets counted a Windows line break as one character, as brat’s editor does)' : ''}.\n`,
  );
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// stats

async function stats(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (!positionals.length) {
    throw new UsageError('stats needs at least one folder');
  }
  const settings = await loadSettings(io.cwd, values.config);
  const figures = {
    articles: 0,
    unreadable: 0,
    stale: 0,
    actors: 0,
    mentions: 0,
    claims: 0,
    byStatus: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<string, number>,
    byVerdict: {} as Record<string, number>,
    orphaned: { mentions: 0, claims: 0 },
  };
  for (const path of positionals) {
    const sidecars = await sidecarsAt(resolve(io.cwd, path));
    if (sidecars === undefined || typeof sidecars === 'string') {
      throw new UsageError(`${path}: ${sidecars ?? 'no such file or folder'}`);
    }
    for (const sidecar of sidecars) {
      figures.articles++;
      const read = await readPair(sidecar, settings, true);
      const annotations = 'decoded' in read ? read.decoded.annotations : undefined;
      if (!annotations) {
        figures.unreadable++;
        continue;
      }
      if ('decoded' in read && read.decoded.stale) {
        figures.stale++;
      }
      figures.actors += annotations.actors.length;
      for (const actor of annotations.actors) {
        figures.mentions += actor.mentions.length;
        figures.orphaned.mentions += actor.mentions.filter((m) => m.orphaned).length;
      }
      for (const claim of annotations.claims) {
        figures.claims++;
        figures.byStatus[claim.status]++;
        if (claim.verdict !== undefined) {
          figures.byVerdict[claim.verdict] = (figures.byVerdict[claim.verdict] ?? 0) + 1;
        }
        if (claim.anchor.orphaned) {
          figures.orphaned.claims++;
        }
      }
    }
  }
  if (values.json) {
    io.out(JSON.stringify(figures, null, 2) + '\n');
    return EXIT.ok;
  }
  const scaleOrder = settings.scale.verdicts.map((v) => v.id);
  const verdicts = Object.entries(figures.byVerdict).sort(([a], [b]) => rank(scaleOrder, a) - rank(scaleOrder, b) || a.localeCompare(b));
  const lines = [
    `Articles:  ${figures.articles}${figures.unreadable ? ` (${figures.unreadable} with a sidecar that has errors, not counted below)` : ''}${figures.stale ? `, ${figures.stale} changed since annotated` : ''}`,
    `Actors:    ${figures.actors}, with ${count(figures.mentions, 'mention')}`,
    `Claims:    ${figures.claims}${figures.claims ? `: ${CLAIM_STATUSES.map((s) => `${figures.byStatus[s]} ${CLAIM_STATUS_LABELS[s].toLowerCase()}`).join(', ')}` : ''}`,
    `Verdicts:  ${verdicts.length ? verdicts.map(([id, n]) => `${n} ${verdictLabel(settings.scale, id)}`).join(', ') : 'none yet'}`,
    `Orphans:   ${count(figures.orphaned.mentions, 'mention')}, ${count(figures.orphaned.claims, 'claim')}`,
  ];
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

// ---------------------------------------------------------------------------------------------
// Settings: .newsmark.json holds the editor's newsmark.* settings (read by src/core/settingsFile.ts).

/**
 * Reads the settings named by --config, else the nearest .newsmark.json from the working
 * folder up to the repository root (the first folder holding .git); defaults without one.
 */
async function loadSettings(cwd: string, explicit: string | undefined): Promise<Settings> {
  let path = explicit === undefined ? undefined : resolve(cwd, explicit);
  if (path === undefined) {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      if (await exists(join(dir, SETTINGS_FILE))) {
        path = join(dir, SETTINGS_FILE);
        break;
      }
      if ((await exists(join(dir, '.git'))) || dirname(dir) === dir) {
        break;
      }
    }
  }
  if (path === undefined) {
    return readSettings({}, SETTINGS_FILE);
  }
  const where = relative(cwd, path) || path;
  const source = await readText(path);
  if (source === undefined) {
    throw new ConfigError(`${where}: cannot be read.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    throw new ConfigError(`${where}: not valid JSON (${(err as Error).message}).`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${where}: the settings must be a JSON object.`);
  }
  return readSettings(raw as Record<string, unknown>, where);
}

// ---------------------------------------------------------------------------------------------
// Files: every read and write goes through src/core/files.ts, the rules the editor follows.

/** The sidecar of an article path; a sidecar path is taken as itself. */
function sidecarPathFor(path: string): string {
  return path.endsWith(SIDECAR_SUFFIX) ? path : sidecarNameFor(path);
}

function articlePathFor(sidecar: string): string {
  return sidecar.slice(0, -SIDECAR_SUFFIX.length);
}

/** A sidecar and its article, read; or what kept them from being read (`file` is the one at fault). */
type PairRead = { missing: string } | { problem: FileProblem; file: string } | { source: string; text: string; article: string; decoded: DecodeResult };

/**
 * `dataOnly`: only the annotations are needed, not the YAML document (to write it back), so the
 * fast reader is used; it keeps a 30 MB sidecar in about a tenth of the memory, and a sidecar with
 * any problem is still read again the full way for positions.
 */
async function readPair(sidecar: string, settings: Settings, dataOnly = false): Promise<PairRead> {
  const article = articlePathFor(sidecar);
  const source = await readSidecarFile(sidecar);
  if (source.status === 'missing') {
    return { missing: `has no sidecar (${basename(sidecar)})` };
  }
  if (source.status === 'problem') {
    return { problem: source.problem, file: sidecar };
  }
  const text = await readArticleFile(article);
  if (text.status === 'missing') {
    return { missing: `the article ${basename(article)} is missing next to this sidecar` };
  }
  if (text.status === 'problem') {
    return { problem: text.problem, file: article };
  }
  const decoded = decodeSidecar(source.text, text.text, { actorTypes: settings.actorTypes, verdicts: settings.scale.verdicts.map((v) => v.id), dataOnly });
  return { source: source.text, text: text.text, article, decoded };
}

/** Prints why a pair could not be read: `where` is how the article is named when the sidecar is missing. Returns true if it could not. */
function reportUnread(io: Io, read: PairRead, where: string, print: (text: string) => void = io.err): read is Exclude<PairRead, { source: string }> {
  if ('missing' in read) {
    print(`${where}: ${read.missing}\n`);
    return true;
  }
  if ('problem' in read) {
    print(`${shownPath(io, read.file)}:${read.problem.line}:${read.problem.column}: ${read.problem.message}\n`);
    return true;
  }
  return false;
}

/**
 * The sidecars a path names: itself, an article's sidecar, or every sidecar below a folder
 * (skipping dot-folders and node_modules). Anything named like a sidecar is listed, folders
 * and pipes too, so that reading it reports what it is rather than skipping it in silence.
 * A string explains why there are none.
 */
async function sidecarsAt(path: string): Promise<string[] | string | undefined> {
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat) {
    return (await fs.lstat(path).catch(() => undefined)) ? [sidecarPathFor(path)] : undefined;
  }
  if (!stat.isDirectory() || path.endsWith(SIDECAR_SUFFIX)) {
    const sidecar = sidecarPathFor(path);
    return sidecar === path || (await fs.lstat(sidecar).then(() => true, () => false)) ? [sidecar] : `has no sidecar (${basename(sidecar)})`;
  }
  const found: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
      throw new FileError('unreadable', dir, `the folder could not be listed: ${describeFsError(err)}`);
    });
    for (const e of entries) {
      if (e.name.endsWith(SIDECAR_SUFFIX)) {
        found.push(join(dir, e.name));
      } else if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') {
        await walk(join(dir, e.name));
      }
    }
  };
  await walk(path);
  return found.sort();
}

/** Text that is not a sidecar (settings, a brat pair), read with the article rule; undefined when missing or unreadable. */
async function readText(path: string): Promise<string | undefined> {
  const read = await readArticleFile(path);
  return read.status === 'ok' ? read.text : undefined;
}

async function exists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

async function isFolder(path: string): Promise<boolean> {
  return fs.stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

function shownPath(io: Io, path: string): string {
  return relative(io.cwd, path) || path;
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * The package's version, read beside the running script (dist/cli.js in the package,
 * out/src/cli.js in development) rather than bundled, so the two cannot disagree.
 */
function version(): string {
  for (const path of [join(__dirname, '..', 'package.json'), join(__dirname, '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'newsmark' && typeof pkg.version === 'string') {
        return pkg.version;
      }
    } catch {
      // Not this one; try the next place.
    }
  }
  return 'unknown';
}

function printProblems(io: Io, shown: string, decoded: DecodeResult, errorsOnly = false): void {
  for (const p of decoded.problems) {
    if (!errorsOnly || p.severity === 'error') {
      io.err(`${shown}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`);
    }
  }
}

/** Where the article's sha256 is written; a data-only read keeps no document, so then its key is looked for in the text. */
function shaPosition(source: string, decoded: DecodeResult): { line: number; column: number } {
  const node = decoded.document?.getIn(['article', 'sha256'], true) as { range?: [number, number, number] } | undefined;
  const key = /^[ \t]+sha256:[ \t]*/m.exec(source);
  const offset = node?.range?.[0] ?? (key ? key.index + key[0].length : 0);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function isParseArgsError(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function processIo(): Io {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // One sentence for the user; the stack only for whoever debugs the tool.
      const debug = Boolean(process.env.NEWSMARK_DEBUG) && err instanceof Error && err.stack;
      const message = debug || (err instanceof Error ? err.message : String(err));
      process.stderr.write(`newsmark: something unexpected went wrong: ${message}\n${debug ? '' : 'Nothing more was written. Set NEWSMARK_DEBUG=1 to see where it happened.\n'}`);
      process.exitCode = 3;
    },
  );
}
