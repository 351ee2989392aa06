// newsmark reanchor: re-attaches sidecars to articles changed outside the editor, with the editor's algorithm.

import { basename, relative, resolve } from 'node:path';
import { reattachAnnotations } from '../core/anchoring';
import { inFormOf } from '../core/fileRules';
import { allAnchors, anchorState, type AnchorState } from '../core/model';
import { type DecodeResult, encodeSidecar } from '../core/sidecar';
import { type Settings } from '../core/settingsFile';
import { diskStateOf, nodeSidecarFiles, writeMerged } from '../core/store';
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

/**
 * Re-attaches one sidecar and writes it through the editor's write path: if the sidecar
 * changed on disk since it was read, the change made there is merged per annotation with the
 * re-attached anchors (an annotation changed differently on both sides is refused, as there is
 * no one to ask). A version that cannot be read is never written over.
 */
async function reanchorOne(io: Io, sidecar: string, settings: Settings, dryRun: boolean): Promise<boolean> {
  const article = articlePathFor(sidecar);
  const shown = relative(io.cwd, article);
  const read = await readPair(sidecar, settings);
  if (reportUnread(io, read, shown)) {
    return false;
  }
  const { decoded } = read;
  if (!decoded.annotations || !decoded.document) {
    printProblems(io, shownPath(io, sidecar), decoded);
    return false;
  }
  // Taken before re-attaching, which changes the decoded annotations in place.
  const base = diskStateOf(read.source, decoded);
  const { output, states } = reattached(read.text, decoded);
  const counts = `${shown}: ${states.attached} re-attached, ${states.changed} changed, ${states.orphaned} orphaned`;
  const next = inFormOf(read.source, output);
  if (next === read.source || dryRun) {
    io.out(`${counts} (${next === read.source ? 'sidecar already up to date' : 'dry run, sidecar not written'})\n`);
    return true;
  }
  const files = nodeSidecarFiles(undefined, io.beforeRename);
  const decode = { actorTypes: settings.actorTypes, verdicts: settings.scale.verdicts.map((v) => v.id) };
  const outcome = await writeMerged(files, { article, name: basename(article), articleText: read.text, base, ours: decoded.annotations, decode });
  const where = shownPath(io, sidecar);
  switch (outcome.kind) {
    case 'written':
      io.out(`${counts} (sidecar updated${outcome.merged ? ', keeping the changes made to it while reanchor ran' : ''})\n`);
      return true;
    case 'unreadable':
      io.err(`${where}: changed on disk while reanchor ran, and the version there now cannot be read; it was left as it is.\n`);
      for (const p of outcome.problems) {
        io.err(`${where}:${p.line}:${p.column}: ${p.message}\n`);
      }
      return false;
    case 'undecided':
      io.err(
        `${where}: changed on disk while reanchor ran, and ${outcome.conflicts.join(', ')} changed both there and here; it was left as it is. Run reanchor again.\n`,
      );
      return false;
    case 'contended':
      io.err(`${where}: kept changing on disk while reanchor ran, so it was left as it is; run reanchor again once nothing else is writing it.\n`);
      return false;
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
