// newsmark import brat: makes a sidecar from a brat standoff pair, or nothing when the pair has problems.

import { basename, relative, resolve } from 'node:path';
import { importBrat } from '../core/brat';
import { writeFileAtomic } from '../core/files';
import { decodeSidecar, encodeSidecar, SIDECAR_SUFFIX, sidecarNameFor } from '../core/sidecar';
import { count } from '../core/text';
import { EXIT, type Io, parse, printProblems, UsageError } from './io';
import { exists, loadSettings, readText } from './files';

/** What `newsmark import --help` prints. */
export const usage = `Usage: newsmark import brat [--force] <txt> <ann>

Reads a brat standoff pair and writes the sidecar next to the .txt (<txt>${SIDECAR_SUFFIX}).
Nothing is written if the .ann has any problem; each is printed as ann:line:column: message.
An existing sidecar is replaced only with --force. Lines imported but not used as they stand
(a second verdict, status or claimant on one claim, kept in its notes) are printed as
ann:line:column: warning: message, and the exit code is still 0.
`;

export async function run(args: readonly string[], io: Io): Promise<number> {
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
