// Reading a sidecar with its article through the one file layer: the pair every command and the parallel check start from.

import { basename } from 'node:path';
import { readArticleFile, readArticleFileSync, readSidecarFile, readSidecarFileSync } from './files';
import type { FileProblem } from './fileRules';
import { type DecodeOptions, type DecodeResult, decodeSidecar, SIDECAR_SUFFIX } from './sidecar';

/** A sidecar and its article, read; or what kept them from being read (`file` is the one at fault). */
export type PairRead = { missing: string } | { problem: FileProblem; file: string } | { source: string; text: string; article: string; decoded: DecodeResult };

/** The article a sidecar belongs to: its path without the sidecar suffix. */
export function articlePathFor(sidecar: string): string {
  return sidecar.endsWith(SIDECAR_SUFFIX) ? sidecar.slice(0, -SIDECAR_SUFFIX.length) : sidecar;
}

/**
 * Reads a sidecar and its article and decodes the sidecar against it. With `dataOnly` the
 * fast reader is used: it keeps a 30 MB sidecar in about a tenth of the memory, and a sidecar
 * with any problem is still read again the full way for positions. `blocking` reads the
 * files without waiting, for a worker thread (see readTextFileSync).
 */
export async function readPair(sidecar: string, options: DecodeOptions, blocking = false): Promise<PairRead> {
  const article = articlePathFor(sidecar);
  const source = blocking ? readSidecarFileSync(sidecar) : await readSidecarFile(sidecar);
  if (source.status === 'missing') {
    return { missing: `has no sidecar (${basename(sidecar)})` };
  }
  if (source.status === 'problem') {
    return { problem: source.problem, file: sidecar };
  }
  const text = blocking ? readArticleFileSync(article) : await readArticleFile(article);
  if (text.status === 'missing') {
    return { missing: `the article ${basename(article)} is missing next to this sidecar` };
  }
  if (text.status === 'problem') {
    return { problem: text.problem, file: article };
  }
  return { source: source.text, text: text.text, article, decoded: decodeSidecar(source.text, text.text, options) };
}
