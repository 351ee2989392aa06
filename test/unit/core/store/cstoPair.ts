// The article and sidecar the write-path tests share: an article edited outside the editor after its sidecar was written.

import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorAt, type Annotations } from '../../../../src/core/model';
import { encodeSidecar } from '../../../../src/core/sidecar';

export const ARTICLE = 'Kyrgyzstan hosts the CSTO exercise.\nApproximately 2,500 personnel are involved in the exercises.\nArmenia stays away.\n';
export const CHANGED = `Updated on Tuesday.\n${ARTICLE}`;

export function annotations(text: string, change?: (a: Annotations) => void): Annotations {
  const at = (quote: string) => anchorAt(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
  const a: Annotations = {
    article: { file: 'csto.txt' },
    actors: [
      { id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country', mentions: [at('Kyrgyzstan')] },
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [at('Armenia')] },
    ],
    claims: [{ id: 'c1', anchor: at('Approximately 2,500 personnel'), status: 'unchecked', sources: [] }],
  };
  change?.(a);
  return a;
}

/**
 * A folder of its own for each test of the calling suite: csto.txt already CHANGED, and its
 * sidecar written for ARTICLE; removed after the test. `paths` gets the two files' paths.
 */
export function usePair(prefix: string, paths: (article: string, sidecar: string) => void): void {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(join(tmpdir(), prefix));
    const article = join(folder, 'csto.txt');
    const sidecar = `${article}.annotations.yaml`;
    await fs.writeFile(article, CHANGED);
    await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE), ARTICLE));
    paths(article, sidecar);
  });
  afterEach(() => fs.rm(folder, { recursive: true, force: true }));
}
