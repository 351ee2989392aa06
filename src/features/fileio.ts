// Reading and atomically writing the user's files for the editor: local files through the core's file layer, others through vscode.workspace.fs.

import * as vscode from 'vscode';
import { type Decoding, readTextFile, type TextRead, type WriteOptions, type WriteOutcome, writeFileAtomic } from '../core/files';
import { decodeArticle, decodeSidecarBytes, fileProblem, MAX_FILE_BYTES, notAFileProblem, tempNameFor, tooLargeProblem } from '../core/fileRules';

const encoder = new TextEncoder();

/**
 * The file's text by the article rule (UTF-8, a byte-order mark dropped as VS Code drops it,
 * so offsets agree with what the editor shows), or undefined when it does not exist.
 * A file that cannot be taken as text (a folder, a FIFO, over the size limit) throws.
 */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  const read = await readText(uri, 'article');
  if (read.status === 'problem') {
    throw new Error(`${uri.fsPath}: ${read.problem.message}`);
  }
  return read.status === 'ok' ? read.text : undefined;
}

/** A sidecar's text, strictly UTF-8, or the problem (positioned for a byte that is not UTF-8) that keeps it from being read. */
export function readSidecarText(uri: vscode.Uri): Promise<TextRead> {
  return readText(uri, 'sidecar');
}

async function readText(uri: vscode.Uri, decoding: Decoding): Promise<TextRead> {
  if (uri.scheme === 'file') {
    return readTextFile(uri.fsPath, decoding);
  }
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File)) {
      return { status: 'problem', problem: notAFileProblem(stat.type & vscode.FileType.Directory ? 'folder' : 'other') };
    }
    if (stat.size > MAX_FILE_BYTES) {
      return { status: 'problem', problem: tooLargeProblem(stat.size) };
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') {
      return { status: 'missing' };
    }
    return { status: 'problem', problem: fileProblem('unreadable', err instanceof Error ? err.message : String(err)) };
  }
  if (decoding === 'article') {
    return { status: 'ok', text: decodeArticle(bytes) };
  }
  const decoded = decodeSidecarBytes(bytes);
  return 'text' in decoded ? { status: 'ok', text: decoded.text } : { status: 'problem', problem: decoded.problem };
}

/**
 * Writes through a temporary file in the same folder and a rename, so a crash or a full
 * disk leaves either the old file or the new one, never half of one. Files on disk go
 * through the core's writeFileAtomic (symlinks, mode, line endings, read-only refusal, a
 * check against `options.expected` just before the rename); vscode.workspace.fs's rename
 * with overwrite deletes the target first, leaving a moment with no file at all.
 */
export async function atomicWrite(uri: vscode.Uri, text: string, options: WriteOptions = {}): Promise<WriteOutcome> {
  if (uri.scheme === 'file') {
    return writeFileAtomic(uri.fsPath, text, options);
  }
  if (options.expected !== undefined) {
    // Elsewhere than on disk, compared as late as vscode.workspace.fs allows: before the temporary file.
    const current = await readText(uri, 'sidecar');
    const same = options.expected === null ? current.status === 'missing' : current.status === 'ok' && current.text === options.expected;
    if (!same) {
      return { status: 'changed', current };
    }
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const folder = uri.path.slice(0, uri.path.lastIndexOf('/'));
  const temp = uri.with({ path: `${folder}/${tempNameFor(name, process.pid, Date.now().toString(36))}` });
  await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (err) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw err;
  }
  return { status: 'written', data: text };
}
