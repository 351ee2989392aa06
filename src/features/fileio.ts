// Reading and atomically writing text files through vscode.workspace.fs (so remote and virtual-free setups work alike).

import * as vscode from 'vscode';
import { writeFileAtomic } from '../core/files';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * The file's text, or undefined when it does not exist. A UTF-8 byte-order mark is dropped,
 * as VS Code drops it from documents, so offsets agree with what the editor shows.
 */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') {
      return undefined;
    }
    throw err;
  }
}

/**
 * Writes through a temporary file in the same folder and a rename, so a crash or a full
 * disk leaves either the old file or the new one, never half of one. Files on disk go
 * through Node's rename, which replaces the target in one step; vscode.workspace.fs's
 * rename with overwrite deletes the target first, leaving a moment with no file at all.
 */
export async function atomicWrite(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme === 'file') {
    await writeFileAtomic(uri.fsPath, text);
    return;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const folder = uri.path.slice(0, uri.path.lastIndexOf('/'));
  const temp = uri.with({ path: `${folder}/.${name}.${process.pid}.${Date.now().toString(36)}.tmp` });
  await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (err) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw err;
  }
}
