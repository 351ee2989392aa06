// Writing a sidecar without losing anything: merge a change made on disk meanwhile, ask when the merge cannot decide, retry when the file moved under the write.

import type { Document } from 'yaml';
import { reattachAnnotations } from '../anchoring';
import { sha256 } from '../hash';
import { mergeAnnotations } from '../merge';
import { type Annotations, emptyAnnotations } from '../model';
import { type DecodeOptions, decodeSidecar, type DecodeResult, sidecarNameFor, type SidecarProblem } from '../sidecar';
import { encodeSidecarState, type Written } from '../sidecarWriter';
import { isUnreadable, type SidecarFiles } from './host';

/**
 * How many times a write reads, merges and tries again when the host finds the sidecar
 * changed just before replacing it. Each retry needs another program to write in the
 * few milliseconds between a read and a rename; five in a row means something is rewriting
 * the file in a loop, and the user is told instead.
 */
const MAX_ATTEMPTS = 5;

/** The sidecar as last read or written: what a change on disk is detected and merged against. */
export interface DiskState {
  readonly text: string;
  readonly document: Document;
  readonly annotations: Annotations;
  /** Our own write of that text, which the next write splices its changes into. */
  readonly written?: Written;
}

interface WriteTarget {
  /** The article's key, handed back to the host. */
  readonly article: string;
  /** The article's file name, recorded as `article.file` when the annotations name none. */
  readonly name: string;
  /** The article text the offsets refer to: the text on disk. */
  readonly articleText: string;
  /** The sidecar as last read or written; undefined when there was none. */
  readonly base?: DiskState;
  /** How a sidecar changed on disk is checked (the command line passes its settings). */
  readonly decode?: DecodeOptions;
}

/**
 * The annotations to write: a fixed value (the command line), or the live ones of an open
 * article, read again after every wait so that a change made meanwhile is written too, and
 * replaced through `adopt` by the merge with the file on disk as soon as that is made.
 */
export type Ours = { readonly ours: Annotations } | { ours(): Annotations; adopt(merged: Annotations): void };

export type WriteRequest = WriteTarget & Ours;

export type WriteOutcome =
  | {
      readonly kind: 'written';
      /** What was written (after a merge, the merge). */
      readonly annotations: Annotations;
      readonly disk: DiskState;
      /** Warnings about what was written (orphans, changed wording). */
      readonly problems: SidecarProblem[];
      /** Whether a change made on disk was merged in. */
      readonly merged: boolean;
    }
  /** The user chose to decide later: nothing was written, the annotations are as they were. */
  | { readonly kind: 'undecided'; readonly conflicts: readonly string[] }
  /** The sidecar on disk has errors now: nothing was written. */
  | { readonly kind: 'unreadable'; readonly problems: SidecarProblem[]; readonly fingerprint: string }
  /** The sidecar changed again at every attempt: nothing was written. */
  | { readonly kind: 'contended' };

/**
 * Writes annotations to a sidecar. When the sidecar on disk is no longer `base`, the change
 * made there is merged per annotation first (re-attached to `articleText` if it was written
 * for another version of the article); annotations changed differently on both sides are
 * put to the user. A host that finds the file changed just before its rename makes the whole
 * round start again from the new file. Shared by the editor and the command line.
 */
export async function writeMerged(files: SidecarFiles, request: WriteRequest): Promise<WriteOutcome> {
  const live = liveAnnotations(request);
  let base = request.base;
  let merged = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const read = await files.readSidecar(request.article);
    if (isUnreadable(read)) {
      return { kind: 'unreadable', problems: read.problems, fingerprint: read.fingerprint };
    }
    // Taken from the base only once it is known to be needed: it may have to be parsed first.
    let document: Document | undefined;
    let nextBase = base;
    if (read !== undefined && read !== base?.text) {
      const theirs = decodeSidecar(read, request.articleText, request.decode);
      if (!theirs.annotations || !theirs.document) {
        return { kind: 'unreadable', problems: theirs.problems, fingerprint: sha256(read) };
      }
      const result = await mergeWithDisk(files, request, live, base, { annotations: theirs.annotations, stale: theirs.stale });
      if ('kind' in result) {
        return result;
      }
      document = theirs.document;
      nextBase = { text: read, document: theirs.document, annotations: result.theirs };
      merged = true;
    }
    const annotations = live.current();
    if (!annotations.article.file) {
      annotations.article.file = request.name;
    }
    const state = encodeSidecarState(annotations, request.articleText, document ?? base?.written ?? base?.document);
    const text = state.text;
    const answer = await files.writeSidecar(request.article, text, read);
    if (answer === 'changed') {
      base = nextBase;
      continue;
    }
    const reread = decodeSidecar(text, request.articleText, { lazyDocument: true });
    // The base is the text as it now is on disk, so the next read of it is no outside change.
    const onDisk = typeof answer === 'object' ? answer.written : text;
    return {
      kind: 'written',
      annotations,
      disk: { text: onDisk, annotations: structuredClone(reread.annotations ?? annotations), document: state.document, written: state },
      problems: reread.problems,
      merged,
    };
  }
  return { kind: 'contended' };
}

/**
 * Merges the sidecar found on disk into ours and adopts the result. Returns a copy of theirs
 * (the base for a further merge), or an outcome when the write must stop because the user
 * chose to decide later.
 */
async function mergeWithDisk(
  files: SidecarFiles,
  request: WriteRequest,
  live: LiveAnnotations,
  base: DiskState | undefined,
  decoded: { annotations: Annotations; stale: boolean },
): Promise<WriteOutcome | { theirs: Annotations }> {
  const found = decoded.annotations;
  if (decoded.stale) {
    // Written for another version of the article: find every anchor again.
    reattachAnnotations(request.articleText, found);
  }
  // Kept apart: the merge hands out their annotation objects, and ours go on changing.
  const theirs = structuredClone(found);
  const baseAnnotations = base ? alignedBase(base.annotations, request.articleText) : emptyAnnotations(live.current().article.file);
  const { merged, conflicts } = mergeAnnotations(baseAnnotations, live.current(), found);
  if (!conflicts.length) {
    live.adopt(merged);
    return { theirs };
  }
  const choice = await files.ask({ article: request.article, message: conflictMessage(request.name, conflicts), conflicts });
  if (choice === undefined) {
    return { kind: 'undecided', conflicts };
  }
  // Merged again after the answer, so a change made while the question was open is kept.
  live.adopt(choice === 'theirs' ? found : mergeAnnotations(baseAnnotations, live.current(), found).merged);
  return { theirs };
}

/**
 * The base with its anchors on `articleText`, as a three-way merge needs all three sides. A
 * base read for another version of the article would otherwise differ from both sides in
 * every anchor, and each annotation the other side touched would look like a conflict.
 */
function alignedBase(base: Annotations, articleText: string): Annotations {
  if (base.article.sha256 === undefined || base.article.sha256 === sha256(articleText)) {
    return base;
  }
  const aligned = structuredClone(base);
  reattachAnnotations(articleText, aligned);
  return aligned;
}

function conflictMessage(name: string, conflicts: readonly string[]): string {
  const count = conflicts.length === 1 ? 'one annotation was' : `${conflicts.length} annotations were`;
  return `${sidecarNameFor(name)} was changed outside Newsmark, and ${count} changed both there and here (${conflicts.join(', ')}).`;
}

interface LiveAnnotations {
  current(): Annotations;
  adopt(annotations: Annotations): void;
}

function liveAnnotations(request: Ours): LiveAnnotations {
  if (typeof request.ours === 'function') {
    return { current: request.ours, adopt: (request as { adopt(a: Annotations): void }).adopt };
  }
  let held = request.ours;
  return { current: () => held, adopt: (a) => (held = a) };
}

/**
 * The state to merge against, from a sidecar just read without errors. Its document is taken
 * from the read only when a write asks for it, so a read for display never parses one.
 */
export function diskStateOf(text: string, decoded: DecodeResult): DiskState | undefined {
  if (!decoded.annotations) {
    return undefined;
  }
  return {
    text,
    annotations: structuredClone(decoded.annotations),
    get document(): Document {
      return decoded.document!;
    },
  };
}
