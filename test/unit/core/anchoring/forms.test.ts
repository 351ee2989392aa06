// Tests of the ways an anchor's quote and context may be written now, and of the needles that look for it.

import assert from 'node:assert/strict';
import { formOf, needlesOf, variantsOf } from '../../../../src/core/anchoring/forms';
import { INDEXED_NEEDLE } from '../../../../src/core/anchoring/ngram';
import { CONTEXT_LENGTH, type Anchor } from '../../../../src/core/model';

const anchor = (quote: string, prefix = '', suffix = ''): Anchor => ({ start: 0, end: quote.length, quote, prefix, suffix });

describe('anchoring/forms', () => {
  describe('formOf', () => {
    it('takes context shorter than CONTEXT_LENGTH code points as stopped by the article’s edge, and credits what is missing', () => {
      const short = 'x'.repeat(CONTEXT_LENGTH - 1);
      const whole = 'x'.repeat(CONTEXT_LENGTH);
      assert.deepEqual(
        [formOf('q', short, whole).prefixAtEdge, formOf('q', short, whole).suffixAtEdge, formOf('q', short, whole).edgeCreditBefore, formOf('q', short, whole).edgeCreditAfter],
        [true, false, 1, 0],
      );
      assert.deepEqual([formOf('q', whole, '').suffixAtEdge, formOf('q', whole, '').edgeCreditAfter, formOf('q', whole, '').prefixAtEdge], [true, CONTEXT_LENGTH, false]);
    });

    it('counts context in code points: emoji in a full prefix do not make it look cut short', () => {
      const emoji = '😀'.repeat(CONTEXT_LENGTH);
      const f = formOf('q', emoji, emoji.slice(2));
      assert.deepEqual([f.prefixAtEdge, f.edgeCreditBefore, f.suffixAtEdge, f.edgeCreditAfter], [false, 0, true, 1]);
    });
  });

  describe('variantsOf', () => {
    it('gives nothing else for plain text and typographic punctuation', () => {
      assert.deepEqual(variantsOf(anchor('the CSTO’s “drills”', 'Officials said — ', ' ended…')), []);
      assert.deepEqual(variantsOf(anchor('¿Qué? ¡Sí!'.replace(/[éí]/g, 'e'), '¿', '¡')), []);
    });

    it('writes accented text both composed and decomposed, in quote and context', () => {
      const nfc = anchor('Erdoğan', 'talks with ', ' and Tomáš');
      const forms = variantsOf(nfc);
      assert.deepEqual(
        forms.map((f) => [f.quote, f.prefix, f.suffix]),
        [['Erdog\u0306an', 'talks with ', ' and Toma\u0301s\u030c']],
        'the NFC form is the stored one, left out',
      );
      assert.equal(variantsOf(anchor('plain', 'Ren\u00e9e said ', '')).length, 1, 'an accent in the prefix alone is enough');
      assert.equal(variantsOf(anchor('plain', '', ' said Ren\u00e9e')).length, 1, 'and in the suffix alone');
    });

    it('looks at every range that normalization may change, from À to the end of the basic plane', () => {
      for (const ch of ['\u00c0', '\u1e9b\u0323', '\u2126', '\u212b', '\uac00', '\uf900']) {
        assert.ok(variantsOf(anchor(`x${ch}x`)).length > 0, ch.codePointAt(0)!.toString(16));
      }
    });

    it('writes a quote that spans lines with CR LF and with LF', () => {
      const lf = variantsOf(anchor('first\nsecond'));
      assert.deepEqual(
        lf.map((f) => f.quote),
        ['first\r\nsecond'],
      );
      const crlf = variantsOf(anchor('first\r\nsecond\nthird'));
      assert.deepEqual(
        crlf.map((f) => f.quote),
        ['first\r\nsecond\r\nthird', 'first\nsecond\nthird'],
      );
    });
  });

  describe('needlesOf', () => {
    const prefix = 'members of the alliance such as ';
    const suffix = ' and Belarus joined the drills in';

    it('looks for a short quote with a piece of its prefix and, separately, of its suffix', () => {
      const reach = INDEXED_NEEDLE - 'CSTO'.length;
      assert.deepEqual(needlesOf(formOf('CSTO', prefix, suffix)), [
        { text: prefix.slice(-reach) + 'CSTO', shift: reach },
        { text: 'CSTO' + suffix.slice(0, reach), shift: 0 },
      ]);
    });

    it('looks for a quote as long as an indexed needle by itself', () => {
      const quote = 'x'.repeat(INDEXED_NEEDLE);
      assert.deepEqual(needlesOf(formOf(quote, prefix, suffix)), [{ text: quote, shift: 0 }]);
      const shorter = quote.slice(1);
      assert.deepEqual(
        needlesOf(formOf(shorter, prefix, suffix)).map((n) => n.text),
        [prefix.slice(-1) + shorter, shorter + suffix.slice(0, 1)],
      );
    });

    it('makes do with the context there is, at the article’s edges', () => {
      assert.deepEqual(needlesOf(formOf('CSTO', '', suffix)), [
        { text: 'CSTO', shift: 0 },
        { text: 'CSTO' + suffix.slice(0, INDEXED_NEEDLE - 4), shift: 0 },
      ]);
      assert.deepEqual(needlesOf(formOf('', '', suffix)), [{ text: suffix.slice(0, INDEXED_NEEDLE), shift: 0 }]);
      assert.deepEqual(needlesOf(formOf('', prefix.slice(-5), '')), [{ text: prefix.slice(-5), shift: 5 }]);
      assert.deepEqual(needlesOf(formOf('', '', '')), []);
    });
  });
});
