// The byte and text rules of the user's files, shared by the editor and the command line: decoding, size, line endings, temporary names.

/**
 * The largest sidecar or article Newsmark reads. A real sidecar is a few hundred kilobytes;
 * the limit only stops a file that is not one (a symlink to /dev/zero, a log named like a
 * sidecar) from filling memory. Reading stops at this many bytes, whatever the file claims.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why a file could not be taken as text; the positioned problems of the sidecar codec say what is wrong inside it. */
export type FileProblemCode = 'encoding' | 'not-a-file' | 'too-large' | 'unreadable';

/** A problem with a file as a whole or with its bytes, shaped like the sidecar codec's problems so both print alike. */
export interface FileProblem {
  code: FileProblemCode;
  severity: 'error';
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** What kind of thing a path names, in the user's words, for the refusal of anything but a regular file. */
export type FileKind = 'file' | 'folder' | 'pipe' | 'device' | 'socket' | 'other';

export function fileProblem(code: FileProblemCode, message: string): FileProblem {
  return { code, severity: 'error', message, offset: 0, length: 0, line: 1, column: 1 };
}

export function kindWords(kind: FileKind): string {
  return { file: 'a file', folder: 'a folder', pipe: 'a named pipe (FIFO)', device: 'a device', socket: 'a socket', other: 'a special file' }[kind];
}

export function notAFileProblem(kind: FileKind): FileProblem {
  return fileProblem('not-a-file', `This is ${kindWords(kind)}, not a regular file, so it was not read; rename or remove it.`);
}

export function tooLargeProblem(bytes: number | undefined, limit = MAX_FILE_BYTES): FileProblem {
  const size = bytes === undefined ? 'more than' : `${sizeWords(bytes)}, over`;
  return fileProblem('too-large', `This file is ${size} the ${sizeWords(limit)} Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.`);
}

function sizeWords(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

const lenient = new TextDecoder('utf-8');
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The article text as Newsmark counts it: UTF-8, without a leading byte-order mark. VS Code
 * drops the mark from documents too, so editor and command line count the same offsets.
 * Bytes that are not UTF-8 read as U+FFFD, as the editor shows them.
 */
export function decodeArticle(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}

/**
 * A sidecar's text, decoded strictly: a byte that is not UTF-8 is a positioned problem
 * rather than a U+FFFD that the next write would make permanent. A byte-order mark stays
 * in the text (YAML reads it as one), so that a rewrite can keep it.
 */
export function decodeSidecarBytes(bytes: Uint8Array): { text: string } | { problem: FileProblem } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { problem: invalidByteProblem(bytes) };
  }
}

function invalidByteProblem(bytes: Uint8Array): FileProblem {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fileProblem('encoding', 'This file is saved as UTF-16; a sidecar must be UTF-8. Re-save it as UTF-8.');
  }
  // Every character before the first bad byte decodes to itself, so its byte offset is the
  // sum of their UTF-8 lengths; a U+FFFD that was really written (EF BF BD) is skipped.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let byte = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c === 0xfffd && !(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) {
      const hex = bytes[byte].toString(16).toUpperCase().padStart(2, '0');
      return {
        code: 'encoding',
        severity: 'error',
        message: `The byte 0x${hex} is not valid UTF-8 (the file may have been saved as Latin-1 or Windows-1252). A sidecar must be UTF-8: re-save it as UTF-8, or retype this character.`,
        offset: i,
        length: 1,
        line,
        column: i - lineStart + 1,
      };
    }
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) {
      i++;
    }
  }
  return fileProblem('encoding', 'This file is not valid UTF-8; a sidecar must be UTF-8.');
}

/**
 * `next` in the form of the file it replaces: CRLF line breaks if that file used them (its
 * first line break decides), and its byte-order mark. YAML reads every line break alike, so
 * this changes no value; it keeps a Windows user's diff to the lines that really changed.
 */
export function inFormOf(previous: string | undefined, next: string): string {
  if (previous === undefined) {
    return next;
  }
  let out = next;
  const firstBreak = previous.indexOf('\n');
  if (firstBreak > 0 && previous[firstBreak - 1] === '\r') {
    out = out.replace(/\r?\n/g, '\r\n');
  }
  if (previous.charCodeAt(0) === 0xfeff && out.charCodeAt(0) !== 0xfeff) {
    out = '\ufeff' + out;
  }
  return out;
}

/** How old a temporary file of another process must be before it is taken as left by a crash. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** The name of the temporary file a write of `name` goes through: hidden, with the writer's process id. */
export function tempNameFor(name: string, pid: number, random: string): string {
  return `.${name}.${pid}.${random}.tmp`;
}

/** The process id in a temporary file's name if it is one of `name`'s, else undefined. */
export function tempOwner(name: string, entry: string): number | undefined {
  const prefix = `.${name}.`;
  if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) {
    return undefined;
  }
  const match = /^(\d+)\.[0-9a-z]+$/.exec(entry.slice(prefix.length, -'.tmp'.length));
  return match ? Number(match[1]) : undefined;
}
