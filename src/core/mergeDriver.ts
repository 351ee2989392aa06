// git's merge driver for sidecars, as a pure function: three sidecar texts and the article in, the merged sidecar out.

import { reattachAnnotations } from './anchoring';
import { mergeFields } from './fieldMerge';
import { type Annotations, emptyAnnotations, type MergeConflict } from './model';
import { type DecodeOptions, type DecodeResult, decodeSidecar, encodeSidecar } from './sidecar';

export interface SidecarMerge {
  /** The merged sidecar; undefined when ours or theirs cannot be read, and then nothing should be written. */
  text?: string;
  /** Fields changed two ways, also written into `text` as its `conflicts:` record. */
  conflicts: MergeConflict[];
  /** Why a side could not be read, in the user's words, one line each. */
  problems: string[];
}

/**
 * Merges two sidecars descended from `base` (undefined or empty: both added the sidecar), each
 * re-attached first to the article as it is in the working tree, so that a merge that also
 * changed the article compares annotations where they now stand. Comments and layout are ours.
 * Conflicts already recorded on either side stay until someone resolves them.
 */
export function mergeSidecarTexts(base: string | undefined, ours: string, theirs: string, articleText: string, options: DecodeOptions = {}): SidecarMerge {
  const problems: string[] = [];
  // Only ours is written back, so only ours needs the full YAML document; the others are read as data, several times faster.
  const read = (source: string, side: string, dataOnly = true): DecodeResult & { annotations?: Annotations } => {
    const decoded = decodeSidecar(source, articleText, { ...options, dataOnly });
    if (!decoded.annotations) {
      const first = decoded.problems.find((p) => p.severity === 'error');
      problems.push(`${side} cannot be read${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}`);
    } else if (decoded.stale) {
      reattachAnnotations(articleText, decoded.annotations);
    }
    return decoded;
  };
  const o = read(ours, 'your version of the sidecar', false);
  const t = read(theirs, 'their version of the sidecar');
  const b = base?.trim() ? read(base, 'the common version of the sidecar') : undefined;
  if (!o.annotations || !t.annotations) {
    return { conflicts: [], problems };
  }
  // An unreadable base is as good as none: every difference is then an addition on one side.
  const baseAnnotations = b?.annotations ?? { ...emptyAnnotations(o.annotations.article.file), article: { ...o.annotations.article } };
  const { merged, conflicts } = mergeFields(baseAnnotations, o.annotations, t.annotations);
  const all = uniqueConflicts([...(o.annotations.conflicts ?? []), ...(t.annotations.conflicts ?? []), ...conflicts]);
  if (all.length) {
    merged.conflicts = all;
  } else {
    delete merged.conflicts;
  }
  return { text: encodeSidecar(merged, articleText, o.document), conflicts: all, problems };
}

function uniqueConflicts(conflicts: readonly MergeConflict[]): MergeConflict[] {
  const seen = new Set<string>();
  return conflicts.filter((c) => {
    const key = JSON.stringify([c.kind, c.id, c.field]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
