// Tests of the byte rules of the user's files: which bad byte a sidecar is refused for and where, sizes in words, temporary names.

import assert from 'node:assert/strict';
import { decodeSidecarBytes, type FileProblem, inFormOf, kindWords, notAFileProblem, tempNameFor, tempOwner, tooLargeProblem } from '../../../src/core/fileRules';

/** The problem a sidecar of these bytes is refused for; fails the test when the bytes are taken as text. */
function refused(...parts: (string | number[])[]): FileProblem {
  const bytes = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
  const decoded = decodeSidecarBytes(bytes);
  assert.ok('problem' in decoded, 'the bytes are refused');
  return decoded.problem;
}

describe('fileRules', () => {
  describe('a sidecar that is not UTF-8', () => {
    it('is an error the codec prints alike, at the line and column of the bad byte', () => {
      const problem = refused('newsmark: 1\nnotes: Jos', [0xe9], '\n');
      assert.deepEqual(problem, {
        code: 'encoding',
        severity: 'error',
        message: 'The byte 0xE9 is not valid UTF-8 (the file may have been saved as Latin-1 or Windows-1252). A sidecar must be UTF-8: re-save it as UTF-8, or retype this character.',
        offset: 'newsmark: 1\nnotes: Jos'.length,
        length: 1,
        line: 2,
        column: 'notes: Jos'.length + 1,
      });
    });

    it('names the bad byte after characters of every UTF-8 length, at each length’s bounds', () => {
      // U+007F/U+0080, U+07FF/U+0800, U+FFFF/U+10000 are the last and first characters of one to four bytes.
      const before = 'a: \u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}';
      const problem = refused(before, [0xe9], ' b');
      assert.match(problem.message, /^The byte 0xE9 /);
      assert.deepEqual([problem.line, problem.column, problem.offset], [1, before.length + 1, before.length]);
    });

    it('names the first bad byte even when the bytes after it look like part of a real U+FFFD', () => {
      // A real U+FFFD is EF BF BD; a bad byte followed by one or two of those bytes is still the bad byte.
      for (const bad of [
        [0xff, 0xbf, 0xbd],
        [0xef, 0x41, 0xbd],
        [0xef, 0xbf, 0x41],
        [0xff, 0x41, 0xbd],
      ]) {
        const problem = refused('a: ', bad, '\n');
        const hex = bad[0].toString(16).toUpperCase();
        assert.match(problem.message, new RegExp(`^The byte 0x${hex} `), bad.join(' '));
        assert.equal(problem.column, 4, bad.join(' '));
      }
    });

    it('counts a leading byte-order mark as the character the sidecar’s text keeps', () => {
      const problem = refused('\ufeffa: ', [0xe9], '\n');
      assert.match(problem.message, /^The byte 0xE9 /);
      assert.deepEqual([problem.line, problem.column, problem.offset], [1, 5, 4]);
    });

    it('says UTF-16 for both byte orders, and only when the file starts with their mark', () => {
      const bigEndian = Buffer.from('\ufeffnewsmark: 1\n', 'utf16le').swap16();
      for (const bytes of [Buffer.from('\ufeffnewsmark: 1\n', 'utf16le'), bigEndian]) {
        const decoded = decodeSidecarBytes(bytes);
        assert.ok('problem' in decoded);
        assert.equal(decoded.problem.code, 'encoding');
        assert.equal(decoded.problem.message, 'This file is saved as UTF-16; a sidecar must be UTF-8. Re-save it as UTF-8.');
      }
      // Half of either mark, or one in the wrong place, is a single bad byte of a Latin-1 file.
      for (const [bytes, hex, column] of [
        [[0xff, 0x41], 'FF', 1],
        [[0xfe, 0x41], 'FE', 1],
        [[0x41, 0xfe], 'FE', 2],
        [[0x41, 0xff], 'FF', 2],
      ] as const) {
        const problem = refused([...bytes], '\n');
        assert.match(problem.message, new RegExp(`^The byte 0x${hex} `), bytes.join(' '));
        assert.equal(problem.column, column);
      }
    });
  });

  describe('a sidecar that is UTF-8', () => {
    it('keeps its byte-order mark in the text, so that a rewrite can keep it', () => {
      assert.deepEqual(decodeSidecarBytes(Buffer.from('\ufeffnewsmark: 1\n', 'utf8')), { text: '\ufeffnewsmark: 1\n' });
    });
  });

  describe('a file too large to read', () => {
    it('is given in bytes under a mebibyte and in mebibytes from one on, to one decimal', () => {
      assert.equal(tooLargeProblem(1024 * 1024 - 1, 1000).message, 'This file is 1048575 bytes, over the 1000 bytes Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.');
      assert.equal(tooLargeProblem(1024 * 1024, 1000).message, 'This file is 1 MiB, over the 1000 bytes Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.');
      assert.equal(tooLargeProblem(70.25 * 1024 * 1024).message, 'This file is 70.3 MiB, over the 64 MiB Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.');
    });

    it('is said to be over the limit, without a size, when it only grew past it while read', () => {
      const problem = tooLargeProblem(undefined, 1000);
      assert.equal(problem.message, 'This file is more than the 1000 bytes Newsmark reads, so it was not read; it is not a sidecar Newsmark wrote.');
      assert.deepEqual([problem.code, problem.severity, problem.line, problem.column], ['too-large', 'error', 1, 1]);
    });
  });

  describe('what a path names', () => {
    it('is told in words of its own for each kind of file', () => {
      const kinds = ['file', 'folder', 'pipe', 'device', 'socket', 'other'] as const;
      const words = kinds.map(kindWords);
      assert.deepEqual(words, ['a file', 'a folder', 'a named pipe (FIFO)', 'a device', 'a socket', 'a special file']);
      assert.equal(notAFileProblem('socket').message, 'This is a socket, not a regular file, so it was not read; rename or remove it.');
      assert.equal(notAFileProblem('socket').severity, 'error');
    });
  });

  describe('line endings and byte-order mark of a rewrite', () => {
    it('keeps LF when the file it replaces starts with a line break', () => {
      assert.equal(inFormOf('\na: 1\r\n', 'a: 2\n'), 'a: 2\n');
      assert.equal(inFormOf('\r\na: 1\r\n', 'a: 2\n'), 'a: 2\r\n');
    });
  });

  describe('temporary files', () => {
    it('never takes a backup or another name with the pattern inside it for a temporary file', () => {
      const name = 'a.txt.annotations.yaml';
      assert.equal(tempOwner(name, tempNameFor(name, 17, 'f00d')), 17);
      for (const other of [`.${name}.4242.abc123.bak`, `.${name}.4242.abc123`, `.${name}.4242.abc123.tmpx`, `.${name}..tmp`, `.${name}.tmp`]) {
        assert.equal(tempOwner(name, other), undefined, other);
      }
    });
  });
});
