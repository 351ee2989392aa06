// Tests of re-attaching anchors after the article changed outside the editor, with the regression baselines in test/fixtures/anchoring.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reattach, reattachAll, reattachAnnotations, type Reattachment } from '../../../src/core/anchoring';
import { anchorAt, anchorState, type Anchor } from '../../../src/core/model';
import { sha256 } from '../../../src/core/hash';
import { CodePointIndex } from '../../../src/core/offsets';
import { decodeSidecar } from '../../../src/core/sidecar';

const FIXTURES = join(__dirname, '../../../../test/fixtures/anchoring');
/** A real news article (RFE/RL-style report on a CSTO exercise), LF line endings, curly apostrophes. */
const CSTO = readFileSync(join(FIXTURES, 'csto-exercise.txt'), 'utf8');

/** An anchor on the k-th occurrence of `quote` in `text`. */
function mark(text: string, quote: string, k = 0): Anchor {
  let at = -1;
  for (let i = 0; i <= k; i++) {
    at = text.indexOf(quote, at + 1);
    assert.ok(at >= 0, `no occurrence ${k} of ${JSON.stringify(quote)}`);
  }
  return anchorAt(text, at, at + quote.length);
}

/** The text a result is attached to, or undefined for an orphan. */
function placed(text: string, r: Reattachment): string | undefined {
  return r.anchor.orphaned ? undefined : text.slice(r.anchor.start, r.anchor.end);
}

describe('anchoring', () => {
  describe('the steps, in order', () => {
    it('1. keeps an anchor whose quote is still at its offset (position)', () => {
      const a = mark(CSTO, 'Nikol Pashinyan');
      const r = reattach(CSTO, a);
      assert.equal(r.method, 'position');
      assert.deepEqual([r.anchor.start, r.anchor.end], [a.start, a.end]);
      assert.equal(r.score, 1);
    });

    it('2. finds the quote where the text moved (exact), the occurrence its context names', () => {
      const after = 'UPDATE: corrected the date.\n' + CSTO;
      const a = mark(CSTO, 'CSTO', 6);
      const r = reattach(after, a);
      assert.equal(r.method, 'exact');
      assert.equal(r.anchor.start, a.start + 28);
      assert.equal(placed(after, r), 'CSTO');
    });

    it('3. finds reworded text by fuzzy matching, and it reads as changed', () => {
      const claim = 'Approximately 2,500 personnel and various military equipment are involved in the exercises';
      const a = mark(CSTO, claim);
      const after = CSTO.replace('Approximately 2,500 personnel and various', 'About 3,000 personnel and heavy');
      const r = reattach(after, a);
      assert.equal(r.method, 'fuzzy');
      assert.equal(placed(after, r), 'About 3,000 personnel and heavy military equipment are involved in the exercises');
      assert.equal(anchorState(r.anchor, after), 'changed');
      assert.equal(r.anchor.quote, claim, 'the quote keeps the wording the annotation was made on');
    });

    it('orphans an anchor whose text is gone, keeping quote, context and old place', () => {
      const a = mark(CSTO, 'hegemony');
      const after = CSTO.replace('views this shift as a challenge to its hegemony in the region', 'sees it differently');
      const r = reattach(after, a);
      assert.equal(r.method, 'orphaned');
      assert.equal(r.reason, 'not-found');
      assert.equal(r.anchor.orphaned, true);
      assert.deepEqual([r.anchor.quote, r.anchor.prefix, r.anchor.suffix], [a.quote, a.prefix, a.suffix]);
      assert.deepEqual([r.anchor.start, r.anchor.end], [a.start, a.end]);
      assert.equal(r.score, undefined);
    });

    it('clamps an orphan’s old place into a shorter text', () => {
      const a = mark(CSTO, 'chessboard');
      const r = reattach('A short, different text.', a);
      assert.equal(r.anchor.orphaned, true);
      assert.deepEqual([r.anchor.start, r.anchor.end], [24, 24]);
    });

    it('tries an orphan again: text restored since is found', () => {
      const a: Anchor = { ...mark(CSTO, 'Nikol Pashinyan'), orphaned: true };
      a.start = a.end = 10;
      const r = reattach(CSTO, a);
      assert.equal(r.method, 'exact');
      assert.equal(r.anchor.orphaned, undefined);
      assert.equal(placed(CSTO, r), 'Nikol Pashinyan');
    });

    it('returns new anchors and leaves the ones passed in untouched', () => {
      const a = mark(CSTO, 'Tajikistan');
      const copy = { ...a };
      const r = reattach('Intro.\n' + CSTO, a);
      assert.notEqual(r.anchor, a);
      assert.deepEqual(a, copy);
    });
  });

  describe('reattachAnnotations', () => {
    it('updates the anchors of actors and claims in place, and an orphan found again is no longer flagged', () => {
      const before = 'The CSTO met in Bishkek. Officials praised the drills.';
      const mention = anchorAt(before, 16, 23);
      mention.orphaned = true;
      const claim = anchorAt(before, 25, before.length);
      const annotations = {
        article: { file: 'a.txt' },
        actors: [{ id: 'bishkek', name: 'Bishkek', type: 'location', mentions: [mention] }],
        claims: [{ id: 'c1', anchor: claim, status: 'unchecked' as const, sources: [] }],
      };
      const after = 'BREAKING. ' + before;
      const results = reattachAnnotations(after, annotations);
      assert.equal(results.length, 2);
      assert.equal(annotations.actors[0].mentions[0], mention, 'the same object, moved');
      assert.equal(mention.orphaned, undefined);
      assert.equal(after.slice(mention.start, mention.end), 'Bishkek');
      assert.equal(after.slice(claim.start, claim.end), 'Officials praised the drills.');
    });
  });

  describe('anchors stored without context', () => {
    // `prefix` and `suffix` are optional in the sidecar: a hand-written or imported sidecar may
    // give only offsets and quotes.
    const bare = (text: string, quote: string, k = 0): Anchor => ({ ...mark(text, quote, k), prefix: '', suffix: '' });
    /** The article with its last sentence reworded: its sha256 differs, nothing before it moved. */
    const edited = CSTO.replace('shape the geopolitical chessboard in the region', 'shape the balance of power in the region');

    it('keeps one whose quote is still exactly at its offsets (position)', () => {
      for (const quote of ['CSTO', 'Nikol Pashinyan', 'Kyrgyzstan is presently serving as the venue']) {
        const a = bare(CSTO, quote, quote === 'CSTO' ? 2 : 0);
        const r = reattach(edited, a);
        assert.equal(r.method, 'position', quote);
        assert.deepEqual([r.anchor.start, r.anchor.end], [a.start, a.end], quote);
      }
    });

    it('re-attaches every one of a sidecar that has none, when the article changed after them', () => {
      const index = new CodePointIndex(CSTO);
      const mention = (quote: string, k: number) => {
        const a = mark(CSTO, quote, k);
        return `      - { start: ${index.toCodePoint(a.start)}, end: ${index.toCodePoint(a.end)}, quote: "${quote}" }`;
      };
      const claim = mark(CSTO, 'Kyrgyzstan is presently serving as the venue for a major military exercise');
      const sidecar = [
        'newsmark: 1',
        'article:',
        '  file: csto-exercise.txt',
        `  sha256: ${sha256(CSTO)}`,
        'actors:',
        '  - id: csto',
        '    name: CSTO',
        '    type: organisation',
        '    mentions:',
        ...[0, 1, 2, 3].map((k) => mention('CSTO', k)),
        '  - id: armenia',
        '    name: Armenia',
        '    type: country',
        '    mentions:',
        ...[0, 1, 2].map((k) => mention('Armenia', k)),
        'claims:',
        '  - id: c1',
        `    anchor: { start: ${index.toCodePoint(claim.start)}, end: ${index.toCodePoint(claim.end)}, quote: "${claim.quote}" }`,
        '    status: unchecked',
        '',
      ].join('\n');
      const decoded = decodeSidecar(sidecar, edited);
      assert.deepEqual(decoded.problems, []);
      assert.equal(decoded.stale, true);
      const before = JSON.stringify(decoded.annotations);
      const results = reattachAnnotations(edited, decoded.annotations!);
      assert.equal(results.length, 8);
      for (const r of results) {
        assert.equal(r.method, 'position', `${r.anchor.quote} at ${r.anchor.start}`);
      }
      assert.equal(JSON.stringify(decoded.annotations), before, 'every anchor where it was');
    });

    it('orphans a name whose quote is no longer at its offsets: a copy elsewhere is no evidence without context', () => {
      const a = bare(CSTO, 'CSTO', 2);
      const after = 'UPDATE: this report was corrected on Friday.\n' + CSTO;
      assert.equal(reattach(after, a).method, 'orphaned');
      assert.equal(reattachAll(after, [a, bare(CSTO, 'Armenia', 1)])[0].method, 'orphaned');
    });

    it('does not take its old offsets when the anchors around it show the text there moved', () => {
      // A note put in at the top moves everything by the distance between two occurrences of
      // "CSTO": the old offsets of the fourth now hold the third.
      const shift = CSTO.indexOf('CSTO', 900) - CSTO.indexOf('CSTO', 800);
      const after = 'Editor’s note: this report was updated on Friday to correct the dates of the drills.'.padEnd(shift - 1, ' ') + '\n' + CSTO;
      const a = bare(CSTO, 'CSTO', 4);
      assert.equal(after.slice(a.start, a.end), 'CSTO');
      const neighbours = [mark(CSTO, 'Armenia', 5), mark(CSTO, 'CSTO', 5), mark(CSTO, 'Armenia', 6)];
      const results = reattachAll(after, [...neighbours, a]);
      assert.deepEqual(
        results.slice(0, 3).map((r) => r.anchor.start),
        neighbours.map((n) => n.start + shift),
        'the neighbours moved with the text',
      );
      assert.equal(results[3].method, 'orphaned', 'not left on the other occurrence');
    });

    it('orphans one whose offsets now hold other text', () => {
      const a = bare(CSTO, 'Kazakhstan');
      const after = CSTO.replace('Kazakhstan', 'Uzbekistan');
      assert.equal(reattach(after, a).method, 'orphaned');
    });
  });

  describe('claims that are whole paragraphs', () => {
    const before = ['Kyrgyzstan hosts the exercise.', 'Approximately 2,500 personnel are involved in the exercises.', 'Russia leads the alliance; Armenia has drifted away.', ''].join('\n');
    const quote = 'Approximately 2,500 personnel are involved in the exercises.';
    const claim = () => anchorAt(before, before.indexOf(quote), before.indexOf(quote) + quote.length);

    it('finds a reworded paragraph by the context across its line breaks, after text was put in before it', () => {
      const after = ['UPDATED 14:00.', 'Kyrgyzstan hosts the exercise.', 'Approximately 2,600 personnel are involved in the exercises.', 'Armenia has drifted away, while Russia leads the alliance.', ''].join('\n');
      const result = reattach(after, claim());
      assert.equal(result.method, 'fuzzy');
      assert.equal(after.slice(result.anchor.start, result.anchor.end), 'Approximately 2,600 personnel are involved in the exercises.');
      assert.equal(anchorState(result.anchor, after), 'changed');
    });

    it('finds it after the paragraphs around it were reordered', () => {
      const after = ['UPDATED: Russia leads the alliance; Armenia has drifted away.', 'Kyrgyzstan hosts the exercise.', 'Approximately 2,600 personnel are involved in the exercises.', ''].join('\n');
      const result = reattach(after, claim());
      assert.equal(after.slice(result.anchor.start, result.anchor.end), 'Approximately 2,600 personnel are involved in the exercises.');
    });

    it('still orphans a reworded paragraph whose surroundings are gone too', () => {
      const after = ['Kazakhstan sent observers.', 'Roughly 3,100 troops and police took part in the exercises this year.', 'Belarus stayed home.', ''].join('\n');
      assert.equal(reattach(after, claim()).method, 'orphaned');
    });
  });

  describe('never the wrong occurrence', () => {
    it('tells occurrences of a name apart by the context on either side', () => {
      // "Armenia" occurs many times; each anchor finds its own after the text moved.
      const after = 'Editor’s note: updated.\n' + CSTO;
      const count = CSTO.split('Armenia').length - 1;
      const anchors = Array.from({ length: count }, (_, k) => mark(CSTO, 'Armenia', k));
      const results = reattachAll(after, anchors);
      results.forEach((r, k) => {
        assert.equal(r.anchor.start, anchors[k].start + 24, `occurrence ${k}`);
      });
    });

    it('orphans a name whose sentence was rewritten rather than take another occurrence of it', () => {
      const a = mark(CSTO, 'Russia', 5);
      const after = CSTO.replace('Armenia’s stance has caused concern among its CSTO counterparts, particularly Russia.', 'Armenia’s stance worries its allies.');
      const r = reattach(after, a);
      assert.equal(r.method, 'orphaned');
      assert.ok(after.includes('Russia'));
    });

    it('orphans rather than guesses when two places are equally good and equally far', () => {
      // The paragraph with the anchor is gone from its place and appears twice elsewhere, the
      // old place halfway between: nothing says which copy is the one annotated.
      const paragraph = 'Pashinyan’s government has sought to diversify Armenia’s security partnerships.';
      const filler = 'Filler sentence about the weather in Bishkek, which was mild. '.repeat(6);
      const before = filler + paragraph + '\n' + filler;
      const a = mark(before, 'diversify');
      const after = paragraph + '\n' + filler + filler + paragraph + '\n';
      const r = reattach(after, a);
      assert.equal(r.method, 'orphaned');
      assert.equal(r.reason, 'ambiguous');
    });

    it('never fuzzy-matches a short quote: "EU" is found exactly or not at all', () => {
      const text = 'Officials in the EU said the drills were routine. Others disagreed.';
      const a = mark(text, 'EU');
      const after = 'Officials in the E.U. said the drills were routine. Others disagreed.';
      const r = reattach(after, a);
      assert.equal(r.method, 'orphaned');
    });

    it('puts every anchor on its own text or orphans it when all paragraphs are reordered', () => {
      const paragraphs = CSTO.split('\n');
      const order = paragraphs.map((_, i) => i).reverse();
      const after = order.map((i) => paragraphs[i]).join('\n');
      const starts = paragraphs.map((_, i) => paragraphs.slice(0, i).reduce((n, p) => n + p.length + 1, 0));
      const newStarts = order.map((_, k) => order.slice(0, k).reduce((n, i) => n + paragraphs[i].length + 1, 0));
      const anchors = ['Armenia', 'CSTO', 'Russia', 'Kyrgyzstan', 'region'].flatMap((q) =>
        Array.from({ length: CSTO.split(q).length - 1 }, (_, k) => mark(CSTO, q, k)),
      );
      const paragraphOf = (list: number[], offset: number) => list.filter((s) => s <= offset).length - 1;
      let found = 0;
      reattachAll(after, anchors).forEach((r, i) => {
        if (r.anchor.orphaned) {
          return;
        }
        found++;
        const p = paragraphOf(starts, anchors[i].start);
        const k = order.indexOf(p);
        assert.equal(r.anchor.start - newStarts[k], anchors[i].start - starts[p], `${anchors[i].quote} in paragraph ${p}`);
      });
      assert.ok(found > anchors.length / 2, `${found} of ${anchors.length} found`);
    });

    it('orphans every anchor when the sidecar meets a different article on the same subject', () => {
      const anchors = ['Armenia', 'CSTO', 'Russia', 'Kyrgyzstan'].flatMap((q) => Array.from({ length: 3 }, (_, k) => mark(CSTO, q, k)));
      const other =
        'Kazakhstan hosted a CSTO summit in Astana on Friday. Russia and Armenia sent deputy ministers, ' +
        'while Kyrgyzstan’s president attended in person. Officials said the CSTO would meet again in Minsk.\n';
      for (const r of reattachAll(other.repeat(3), anchors)) {
        assert.equal(r.method, 'orphaned');
      }
    });

    it('does not take a bare short word with no context around it', () => {
      const text = 'The CSTO met. It was a tense meeting of the alliance.';
      const a = mark(text, 'It');
      const r = reattach('Nothing like it. It rained.', a);
      assert.equal(r.method, 'orphaned');
    });
  });

  describe('scores, ordered like Hypothesis’s', () => {
    it('gives 1 to the quote with its whole context', () => {
      const a = mark(CSTO, 'Kyrgyzstan’s decision');
      assert.equal(reattach('x' + CSTO, a).score, 1);
    });

    it('scores lower the nearer to the quote its context was edited', () => {
      const quote = 'Kyrgyzstan’s decision to host the CSTO exercise';
      const a = mark(CSTO, quote);
      const edits = [20, 12, 4].map((distance) => {
        const at = CSTO.indexOf(quote) - distance;
        return CSTO.slice(0, at) + '#' + CSTO.slice(at + 1);
      });
      const scores = edits.map((text) => reattach(text, a).score ?? 0);
      for (let i = 1; i < scores.length; i++) {
        assert.ok(scores[i] < scores[i - 1], `${scores}`);
      }
    });

    it('scores an exact match above an approximate one, and fewer edits above more', () => {
      const quote = 'the delicate balancing acts pursued by countries in Central Asia';
      const a = mark(CSTO, quote);
      const variants = [
        CSTO,
        CSTO.replace('delicate balancing', 'delicate balanzing'),
        CSTO.replace('delicate balancing acts', 'delicate balanzing akts'),
        CSTO.replace('delicate balancing acts pursued', 'delikate balanzing akts pursuid'),
      ];
      const scores = variants.map((text) => reattach(text, a).score ?? 0);
      for (let i = 1; i < scores.length; i++) {
        assert.ok(scores[i] < scores[i - 1], `${scores}`);
      }
      assert.equal(reattach(variants[3], a).method, 'fuzzy');
    });
  });

  describe('reattachAll', () => {
    it('returns one result per anchor, in the order given, none dropped', () => {
      const anchors = [mark(CSTO, 'Moscow'), mark(CSTO, 'Armenia', 2), mark(CSTO, 'Moscow')];
      const results = reattachAll(CSTO.replace('Moscow, which', 'The Kremlin, which'), anchors);
      assert.equal(results.length, 3);
      assert.equal(results[0].method, 'orphaned');
      assert.equal(results[1].anchor.quote, 'Armenia');
      assert.equal(results[2].method, 'orphaned', 'the same anchor twice is two results');
    });

    it('handles no anchors, an empty text and an empty quote', () => {
      assert.deepEqual(reattachAll(CSTO, []), []);
      const a = mark(CSTO, 'Tajikistan');
      assert.equal(reattachAll('', [a])[0].method, 'orphaned');
      // An empty anchor (a point) is found by the context on both sides of it.
      const point = anchorAt(CSTO, CSTO.indexOf(' Tajikistan'), CSTO.indexOf(' Tajikistan'));
      const r = reattach('Intro.\n' + CSTO, point);
      assert.equal(r.method, 'exact');
      assert.equal(r.anchor.start, point.start + 7);
      assert.equal(r.anchor.end, r.anchor.start);
    });

    it('follows a moved paragraph when its anchors move together', () => {
      const paragraphs = CSTO.split('\n');
      const moved = paragraphs.findIndex((p) => p.startsWith('Kyrgyzstan’s decision'));
      const [p] = paragraphs.splice(moved, 1);
      paragraphs.splice(3, 0, p);
      const after = paragraphs.join('\n');
      const anchors = ['ties to the alliance', 'commitment to collective security', 'Nikol Pashinyan', 'chessboard'].map((q) => mark(CSTO, q));
      for (const r of reattachAll(after, anchors)) {
        assert.equal(placed(after, r), r.anchor.quote);
      }
    });
  });

  describe('Unicode and line endings', () => {
    it('finds anchors after emoji, flags and ZWJ sequences added before them', () => {
      const text = 'Yerevan reacted quickly. Armenia left the CSTO talks early.';
      const anchors = [mark(text, 'Armenia'), mark(text, 'CSTO talks')];
      const after = '🇦🇲👩‍👩‍👧 👍 ' + text;
      // The sidecar stored code points; converted with the new text's index the hints are off.
      const before = new CodePointIndex(text);
      const now = new CodePointIndex(after);
      const hinted = anchors.map((a) => ({ ...a, start: now.toUtf16(before.toCodePoint(a.start)!)!, end: now.toUtf16(before.toCodePoint(a.end)!)! }));
      for (const r of reattachAll(after, hinted)) {
        assert.equal(placed(after, r), r.anchor.quote);
      }
    });

    it('keeps a quote made of a flag and a family whole', () => {
      const text = 'Supporters posted 🇦🇲 and 👩‍👩‍👧 under the minister’s statement on Sunday.';
      const a = mark(text, '🇦🇲 and 👩‍👩‍👧');
      const r = reattach('Earlier: ' + text, a);
      assert.equal(placed('Earlier: ' + text, r), '🇦🇲 and 👩‍👩‍👧');
    });

    it('never starts or ends a fuzzy match inside a flag, a ZWJ family or a surrogate pair', () => {
      const text = 'Before the vote, supporters posted 🇦🇲🇦🇲 and 👩‍👩‍👧 under the statement of the minister.';
      const a = mark(text, 'posted 🇦🇲🇦🇲 and 👩‍👩‍👧 under the statement');
      const after = text.replace('posted 🇦🇲🇦🇲 and', 'posted 🇦🇲 and').replace('the statement', 'his statement');
      const r = reattach(after, a);
      assert.equal(r.method, 'fuzzy');
      const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(after)].map((s) => s.index);
      assert.ok(graphemes.includes(r.anchor.start) && (graphemes.includes(r.anchor.end) || r.anchor.end === after.length), `${r.anchor.start}-${r.anchor.end}`);
    });

    it('finds an NFC anchor in an article re-saved as NFD, and the other way round', () => {
      const nfc = 'The talks in Yerevan included Ilham Əliyev’s envoy, Erdoğan’s adviser and Tomáš Řehoř of the OSCE.';
      const nfd = nfc.normalize('NFD');
      assert.notEqual(nfc, nfd);
      for (const [from, to] of [
        [nfc, nfd],
        [nfd, nfc],
      ]) {
        const a = mark(from, 'Tomáš Řehoř'.normalize(from === nfc ? 'NFC' : 'NFD'));
        const r = reattach(to, a);
        assert.equal(r.method, 'exact');
        assert.equal(placed(to, r)?.normalize('NFC'), 'Tomáš Řehoř');
        // The code points differ, so the anchor reads as changed until its wording is accepted.
        assert.equal(anchorState(r.anchor, to), 'changed');
      }
    });

    it('finds anchors in an article whose line endings became CRLF, or were mixed', () => {
      const lf = CSTO;
      const crlf = lf.replace(/\n/g, '\r\n');
      let n = 0;
      const mixed = lf.replace(/\n/g, () => (n++ % 2 ? '\r\n' : '\n'));
      const anchors = [mark(lf, 'Nikol Pashinyan'), mark(lf, 'The CSTO, a defense alliance'), mark(lf, 'chessboard')];
      for (const after of [crlf, mixed]) {
        for (const r of reattachAll(after, anchors)) {
          assert.equal(placed(after, r), r.anchor.quote);
        }
      }
      // And back: an anchor made on CRLF text, found after conversion to LF.
      const b = mark(crlf, 'all eyes are now on');
      assert.equal(placed(lf, reattach(lf, b)), 'all eyes are now on');
    });

    it('finds a quote spanning a line break after the break became CRLF', () => {
      const a = mark(CSTO, 'Central Asia.\nThe CSTO, a defense');
      const after = CSTO.replace(/\n/g, '\r\n');
      const r = reattach(after, a);
      assert.equal(placed(after, r), 'Central Asia.\r\nThe CSTO, a defense');
    });

    it('finds anchors after a byte-order mark is added or removed', () => {
      const a = mark(CSTO, 'Tajikistan');
      const withBom = '\uFEFF' + CSTO;
      const r = reattach(withBom, a);
      assert.equal(r.anchor.start, a.start + 1);
      const b = mark(withBom, 'Belarus');
      assert.equal(reattach(CSTO, b).anchor.start, b.start - 1);
      // An anchor at the very start keeps its edge: the BOM is not context.
      const first = mark(CSTO, 'Armenia’s Absence');
      const top = reattach(withBom, first);
      assert.equal(placed(withBom, top), 'Armenia’s Absence');
      assert.equal(top.score, 1);
    });

    it('finds anchors after tabs became spaces, a quote with a tab in it by fuzzy matching', () => {
      const text =
        'Troops taking part:\tKyrgyzstan 1,200 as the host nation,\tKazakhstan 600 for air defence,\tRussia 500 in command. Source: the CSTO press office, on Monday.\n';
      const source = mark(text, 'CSTO press office');
      const row = mark(text, 'defence,\tRussia 500 in command');
      const spaced = text.replace(/\t/g, '    ');
      const [s, r] = reattachAll(spaced, [source, row]);
      assert.equal(placed(spaced, s), 'CSTO press office');
      assert.equal(r.method, 'fuzzy');
      assert.equal(placed(spaced, r), 'defence,    Russia 500 in command');
    });
  });

  describe('regression baselines', () => {
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
      const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Fixture;
      it(`${file.replace('.json', '')}: ${fixture.description}`, () => {
        // The sidecar stores code points; the codec converts them with the new text's index.
        const old = new CodePointIndex(fixture.before);
        const now = new CodePointIndex(fixture.after);
        const anchors = fixture.anchors.map((a) => {
          assert.equal(fixture.before.slice(old.toUtf16(a.start), old.toUtf16(a.end)), a.quote, 'fixture anchors match the text before');
          return { ...a, start: now.toUtf16(Math.min(a.start, now.codePointLength))!, end: now.toUtf16(Math.min(a.end, now.codePointLength))! };
        });
        const results = reattachAll(fixture.after, anchors);
        results.forEach((r, i) => {
          const want = fixture.expected[i];
          const label = `anchor ${i} (${JSON.stringify(fixture.anchors[i].quote.slice(0, 40))})`;
          if (want.orphaned) {
            assert.equal(r.anchor.orphaned, true, `${label} should be orphaned, was placed on ${JSON.stringify(placed(fixture.after, r))}`);
            return;
          }
          assert.deepEqual([now.toCodePoint(r.anchor.start), now.toCodePoint(r.anchor.end)], [want.start, want.end], label);
          assert.equal(anchorState(r.anchor, fixture.after), want.state, label);
        });
      });
    }
  });
});

interface Fixture {
  description: string;
  before: string;
  after: string;
  /** As the sidecar stores them: code-point offsets into `before`. */
  anchors: Anchor[];
  /** Code-point offsets into `after`, or orphaned. */
  expected: { orphaned?: true; text?: string; start?: number; end?: number; state?: string }[];
}
