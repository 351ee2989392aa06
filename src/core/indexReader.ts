// Reading one sidecar for the workspace index: its record, and the stamps the index cache trusts it by; on a worker thread or not.

import { promises as fs, type Stats, statSync } from 'node:fs';
import { reattachAnnotations } from './anchoring';
import { readArticleFile, readArticleFileSync, readSidecarFile, readSidecarFileSync, type TextRead } from './files';
import { type ArticleRecord, recordOf } from './indexRecords';
import type { Annotations } from './model';
import { articlePathFor } from './pairs';
import { type DecodeOptions, decodeSidecar } from './sidecar';
import type { FileStamp } from './workspace';

/** A sidecar to read: its path, and the name its article goes by in the index (a URI in the editor). */
export interface IndexJob {
  sidecar: string;
  article: string;
}

/** What reading a sidecar for the index found. `annotations` and `text` only when asked for. */
export type IndexRead =
  | { status: 'gone' }
  /** There, but not readable as annotations: shown nowhere until fixed, and never cached. */
  | { status: 'unreadable' }
  | { status: 'ok'; stamp: FileStamp; readAt: number; record: ArticleRecord; annotations?: Annotations; text?: string };

/** The sizes and modification times of a sidecar and its article; undefined if the sidecar is not there. */
export async function fileStamp(sidecar: string): Promise<FileStamp | undefined> {
  const [s, a] = await Promise.all([fs.stat(sidecar).catch(() => undefined), fs.stat(articlePathFor(sidecar)).catch(() => undefined)]);
  return stampOf(s, a);
}

/**
 * fileStamp without waiting: a stat of a file whose folder was just listed answers from
 * the kernel's cache in microseconds, a tenth of the cost of the round trip of an async one.
 */
export function fileStampSync(sidecar: string): FileStamp | undefined {
  const quiet = { throwIfNoEntry: false } as const;
  try {
    return stampOf(statSync(sidecar, quiet), statSync(articlePathFor(sidecar), quiet));
  } catch {
    // Not readable as a file (a permission, a loop of links): read it to find out why.
    return { seen: 'unknown', changedAt: Infinity };
  }
}

/** fileStamp without waiting, for a worker thread: the same answer, a stat that fails being no file. */
function fileStampBlocking(sidecar: string): FileStamp | undefined {
  const stat = (path: string) => {
    try {
      return statSync(path, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  return stampOf(stat(sidecar), stat(articlePathFor(sidecar)));
}

function stampOf(s: Stats | undefined, a: Stats | undefined): FileStamp | undefined {
  if (!s) {
    return undefined;
  }
  return { seen: `${s.mtimeMs}:${s.size}/${a ? `${a.mtimeMs}:${a.size}` : '-'}`, changedAt: Math.max(s.mtimeMs, a?.mtimeMs ?? 0) };
}

/**
 * Reads and decodes one sidecar with its article the fast way. A sidecar written for an
 * older version of the article has its anchors found in the text as it is now, as the
 * editor does on opening. The stamp is taken before reading, so a change made during the
 * read makes the stamp differ next time, never the reverse. `blocking` reads without
 * waiting, for a worker thread (see readTextFileSync).
 */
export async function readForIndex(job: IndexJob, options: DecodeOptions, full: boolean, blocking = false): Promise<IndexRead> {
  const readAt = Date.now();
  const stamp = blocking ? fileStampBlocking(job.sidecar) : await fileStamp(job.sidecar);
  const articlePath = articlePathFor(job.sidecar);
  const [source, article]: TextRead[] = blocking
    ? [readSidecarFileSync(job.sidecar), readArticleFileSync(articlePath)]
    : await Promise.all([readSidecarFile(job.sidecar), readArticleFile(articlePath)]);
  if (source.status === 'missing' || !stamp) {
    return { status: 'gone' };
  }
  if (source.status === 'problem') {
    return { status: 'unreadable' };
  }
  const text = article.status === 'ok' ? article.text : undefined;
  const decoded = decodeSidecar(source.text, text ?? '', { ...options, dataOnly: true });
  const annotations = decoded.annotations;
  if (!annotations) {
    return { status: 'unreadable' };
  }
  if (decoded.stale && text !== undefined) {
    reattachAnnotations(text, annotations);
  }
  const record = recordOf(job.article, annotations, text);
  return full ? { status: 'ok', stamp, readAt, record, annotations, text } : { status: 'ok', stamp, readAt, record };
}
