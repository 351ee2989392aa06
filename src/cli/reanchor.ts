// newsmark reanchor: re-attaches sidecars to articles changed outside the editor, with the editor's algorithm.

import { relative, resolve } from 'node:path';
import { reattachAnnotations } from '../core/anchoring';
import { writeFileAtomic } from '../core/files';
import { inFormOf } from '../core/fileRules';
import { allAnchors, anchorState, type AnchorState } from '../core/model';
import { type DecodeResult, encodeSidecar } from '../core/sidecar';
import { type Settings } from '../core/settingsFile';
import { EXIT, type Io, parse, printProblems, shownPath, UsageError } from './io';
import { articlePathFor, loadSettings, readPair, reportUnread, sidecarPathFor } from './files';

/** What `newsmark reanchor --help` prints. */
export const usage = `Usage: newsmark reanchor [--dry-run] <article>…

Re-attaches the sidecar of each article after the article was changed outside the editor, with
the algorithm the editor uses, and prints how many anchors were re-attached, changed (found
with different wording) or orphaned (not found). The sidecar is rewritten atomically, only if
something changed; --dry-run prints the counts without writing.
`;

export async function run(args: readonly string[], io: Io): Promise<number> {
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
