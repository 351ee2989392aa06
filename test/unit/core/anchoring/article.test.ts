// Tests of the search for one anchor in a long article (over 65,536 units, looked up through its index): a paragraph moved far is found, a look-alike built from the article's stock phrases is not.

import assert from 'node:assert/strict';
import { reattach, reattachAll } from '../../../../src/core/anchoring';
import { INDEX_MIN_TEXT } from '../../../../src/core/anchoring/thresholds';
import { anchorAt, type Anchor } from '../../../../src/core/model';
import { CSTO, expectPlaces, linesOf, liveBlog, markAll, offsetOf, rewrite, type Stretch } from './rewrites';

const NAMES = ['CSTO', 'Armenia', 'Kyrgyzstan', 'Russia', 'Nikol Pashinyan', 'Central Asia', 'Tajikistan', 'the West'];
const RESERVATIONS = 'has expressed reservations about the CSTO’s effectiveness';
const CLAIM = 'Approximately 2,500 personnel and various military equipment are involved in the exercises';

// The report in the middle of a day's live blog.
const BLOG = liveBlog(540);
const SPLIT = linesOf(BLOG)[270][0];
const LONG = BLOG.slice(0, SPLIT) + CSTO + BLOG.slice(SPLIT);
const REPORT = linesOf(CSTO).map(([from, to]) => [from + SPLIT, to + SPLIT] as const);
/** The blog's entries marked too, one every forty lines: what was said, after the time and up to the semicolon. */
const ENTRIES = linesOf(LONG)
  .filter(([from], n) => n % 40 === 7 && (from < SPLIT || from >= SPLIT + CSTO.length))
  .map(([from]) => anchorAt(LONG, offsetOf(LONG, '— ', from) + 2, offsetOf(LONG, ';', from)));
const ANCHORS = [...markAll(LONG, [...NAMES, RESERVATIONS, CLAIM]).filter((a) => a.start >= SPLIT && a.end <= SPLIT + CSTO.length), ...ENTRIES];

const inside = (a: Anchor, [from, to]: readonly [number, number]) => a.start >= from && a.end <= to;

/** LONG with lines [from, to) cut out and put back in before the blog line `at`. */
function movedDown([from, to]: readonly [number, number], at: number) {
  const cut = linesOf(LONG)[at][0];
  assert.ok(cut > to);
  return rewrite(LONG, [[0, from], [to, cut], [from, to], [cut, LONG.length]]);
}

describe('anchoring/article', () => {
  it('is long enough to be searched through the index, with anchors in the blog and in the report', () => {
    assert.ok(LONG.length >= INDEX_MIN_TEXT, `${LONG.length}`);
    assert.equal(ENTRIES.length, 14);
    assert.equal(ANCHORS.length - ENTRIES.length, 47);
  });

  it('follows a paragraph moved twenty thousand units down, every anchor to where its words went', () => {
    const moved = movedDown(REPORT[6], 420);
    expectPlaces(moved, ANCHORS, (a) => moved.whereIs(a.start, a.end));
  });

  it('follows two paragraphs moved up from the report to the top of the blog', () => {
    const [from] = REPORT[5];
    const [, to] = REPORT[6];
    const moved = rewrite(LONG, [[from, to], [0, from], [to, LONG.length]]);
    expectPlaces(moved, ANCHORS, (a) => moved.whereIs(a.start, a.end));
  });

  it('finds a claim moved far on its own, as it was, where nothing placed can vouch for it', () => {
    const moved = movedDown(REPORT[6], 500);
    const claim = ANCHORS.find((a) => a.quote === RESERVATIONS)!;
    const r = reattach(moved.text, claim);
    assert.deepEqual([r.method, r.anchor.start, r.anchor.end], ['exact', moved.whereIs(claim.start, claim.end), moved.whereIs(claim.start, claim.end)! + claim.quote.length]);
  });

  it('orphans a claim moved far with the words before it reworded, when nothing placed moved with it', () => {
    const [from, to] = REPORT[6];
    const words = offsetOf(LONG, ', Nikol Pashinyan, ', from);
    const cut = linesOf(LONG)[420][0];
    const moved = rewrite(LONG, [[0, from], [to, cut], [from, words], ' ', [words + ', Nikol Pashinyan, '.length, to], [cut, LONG.length]]);
    const alone = ANCHORS.filter((a) => !inside(a, REPORT[6]) || a.quote === RESERVATIONS);
    expectPlaces(moved, alone, (a) => (a.quote === RESERVATIONS ? undefined : moved.whereIs(a.start, a.end)));
  });

  it('follows a claim retyped in a paragraph moved far, as changed text where its neighbours went', () => {
    const [from, to] = REPORT[5];
    const at = offsetOf(LONG, CLAIM, from);
    const retyped = 'Roughly 3,000 personnel and various military equipment are involved in the exercises';
    const cut = linesOf(LONG)[460][0];
    const moved = rewrite(LONG, [[0, from], [to, cut], [from, at], retyped, [at + CLAIM.length, to], [cut, LONG.length]]);
    const now = cut - (to - from) + (at - from);
    const results = expectPlaces(moved, ANCHORS, (a) => (a.quote === CLAIM ? [now, now + retyped.length] : moved.whereIs(a.start, a.end)));
    assert.equal(results[ANCHORS.findIndex((a) => a.quote === CLAIM)].method, 'fuzzy');
  });

  it('orphans an entry deleted from its place rather than take its recap, when the article repeats part of its words elsewhere too', () => {
    // The entry's whole line is recapped at the end, and its second half quoted in a correction at
    // the top: text that agrees at the recap occurs in part elsewhere, so it is no proof.
    const entry = ENTRIES[3];
    const [from, to] = linesOf(LONG).find(([f, t]) => f < entry.start && entry.end < t)!;
    const correction = `Correction: ${LONG.slice(entry.end - 30, to)}`;
    const moved = rewrite(LONG, [correction, [0, from], [to, LONG.length], 'Recap of the morning:\n', [from, to]]);
    expectPlaces(moved, ANCHORS, (a) => (a === entry ? undefined : moved.whereIs(a.start, a.end)));
  });

  it('follows an entry moved to the end on its own, every stretch of its words found once', () => {
    const entry = ENTRIES[3];
    const [from, to] = linesOf(LONG).find(([f, t]) => f < entry.start && entry.end < t)!;
    const moved = rewrite(LONG, [[0, from], [to, LONG.length], 'Recap of the morning:\n', [from, to]]);
    expectPlaces(moved, ANCHORS, (a) => moved.whereIs(a.start, a.end));
  });

  it('follows an entry moved to the end with the one before it, the text that agrees there found once', () => {
    const entry = ENTRIES[3];
    const lines = linesOf(LONG);
    const n = lines.findIndex(([f, t]) => f < entry.start && entry.end < t);
    const moved = rewrite(LONG, [[0, lines[n - 1][0]], [lines[n][1], LONG.length], 'Recap of the morning:\n', [lines[n - 1][0], lines[n][1]]]);
    expectPlaces(moved, ANCHORS, (a) => moved.whereIs(a.start, a.end));
  });

  describe('reworded text near its old place, in the report alone', () => {
    const claim = CSTO.indexOf(CLAIM);
    const figures = anchorAt(CSTO, claim, claim + CLAIM.length);
    const name = CSTO.indexOf('Nikol Pashinyan');
    const pashinyan = anchorAt(CSTO, name, name + 'Nikol Pashinyan'.length);
    /** Where a result lies, as [method, start, end], orphans as ['orphaned']. */
    const outcome = (text: string, a: Anchor) => {
      const r = reattach(text, a);
      return r.anchor.orphaned ? [r.method] : [r.method, r.anchor.start, r.anchor.end];
    };
    const spanOf = (text: string, words: string) => [offsetOf(text, words), offsetOf(text, words) + words.length];

    it('finds a long claim retyped a little, its context on one side edited too, by the side that still agrees', () => {
      const text = CSTO.replace('and counterterrorism operations. Approximately 2,500', 'and drills. Approximately 3,000');
      assert.deepEqual(outcome(text, figures), ['fuzzy', ...spanOf(text, 'Approximately 3,000 personnel and various military equipment are involved in the exercises')]);
    });

    it('finds it with both sides as they were', () => {
      const text = CSTO.replace('Approximately 2,500', 'Approximately 3,000').replace('exercises, depicting the magnitude', 'exercises, depicting the scale');
      assert.deepEqual(outcome(text, figures), ['fuzzy', claim, claim + CLAIM.length]);
    });

    it('orphans it retyped more than an edit in eight, with one side edited: only its own words would speak for it', () => {
      const text = CSTO.replace('and counterterrorism operations. Approximately 2,500', 'and drills. About 3,000');
      assert.deepEqual(outcome(text, figures), ['orphaned']);
    });

    it('orphans it retyped with the words on both sides edited', () => {
      const text = CSTO.replace('and counterterrorism operations. Approximately 2,500', 'and drills. Approximately 3,000').replace('exercises, depicting the magnitude', 'exercises, officials said');
      assert.deepEqual(outcome(text, figures), ['orphaned']);
    });

    it('finds a misspelt name with its context on both sides, and orphans it with one side edited: a short quote could be anything', () => {
      const both = CSTO.replace('Nikol Pashinyan, has', 'Nicol Pashinian, has');
      assert.deepEqual(outcome(both, pashinyan), ['fuzzy', name, name + 15]);
      const oneSide = CSTO.replace('Prime Minister, Nikol Pashinyan, has', 'premier Nicol Pashinian, has');
      assert.deepEqual(outcome(oneSide, pashinyan), ['orphaned']);
      const spelt = CSTO.replace('Prime Minister, Nikol Pashinyan, has', 'premier, Nikol Pashinyan, has');
      assert.deepEqual(outcome(spelt, pashinyan), ['exact', ...spanOf(spelt, 'Nikol Pashinyan')]);
    });
  });

  describe('the first pass, in a short report', () => {
    const [headline, , lead, next] = CSTO.split('\n');
    const OFFICIALS = 'Officials in Bishkek said on Monday that the joint drills would continue through Friday despite the heavy rain.\n';
    const SPOKESPERSON = 'According to a spokesperson for the alliance, the drills were planned months ago and are routine. ';

    it('keeps a mention on the passage that moved as the one before it, when a copy of it with the same words around it was pasted right after', () => {
      const old = `${headline}\n\n${lead}\n${OFFICIALS}${next}\n`;
      const anchors = markAll(old, ['Armenia’s Absence', 'Kyrgyzstan Hosts', 'joint drills', 'significant geopolitical', 'Armenia continues']);
      const at = offsetOf(old, OFFICIALS);
      // Both copies hold the mention with all its stored context: only the shift of the mention before it tells them apart.
      const pasted = rewrite(old, ['Updated: ', [0, at + OFFICIALS.length], [at, old.length]]);
      expectPlaces(pasted, anchors, (a) => pasted.whereIs(a.start, a.end));
    });

    it('orphans a sentence deleted from the report rather than take the same sentence said again a paragraph on', () => {
      const old = `${lead}\n${SPOKESPERSON}Kazakhstan sent observers, and Belarus sent a battalion. Tajikistan said nothing. ${SPOKESPERSON}Monitors counted forty aircraft.\n${next}\n`;
      const at = offsetOf(old, SPOKESPERSON);
      const quote = offsetOf(old, 'the drills were', at);
      const claim = anchorAt(old, quote, quote + 'the drills were'.length);
      const anchors = [claim, ...markAll(old, ['Kyrgyzstan Hosts', 'Kazakhstan', 'Belarus', 'Tajikistan', 'Monitors', 'significant geopolitical'])];
      const deleted = rewrite(old, [[0, at], [at + SPOKESPERSON.length, old.length]]);
      // The copy a paragraph on has the claim's whole context too, under two hundred units from where the claim was.
      assert.ok(deleted.text.indexOf('the drills were') - quote < 256);
      expectPlaces(deleted, anchors, (a) => (a === claim ? undefined : deleted.whereIs(a.start, a.end)));
    });
  });

  describe('a line moved on its own in a short report, with one name in it', () => {
    const [, , lead, next, after] = CSTO.split('\n');
    const ANALYSTS = 'Analysts in Almaty said the CSTO would respond within days.';

    for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
      it(`follows it a paragraph down, its line break and the one before it there (${name})`, () => {
        const old = [lead, ANALYSTS, next, after, ''].join(eol);
        const anchors = markAll(old, ['Kyrgyzstan Hosts', 'CSTO', 'Armenia', 'Tajikistan']);
        const lines = linesOf(old);
        // Nothing moved with it to vouch for it: what agrees there, less the line break before it, is the line put in there.
        const moved = rewrite(old, [[0, lines[1][0]], [lines[2][0], lines[3][0]], [lines[1][0], lines[2][0]], [lines[3][0], old.length]]);
        expectPlaces(moved, anchors, (a) => moved.whereIs(a.start, a.end));
      });
    }

    it('follows it there when a line of the same build took its place', () => {
      const old = [lead, ANALYSTS, next, after, ''].join('\n');
      const anchors = markAll(old, ['Kyrgyzstan Hosts', 'CSTO', 'Armenia', 'Tajikistan']);
      const lines = linesOf(old);
      const moved = rewrite(old, [[0, lines[1][0]], 'Sceptics in Moscow said the CSTO had failed twice already.\n', [lines[2][0], lines[3][0]], [lines[1][0], lines[2][0]], [lines[3][0], old.length]]);
      expectPlaces(moved, anchors, (a) => moved.whereIs(a.start, a.end));
    });
  });

  describe('in the report alone, at or near the old place', () => {
    /** Where a result lies, as [method, start, end], orphans as ['orphaned', reason]. */
    const outcome = (text: string, a: Anchor) => {
      const r = reattach(text, a);
      return r.anchor.orphaned ? [r.method, r.reason] : [r.method, r.anchor.start, r.anchor.end];
    };
    const at = CSTO.indexOf(RESERVATIONS);
    const claim = anchorAt(CSTO, at, at + RESERVATIONS.length);
    const name = CSTO.indexOf('CSTO', 500);
    /** A mention stored without context, as a sidecar may hold it: only its place tells it from the other mentions of the CSTO. */
    const bare: Anchor = { start: name, end: name + 4, quote: 'CSTO', prefix: '', suffix: '' };

    it('keeps a claim at its old offsets when the words before it were retyped to the same length', () => {
      const text = CSTO.slice(0, at - 20) + 'premier of Armenia, ' + CSTO.slice(at);
      assert.equal(text.length, CSTO.length);
      assert.deepEqual(outcome(text, claim), ['position', at, at + RESERVATIONS.length]);
    });

    it('keeps a mention stored without context at exactly its old offsets, though the name occurs all over the report', () => {
      assert.ok(CSTO.split('CSTO').length > 5);
      assert.deepEqual(outcome(CSTO, bare), ['position', name, name + 4]);
    });

    it('orphans a mention without context whose stored end no longer fits its quote: its place is not certain', () => {
      assert.deepEqual(outcome(CSTO, { ...bare, end: name + 5 }), ['orphaned', 'not-found']);
    });

    it('orphans a mention whose stored words before it are gone, though the name sits at its old offset', () => {
      assert.deepEqual(outcome(CSTO, { ...bare, prefix: 'the alliance known as the ' }), ['orphaned', 'not-found']);
    });

    it('orphans a point stored without context: nothing tells its place', () => {
      assert.deepEqual(outcome(CSTO, { start: name, end: name, quote: '', prefix: '', suffix: '' }), ['orphaned', 'not-found']);
    });

    it('finds a word that now opens the article, and one that now ends it', () => {
      const headline = offsetOf(CSTO, 'CSTO Training');
      assert.deepEqual(outcome(CSTO.slice(headline), anchorAt(CSTO, headline, headline + 4)), ['exact', 0, 4]);
      const region = CSTO.lastIndexOf('region');
      const cut = CSTO.slice(linesOf(CSTO)[2][0], CSTO.length - 2);
      assert.ok(cut.endsWith('in the region'));
      assert.deepEqual(outcome(cut, anchorAt(CSTO, region, region + 6)), ['exact', cut.length - 6, cut.length]);
    });

    it('keeps a point marked at the very end of the report where it was', () => {
      assert.deepEqual(outcome(CSTO, anchorAt(CSTO, CSTO.length, CSTO.length)), ['position', CSTO.length, CSTO.length]);
    });

    it('orphans a name left at its old offset with the words on both sides retyped: a name alone is no proof', () => {
      const name = offsetOf(CSTO, 'Nikol Pashinyan');
      const text = CSTO.replace('Prime Minister, Nikol Pashinyan, has expressed', 'elected leader, Nikol Pashinyan has voiced his');
      assert.equal(text.indexOf('Nikol Pashinyan'), name);
      assert.deepEqual(outcome(text, anchorAt(CSTO, name, name + 15)), ['orphaned', 'not-found']);
    });

    it('finds a misspelt quote of eight units as changed text, and orphans a misspelt name of seven: shorter quotes are only matched exactly', () => {
      const west = offsetOf(CSTO, 'the West');
      assert.deepEqual(outcome(CSTO.replace('with the West', 'with the Wset'), anchorAt(CSTO, west, west + 8)), ['fuzzy', west, west + 8]);
      const armenia = offsetOf(CSTO, 'Armenia, historically');
      assert.deepEqual(outcome(CSTO.replace('Armenia, historically', 'Armenya, historically'), anchorAt(CSTO, armenia, armenia + 7)), ['orphaned', 'not-found']);
    });

    describe('a place with only part of its context, taken when the words that agree there occur once in the report', () => {
      const mention = offsetOf(CSTO, 'CSTO member states');
      const name = anchorAt(CSTO, mention, mention + 4);
      // The words after the name retyped, and one word before: what agrees is “ capabilities of the CSTO”.
      const retyped = CSTO.replace('defense capabilities of the CSTO member states', 'military capabilities of the CSTO’s members');
      const end = retyped.lastIndexOf('.');

      it('finds the name beside the words before it, one unit on', () => {
        assert.deepEqual(outcome(retyped, name), ['exact', mention + 1, mention + 5]);
      });

      it('orphans it when those words occur again elsewhere in the report', () => {
        const text = `${retyped.slice(0, end)}, testing the capabilities of the CSTO${retyped.slice(end)}`;
        assert.deepEqual(outcome(text, name), ['orphaned', 'not-found']);
      });

      it('keeps a claim with the words after it retyped though its opening words are quoted again at the end: the rest of what agrees is one of a kind', () => {
        const text = CSTO.replace(`${RESERVATIONS} and has pursued`, `${RESERVATIONS}, critics say, and has pursued`);
        const last = text.lastIndexOf('.');
        assert.deepEqual(outcome(text, claim), ['position', at, at + RESERVATIONS.length]);
        // The words before the claim and its opening quoted again, once up to the middle of its last word.
        for (const words of ['regret', 'reservations about the CSTO’s effect']) {
          const quoted = `${text.slice(0, last)}. As the country’s Prime Minister, Nikol Pashinyan, has expressed ${words}, a watershed${text.slice(last)}`;
          assert.deepEqual(outcome(quoted, claim), ['position', at, at + RESERVATIONS.length], words);
        }
        const copied = `${text.slice(0, last)}. As the country’s Prime Minister, Nikol Pashinyan, ${RESERVATIONS} too${text.slice(last)}`;
        assert.deepEqual(outcome(copied, claim), ['orphaned', 'not-found']);
      });
    });
  });

  for (const [label, before] of [['up, before the first paragraph', 3], ['down, to the end', 11]] as const) {
    it(`follows a claim retyped in its paragraph moved ${label}, as changed text where its neighbours went`, () => {
      const lines = linesOf(CSTO);
      const [from, to] = lines[6];
      const at = offsetOf(CSTO, RESERVATIONS);
      const retyped = RESERVATIONS.replace('expressed', 'voiced');
      const paragraph: Stretch[] = [[from, at], retyped, [at + RESERVATIONS.length, to]];
      const cut = before < lines.length ? lines[before][0] : CSTO.length;
      const moved = rewrite(CSTO, before < 6 ? [[0, cut], ...paragraph, [cut, from], [to, CSTO.length]] : [[0, from], [to, cut], ...paragraph, [cut, CSTO.length]]);
      const claim = anchorAt(CSTO, at, at + RESERVATIONS.length);
      const now = moved.text.indexOf(retyped);
      const results = expectPlaces(moved, [...markAll(CSTO, NAMES), claim], (a) => {
        if (a === claim) {
          return [now, now + retyped.length];
        }
        // The name inside the claim, in the words kept after the retyped one.
        return a.start > at && a.start < at + RESERVATIONS.length ? now + retyped.indexOf(a.quote) : moved.whereIs(a.start, a.end);
      });
      assert.equal(results.at(-1)!.method, 'fuzzy');
    });
  }

  describe('every anchor of the report, after a note put in at the top', () => {
    const NOTE = 'UPDATED: ';
    const quote = 'Approximately 2,500 personnel';
    const at = CSTO.indexOf(quote);

    it('follows a claim in a passage printed twice in a row to the first copy, where its neighbours say it went; alone it is a guess', () => {
      const passage: [number, number] = [at - 40, at + quote.length + 40];
      const moved = rewrite(CSTO, [NOTE, [0, passage[1]], [passage[0], CSTO.length]]);
      const claim = anchorAt(CSTO, at, at + quote.length);
      const anchors = [...markAll(CSTO, NAMES), claim];
      // The copy gets the places of the words printed again; the first are where the note pushed them.
      expectPlaces(moved, anchors, (a) => NOTE.length + a.start + (a.start >= passage[1] ? passage[1] - passage[0] : 0));
      const alone = reattach(moved.text, claim);
      assert.deepEqual([alone.method, alone.reason], ['orphaned', 'ambiguous']);
    });

    it('follows a claim with one word retyped to the same length to where its neighbours say it went, as changed text', () => {
      const retyped = RESERVATIONS.replace('the CSTO’s', 'the bloc’s');
      const moved = rewrite(CSTO, [NOTE, [0, offsetOf(CSTO, RESERVATIONS)], retyped, [offsetOf(CSTO, RESERVATIONS) + RESERVATIONS.length, CSTO.length]]);
      const claim = anchorAt(CSTO, offsetOf(CSTO, RESERVATIONS), offsetOf(CSTO, RESERVATIONS) + RESERVATIONS.length);
      const mentioned = offsetOf(CSTO, 'CSTO’s effectiveness');
      const results = expectPlaces(moved, [...markAll(CSTO, NAMES), claim], (a) => (a === claim ? NOTE.length + a.start : a.start === mentioned ? undefined : moved.whereIs(a.start, a.end)));
      assert.equal(results.at(-1)!.method, 'fuzzy');
    });

    it('does not put a claim whose paragraph moved to the end on a copy of its sentence quoted in the paragraph that took its place', () => {
      const [from, to] = linesOf(CSTO)[6];
      const at = offsetOf(CSTO, RESERVATIONS);
      const sentence = CSTO.slice(at - 40, at + RESERVATIONS.length + 40);
      const quoted = linesOf(CSTO)[7][0] + 150;
      const moved = rewrite(CSTO, [[0, from], [to, quoted], sentence, [quoted, CSTO.length], '\n', [from, to]]);
      const claim = anchorAt(CSTO, at, at + RESERVATIONS.length);
      const results = reattachAll(moved.text, [...markAll(CSTO, NAMES), claim]);
      const r = results.at(-1)!;
      assert.deepEqual([r.method, r.anchor.start], ['orphaned', at]);
    });

    it('orphans a mention whose sentence was rewritten around it, though the name sits where its neighbours say it went', () => {
      const mention = offsetOf(CSTO, 'CSTO member states');
      const before = 'and test the supply lines of the ';
      const after = ' field units. As part';
      const moved = rewrite(CSTO, [NOTE, [0, mention - before.length], before, [mention, mention + 4], after, [mention + 4 + after.length, CSTO.length]]);
      expectPlaces(moved, markAll(CSTO, NAMES), (a) => (a.start === mention ? undefined : NOTE.length + a.start));
    });
  });

  it('moves a point marked at the end of the report to the new end when the headline is cut, never past the text', () => {
    const point = anchorAt(CSTO, CSTO.length, CSTO.length);
    const text = CSTO.slice(linesOf(CSTO)[2][0]);
    for (const r of [reattach(text, point), expectPlaces(rewrite(text, [text]), [point], () => text.length)[0]]) {
      assert.deepEqual([r.method, r.anchor.start, r.anchor.end], ['exact', text.length, text.length]);
    }
  });
});
