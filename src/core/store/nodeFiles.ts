// Sidecar files on a local disk through the core's file layer, for the command line to write through the same merge as the editor.

import { readSidecarFile, writeFileAtomic } from '../files';
import { SIDECAR_SUFFIX } from '../sidecar';
import { type ConflictChoice, type ConflictQuestion, type SidecarFiles, sidecarReadOf, type WriteAnswer } from './host';

/**
 * Sidecar files keyed by the article's path, read and written by the editor's rules (strict
 * UTF-8, regular files only, atomic writes through symlinks that keep the file's form and
 * refuse a read-only file). Without `ask`, a conflict is refused (the write comes back
 * undecided and nothing is written), which is what a command line without a user to ask must
 * do. `beforeRename` runs inside each write just before its last compare (tests race it there).
 */
export function nodeSidecarFiles(
  ask: (question: ConflictQuestion) => Promise<ConflictChoice> = async () => undefined,
  beforeRename?: (sidecar: string) => void | Promise<void>,
): SidecarFiles {
  return {
    readSidecar: async (article) => sidecarReadOf(await readSidecarFile(article + SIDECAR_SUFFIX)),
    async writeSidecar(article: string, text: string, expected: string | undefined): Promise<WriteAnswer> {
      const path = article + SIDECAR_SUFFIX;
      // Compared just before the rename; the write path reads and merges again on `changed`.
      const outcome = await writeFileAtomic(path, text, { expected: expected ?? null, beforeRename: beforeRename && (() => beforeRename(path)) });
      return outcome.status === 'changed' ? 'changed' : { written: outcome.data as string };
    },
    ask,
  };
}
