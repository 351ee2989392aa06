// newsmark validate: checks sidecars against the format and their articles, and lists every problem.

import { relative, resolve } from 'node:path';
import { count } from '../core/text';
import { EXIT, type Io, parse, shaPosition, UsageError } from './io';
import { loadSettings, readPair, reportUnread, sidecarsAt } from './files';

/** What `newsmark validate --help` prints. */
export const usage = `Usage: newsmark validate [--strict] <path>…

Checks sidecars against the format and their articles. A path may be a sidecar, an article
(its sidecar is checked) or a folder (every sidecar below it). Each problem is printed as
  file:line:column: message
with warnings marked "warning:". Exits 1 if any error is found (with --strict, any warning too).
`;

export async function run(args: readonly string[], io: Io): Promise<number> {
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
