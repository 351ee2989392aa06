// newsmark validate: checks sidecars against the format and their articles, and lists every problem.

import { relative, resolve } from 'node:path';
import { count } from '../core/text';
import { validateMany } from '../core/parallel';
import { EXIT, type Io, parse, shownPath, UsageError } from './io';
import { loadSettings, sidecarsAt } from './files';

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
    // Read and checked on every core; the results come back in the order the sidecars were found.
    for (const check of await validateMany(sidecars, settings)) {
      checked++;
      const shown = relative(io.cwd, check.sidecar) || check.sidecar;
      if (check.missing) {
        io.out(`${shown}:1:1: ${check.missing}\n`);
        errors++;
        continue;
      }
      if (check.unreadable) {
        const p = check.unreadable.problem;
        io.out(`${shownPath(io, check.unreadable.file)}:${p.line}:${p.column}: ${p.message}\n`);
        errors++;
        continue;
      }
      for (const p of check.problems) {
        io.out(`${shown}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n`);
        if (p.severity === 'error') {
          errors++;
        } else {
          warnings++;
        }
      }
      if (check.stale) {
        io.out(`${shown}:${check.stale.line}:${check.stale.column}: warning: the article changed since this sidecar was written; run "newsmark reanchor ${relative(io.cwd, check.article)}".\n`);
        warnings++;
      }
    }
  }
  io.err(`${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(checked, 'sidecar')}.\n`);
  return errors > 0 || (values.strict && warnings > 0) ? EXIT.problems : EXIT.ok;
}
