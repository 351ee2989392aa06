// Tests of the annotation model: readable ids for actors and claims, fresh anchors and their derived state.

import assert from 'node:assert/strict';
import { anchorAt, anchorState, CONTEXT_LENGTH, nextClaimId, slugId, type Anchor, type Claim } from '../../../src/core/model';

function claimsWithIds(...ids: string[]): Claim[] {
  return ids.map((id) => ({ id, anchor: { start: 0, end: 0, quote: '', prefix: '', suffix: '' }, status: 'unchecked', sources: [] }));
}

describe('model', () => {
  describe('slugId', () => {
    const none = new Set<string>();

    it('turns a name into a lower-case, hyphenated id', () => {
      assert.equal(slugId('Nikol Pashinyan', none), 'nikol-pashinyan');
      assert.equal(slugId('Collective Security Treaty Organization (CSTO)', none), 'collective-security-treaty-organization-csto');
      assert.equal(slugId('  Ministry of Water,  Brenn  ', none), 'ministry-of-water-brenn');
    });

    it('drops accents so ids are easy to type', () => {
      assert.equal(slugId('Zoë Aldám', none), 'zoe-aldam');
      assert.equal(slugId('Tomáš Řehoř', none), 'tomas-rehor');
      // Decomposed input (e + U+0301), as some macOS files have it, gives the same id.
      assert.equal(slugId('Rene\u0301e Dvor\u030Ca\u0301k', none), 'renee-dvorak');
    });

    it('keeps letters that have no unaccented form rather than dropping them', () => {
      assert.equal(slugId('Łukasz Żółć', none), 'łukasz-zołc');
      assert.equal(slugId('Кыргызстан', none), 'кыргызстан');
    });

    it('adds a numeric suffix when the id is taken, counting up from 2', () => {
      assert.equal(slugId('Armenia', new Set(['armenia'])), 'armenia-2');
      assert.equal(slugId('Armenia', new Set(['armenia', 'armenia-2', 'armenia-3'])), 'armenia-4');
      // A free gap is used: the suffix only has to make this id unique.
      assert.equal(slugId('Armenia', new Set(['armenia', 'armenia-3'])), 'armenia-2');
    });

    it('falls back to "actor", or the given word, when the name has no letters or digits', () => {
      assert.equal(slugId('', none), 'actor');
      assert.equal(slugId('!!! — ???', none), 'actor');
      assert.equal(slugId('🇦🇲', none), 'actor');
      assert.equal(slugId('', none, 'claim'), 'claim');
      assert.equal(slugId('', new Set(['actor'])), 'actor-2');
    });

    it('caps long names at 48 characters without leaving a trailing hyphen', () => {
      const id = slugId('The Extraordinary and Plenipotentiary Ambassador of the Republic of Armenia', none);
      assert.ok(id.length <= 48, id);
      assert.ok(!id.endsWith('-'), id);
      assert.ok('the-extraordinary-and-plenipotentiary-ambassador-of-the-republic-of-armenia'.startsWith(id));
    });

    it('gives ids that the sidecar schema accepts', () => {
      const schemaId = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
      for (const name of ['Nikol Pashinyan', 'Zoë Aldám', '-leading hyphen', '2,500 troops', 'Кыргызстан', '']) {
        assert.match(slugId(name, none), schemaId);
      }
    });
  });

  describe('nextClaimId', () => {
    it('starts at c1', () => {
      assert.equal(nextClaimId([]), 'c1');
    });

    it('goes one past the highest number, comparing numbers not strings', () => {
      assert.equal(nextClaimId(claimsWithIds('c1', 'c2')), 'c3');
      assert.equal(nextClaimId(claimsWithIds('c9', 'c10', 'c2')), 'c11');
    });

    it('does not hand out the id of a removed claim while a higher one remains', () => {
      // c2 and c3 were removed; notes and exports elsewhere may still mention them.
      assert.equal(nextClaimId(claimsWithIds('c1', 'c4')), 'c5');
    });

    it('ignores ids that are not of the form c<number>', () => {
      assert.equal(nextClaimId(claimsWithIds('minister-31-percent', 'c2', 'c3a', 'C7', 'c')), 'c3');
    });
  });

  describe('anchorAt', () => {
    it('takes the quote and 32 code points of context on each side', () => {
      const text = 'In a significant geopolitical development, Kyrgyzstan is presently serving as the venue for a major military exercise.';
      const start = text.indexOf('Kyrgyzstan');
      const anchor = anchorAt(text, start, start + 'Kyrgyzstan'.length);
      assert.equal(CONTEXT_LENGTH, 32);
      assert.deepEqual(anchor, {
        start,
        end: start + 10,
        quote: 'Kyrgyzstan',
        prefix: 'icant geopolitical development, ',
        suffix: ' is presently serving as the ven',
      });
      assert.equal(anchor.prefix.length, 32);
      assert.equal(anchor.suffix.length, 32);
    });

    it('counts context in code points, so emoji context is longer in UTF-16 but never split', () => {
      const text = `${'🇦🇲'.repeat(20)}Armenia${'👩‍👩‍👧'.repeat(10)}`;
      const start = text.indexOf('Armenia');
      const anchor = anchorAt(text, start, start + 7);
      assert.equal([...anchor.prefix].length, 32);
      assert.equal(anchor.prefix.length, 64);
      assert.equal(anchor.prefix, '🇦🇲'.repeat(16));
      assert.equal([...anchor.suffix].length, 32);
      assert.ok(text.slice(start + 7).startsWith(anchor.suffix));
      assert.doesNotMatch(anchor.suffix, /[\uD800-\uDBFF]$/);
    });

    it('counts a decomposed accent as two code points of context', () => {
      const text = `${'e\u0301'.repeat(20)}X`;
      const anchor = anchorAt(text, 40, 41);
      assert.equal(anchor.prefix, 'e\u0301'.repeat(16));
    });

    it('keeps CRLF in the context as it is in the file', () => {
      const text = 'First paragraph.\r\nSecond paragraph by Zoë Aldám.\r\n';
      const start = text.indexOf('Second');
      const anchor = anchorAt(text, start, start + 6);
      assert.equal(anchor.prefix, 'First paragraph.\r\n');
      assert.equal(anchor.suffix, ' paragraph by Zoë Aldám.\r\n');
    });

    it('takes what context there is at the start and end of the text', () => {
      const text = 'Armenia declined.';
      assert.deepEqual(anchorAt(text, 0, 7), { start: 0, end: 7, quote: 'Armenia', prefix: '', suffix: ' declined.' });
      assert.deepEqual(anchorAt(text, 8, 17), { start: 8, end: 17, quote: 'declined.', prefix: 'Armenia ', suffix: '' });
    });
  });

  describe('anchorState', () => {
    const text = 'The minister said 31% of capacity.';
    const fresh = (): Anchor => anchorAt(text, 18, 21);

    it('is attached while the span holds exactly the quote', () => {
      assert.equal(anchorState(fresh(), text), 'attached');
    });

    it('is changed when the wording inside the span was edited', () => {
      assert.equal(anchorState(fresh(), text.replace('31%', '24%')), 'changed');
    });

    it('is changed when the span was moved onto other text', () => {
      assert.equal(anchorState({ ...fresh(), start: 4, end: 7 }, text), 'changed');
    });

    it('is orphaned when the anchor is flagged so, whatever the text holds', () => {
      assert.equal(anchorState({ ...fresh(), orphaned: true }, text), 'orphaned');
    });

    it('compares code units exactly, so a precomposed and a decomposed accent differ', () => {
      const nfc = 'Zoë Aldám';
      const anchor = anchorAt(nfc, 0, nfc.length);
      assert.equal(anchorState(anchor, nfc), 'attached');
      assert.equal(anchorState({ ...anchor, end: nfc.normalize('NFD').length }, nfc.normalize('NFD')), 'changed');
    });
  });
});
