// Tests of the rules that make untrusted text safe to show: line breaks folded, bidirectional controls visible.

import assert from 'node:assert/strict';
import { foldLineBreaks, oneLine, restoreControls, showControls, splitLines } from '../../../src/core/text';

describe('text', () => {
  it('folds every kind of line break, CRLF as one', () => {
    assert.equal(foldLineBreaks('a\r\nb\rc\nd\u0085e\u2028f\u2029g'), 'a b c d e f g');
    assert.deepEqual(splitLines('a\r\n\r\nb\rc'), ['a', '', 'b', 'c']);
  });

  it('shows each bidirectional control as a marker and nothing else', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    const shown = showControls(`Person${controls}txt.exe`);
    assert.equal(shown, 'Person⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩txt.exe');
    assert.equal(restoreControls(shown), `Person${controls}txt.exe`);
    // Arabic and Hebrew text, and the zero-width joiner, are letters, not controls.
    assert.equal(showControls('שלום مرحبا a\u200Db'), 'שלום مرحبا a\u200Db');
    assert.equal(oneLine('x\u202E\ny'), 'x⟨U+202E⟩ y');
  });
});
