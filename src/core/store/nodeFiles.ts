// Sidecar files on a local disk through Node, for the command line to write through the same merge as the editor.

import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../files';
import { SIDECAR_SUFFIX } from '../sidecar';
import type { ConflictChoice, ConflictQuestion, SidecarFiles, SidecarRead, WriteAnswer } from './host';

const decoder = new TextDecoder('utf-8');

/**
 * Sidecar files keyed by the article's path. Without `ask`, a conflict is refused (the write
 * comes back undecided and nothing is written), which is what a command line without a user
 * to ask must do.
 */
export function nodeSidecarFiles(ask: (question: ConflictQuestion) => Promise<ConflictChoice> = async () => undefined): SidecarFiles {
  const read = async (article: string): Promise<SidecarRead> => {
    try {
      // Decoded as the editor decodes, so a leading BOM is dropped on both sides.
      return decoder.decode(await fs.readFile(article + SIDECAR_SUFFIX));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw err;
    }
  };
  return {
    readSidecar: read,
    async writeSidecar(article: string, text: string, expected: string | undefined): Promise<WriteAnswer> {
      // Compared as late as this host can; the write path reads and merges again on `changed`.
      if ((await read(article)) !== expected) {
        return 'changed';
      }
      await writeFileAtomic(article + SIDECAR_SUFFIX, text);
      return 'written';
    },
    ask,
  };
}
