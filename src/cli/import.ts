// newsmark import: a sidecar from a brat standoff pair, or published fact-checks into the workspace's file of them; nothing when the input has problems.

import { promises as fs } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { importBrat } from '../core/brat';
import { decodeFactChecks, encodeFactChecks, FACT_CHECKS_FILE, MAX_FACT_CHECK_BYTES, mergeFactChecks, readFactChecks } from '../core/factChecks';
import { readTextFile, writeFileAtomic } from '../core/files';
import { decodeSidecar, encodeSidecar, SIDECAR_SUFFIX, sidecarNameFor } from '../core/sidecar';
import { count } from '../core/text';
import { EXIT, type Io, parse, printProblems, UsageError } from './io';
import { exists, loadSettings, readText, workspaceRootOf } from './files';

/** What `newsmark import --help` prints. */
export const usage = `Usage: newsmark import brat [--force] <txt> <ann>
       newsmark import claimreview <file>

brat: reads a brat standoff pair and writes the sidecar next to the .txt (<txt>${SIDECAR_SUFFIX}).
Nothing is written if the .ann has any problem; each is printed as ann:line:column: message.
An existing sidecar is replaced only with --force. Lines imported but not used as they stand
(a second verdict, status or claimant on one claim, kept in its notes) are printed as
ann:line:column: warning: message, and the exit code is still 0.

claimreview: reads published fact-checks (schema.org ClaimReview JSON-LD: one object, an
array, a @graph or a DataFeed; or a Fact Check Tools claims:search answer) and adds them to
${FACT_CHECKS_FILE} of the workspace, where Find Similar Claims and newsmark match look.
A fact-check already there (the same address) is replaced by the one read. Nothing is
written if the file has any problem; each is printed as file:line:column: message.
`;

export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { force: { type: 'boolean' } });
  const [kind, txtArg, annArg, ...extra] = positionals;
  if (kind === 'claimreview') {
    if (txtArg === undefined || annArg !== undefined) {
      throw new UsageError('import claimreview takes exactly one file');
    }
    return importClaimReview(io, txtArg);
  }
  if (kind !== 'brat') {
    throw new UsageError(kind === undefined ? 'import needs a format: "import brat <txt> <ann>" or "import claimreview <file>"' : `cannot import "${kind}"; only brat and claimreview are supported`);
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
  // Lines kept but not used as they stand (a second verdict on one claim): imported all the same, and said.
  for (const w of result.warnings) {
    io.err(`${annArg}:${w.line}:${w.column}: warning: ${w.message}\n`);
  }
  const a = result.annotations;
  const mentions = a.actors.reduce((n, x) => n + x.mentions.length, 0);
  io.out(
    `Wrote ${relative(io.cwd, sidecar)}: ${count(a.actors.length, 'actor')}, ${count(mentions, 'mention')}, ${count(a.claims.length, 'claim')}` +
      `${result.counting === 'crlf-as-one' ? ' (offsets counted a Windows line break as one character, as brat’s editor does)' : ''}.\n`,
  );
  return EXIT.ok;
}

/** Adds the fact-checks of a file to the workspace's file of them; refuses the whole file on any problem. */
async function importClaimReview(io: Io, fileArg: string): Promise<number> {
  const file = resolve(io.cwd, fileArg);
  const read = await readTextFile(file, 'article', MAX_FACT_CHECK_BYTES);
  if (read.status !== 'ok') {
    io.err(read.status === 'missing' ? `${fileArg}: no such file\n` : `${fileArg}:${read.problem.line}:${read.problem.column}: ${read.problem.message}\n`);
    return EXIT.problems;
  }
  const incoming = readFactChecks(read.text);
  if (incoming.problems.length) {
    incoming.problems.forEach((p) => io.err(`${fileArg}:${p.line}:${p.column}: ${p.message}\n`));
    io.err(`${count(incoming.problems.length, 'problem')} in ${fileArg}; nothing was imported.\n`);
    return EXIT.problems;
  }
  const target = resolve(await workspaceRootOf(io.cwd), FACT_CHECKS_FILE);
  const shown = relative(io.cwd, target) || target;
  const current = await readTextFile(target, 'article', MAX_FACT_CHECK_BYTES);
  const existing = current.status === 'ok' ? decodeFactChecks(current.text) : current.status === 'missing' ? { factChecks: [], problems: [] } : { factChecks: [], problems: [current.problem] };
  if (existing.problems.length) {
    const p = existing.problems[0];
    io.err(`${shown}:${p.line}:${p.column}: ${p.message}\nFix it first (it is never overwritten while it cannot be read); nothing was imported.\n`);
    return EXIT.problems;
  }
  const merged = mergeFactChecks(existing.factChecks, incoming.factChecks);
  await fs.mkdir(dirname(target), { recursive: true });
  await writeFileAtomic(target, encodeFactChecks(merged.factChecks));
  io.out(`Imported ${count(incoming.factChecks.length, 'fact-check')} from ${fileArg} into ${shown}: ${merged.added} new, ${merged.updated} updated.\n`);
  return EXIT.ok;
}
