// Tests of re-attaching a whole article's anchors when a paragraph moved: which anchors its neighbours vouch for, and which must be orphaned.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorAt, type Anchor } from '../../../../src/core/model';
import { CSTO, expectPlaces, linesOf, markAll, offsetOf, rewrite, type Rewrite, type Stretch } from './rewrites';

const NAMES = ['CSTO', 'Armenia', 'Kyrgyzstan', 'Russia', 'Nikol Pashinyan', 'Central Asia', 'Tajikistan', 'the West'];
const CLAIM = 'Approximately 2,500 personnel and various military equipment are involved in the exercises';
const RESERVATIONS = 'has expressed reservations about the CSTO’s effectiveness';
const ANCHORS = markAll(CSTO, [...NAMES, CLAIM, RESERVATIONS]);
const LINES = linesOf(CSTO);
/** “This development comes amidst political changes in Armenia …”: Pashinyan’s reservations. */
const PASHINYAN = LINES[6];
/** “The exercise in Kyrgyzstan aims to bolster …”: the figures of the exercise. */
const FIGURES = LINES[5];
/** “Armenia’s stance has caused concern …” and “Kyrgyzstan’s decision to host …”. */
const STANCE = LINES[7];
const DECISION = LINES[8];
/** A sentence with no anchor in it, the one before the claim. */
const DRILL = 'As part of the drill, participants are engaging in ground maneuvers, air defense exercises, and counterterrorism operations. ';
/** A paragraph of news put in, or the start of one. */
const OBSERVERS = 'Officials in Bishkek said on Tuesday that the exercise would end on Friday with a parade of armoured vehicles through the capital, and that observers from Uzbekistan and Turkmenistan had been invited to watch the final day.';

const inside = (a: Anchor, [from, to]: readonly [number, number]) => a.start >= from && a.end <= to;
/** Where its quote went, for an anchor whose words were kept. */
const keptPlace = (r: Rewrite) => (a: Anchor) => r.whereIs(a.start, a.end);

/** The article with line `[from, to)` cut out and put at the end, `edit` applied to it. */
function movedToEnd([from, to]: readonly [number, number], replace?: [string, string]): { rewritten: Rewrite; typed?: [number, number] } {
  if (!replace) {
    return { rewritten: rewrite(CSTO, [[0, from], [to, CSTO.length], '\n', [from, to]]) };
  }
  const at = offsetOf(CSTO, replace[0], from);
  assert.ok(at + replace[0].length <= to);
  const rewritten = rewrite(CSTO, [[0, from], [to, CSTO.length], '\n', [from, at], replace[1], [at + replace[0].length, to]]);
  const typed = CSTO.length - (to - from) + 1 + (at - from);
  return { rewritten, typed: [typed, typed + replace[1].length] };
}

describe('anchoring/passes', () => {
  it('has the paragraphs these tests move, with their anchors', () => {
    assert.equal(ANCHORS.filter((a) => inside(a, PASHINYAN)).length, 6);
    assert.equal(ANCHORS.filter((a) => inside(a, FIGURES)).length, 3);
  });

  for (const window of [undefined, 64]) {
    const options = window === undefined ? {} : { window };
    const label = window === undefined ? '' : ` (first pass looking only ${window} units around)`;

    it(`follows two paragraphs moved to the end together by the two anchors a sentence apart in them, neither placeable alone${label}`, () => {
      // Armenia opens the first paragraph, so its prefix stayed behind; the closing words run into
      // the second paragraph, so they agree across a line break only. Each is no proof far away;
      // the closing words found whole where Armenia's shift puts them vouch for it.
      const rewritten = rewrite(CSTO, [[0, STANCE[0]], [DECISION[1], CSTO.length], '\n', [STANCE[0], DECISION[1]]]);
      const closing = 'with various countries reassessing their alliances and partnerships';
      const at = offsetOf(CSTO, closing, STANCE[0]);
      const pair = [...ANCHORS.filter((a) => !inside(a, [STANCE[0], DECISION[1]]) || a.start === STANCE[0]), anchorAt(CSTO, at, at + closing.length)];
      assert.equal(pair.filter((a) => inside(a, [STANCE[0], DECISION[1]])).length, 2);
      expectPlaces(rewritten, pair, keptPlace(rewritten), options);
      // Either alone is orphaned.
      expectPlaces(rewritten, pair.slice(0, -1), (a) => (a.start === STANCE[0] ? undefined : rewritten.whereIs(a.start, a.end)), options);
      const closingAlone = pair.filter((a) => a.start !== STANCE[0]);
      expectPlaces(rewritten, closingAlone, (a) => (a.quote === closing ? undefined : rewritten.whereIs(a.start, a.end)), options);
    });

    it(`follows a claim retyped at the top of two paragraphs moved to the end, vouched for by closing words a sentence later${label}`, () => {
      // Far from where its neighbours put it, reworded text is found only where a stretch of it
      // survives verbatim, and taken only because the closing words moved by the same amount.
      const claim = 'Armenia’s stance has caused concern among its CSTO counterparts, particularly Russia';
      const retyped = 'Armenia’s stance has caused concern among its CSTO partners, particularly Russia';
      const closing = 'with various countries reassessing their alliances and partnerships';
      const [from, to] = [STANCE[0], DECISION[1]];
      const at = offsetOf(CSTO, closing, from);
      const marked = [...ANCHORS.filter((a) => !inside(a, [from, to])), anchorAt(CSTO, from, from + claim.length), anchorAt(CSTO, at, at + closing.length)];
      const rewritten = rewrite(CSTO, [[0, from], [to, CSTO.length], '\n', retyped, [from + claim.length, to]]);
      const now = CSTO.length - (to - from) + 1;
      const results = expectPlaces(rewritten, marked, (a) => (a.quote === claim ? [now, now + retyped.length] : rewritten.whereIs(a.start, a.end)), options);
      assert.equal(results[marked.findIndex((a) => a.quote === claim)].method, 'fuzzy');
    });

    it(`follows a paragraph moved to the end with its first words reworded, every anchor to where its words went${label}`, () => {
      const { rewritten } = movedToEnd(PASHINYAN, ['the country’s Prime Minister, ', 'its premier, ']);
      // Nikol Pashinyan lost most of his prefix: the anchors beside him, moved by the same amount, vouch for him.
      expectPlaces(rewritten, ANCHORS, keptPlace(rewritten), options);
    });

    it(`follows a claim retyped in a paragraph moved to the end, as changed text, where its neighbours went${label}`, () => {
      const retyped = 'Roughly 3,000 personnel and various military equipment are involved in the exercises';
      const { rewritten, typed } = movedToEnd(FIGURES, [CLAIM, retyped]);
      const results = expectPlaces(rewritten, ANCHORS, (a) => (a.quote === CLAIM ? typed : rewritten.whereIs(a.start, a.end)), options);
      assert.equal(results[ANCHORS.findIndex((a) => a.quote === CLAIM)].method, 'fuzzy');
    });

    it(`follows a paragraph moved to the end whose anchors lie far apart, each vouching for the other${label}`, () => {
      const { rewritten } = movedToEnd(PASHINYAN, ['the country’s Prime Minister, ', 'its premier, ']);
      // Two anchors of the paragraph, a sentence and more apart: the one with its context intact vouches for the one without.
      const sparse = ANCHORS.filter((a) => !inside(a, PASHINYAN) || a.quote === 'Nikol Pashinyan' || (a.quote === 'Armenia' && a.start > PASHINYAN[0] + 200));
      assert.equal(sparse.length, ANCHORS.length - 4);
      expectPlaces(rewritten, sparse, keptPlace(rewritten), options);
    });

    it(`orphans an anchor with its context reworded in a paragraph moved far, when nothing placed moved with it${label}`, () => {
      const { rewritten } = movedToEnd(PASHINYAN, ['the country’s Prime Minister, ', 'its premier, ']);
      const alone = ANCHORS.filter((a) => !inside(a, PASHINYAN) || a.quote === 'Nikol Pashinyan');
      expectPlaces(rewritten, alone, (a) => (a.quote === 'Nikol Pashinyan' ? undefined : rewritten.whereIs(a.start, a.end)), options);
    });

    it(`orphans a retyped claim moved far when nothing placed moved with it: far away, changed wording is a look-alike${label}`, () => {
      const retyped = 'Roughly 3,000 personnel and various military equipment are involved in the exercises';
      const { rewritten } = movedToEnd(FIGURES, [CLAIM, retyped]);
      const alone = ANCHORS.filter((a) => !inside(a, FIGURES) || a.quote === CLAIM);
      expectPlaces(rewritten, alone, (a) => (a.quote === CLAIM ? undefined : rewritten.whereIs(a.start, a.end)), options);
    });

    it(`follows a claim reworded at its start in a moved paragraph to its new words, where the name inside it went${label}`, () => {
      const { rewritten } = movedToEnd(PASHINYAN, ['Nikol Pashinyan, has expressed', 'Nikol Pashinyan, who has long expressed']);
      const pair = ANCHORS.filter((a) => !inside(a, PASHINYAN) || a.quote === RESERVATIONS || (a.quote === 'CSTO' && inside(a, PASHINYAN)));
      assert.equal(pair.length, ANCHORS.length - 4);
      // All that was typed in between the prefix that survived and the claim is now part of it.
      const start = offsetOf(rewritten.text, 'who has long expressed');
      const end = offsetOf(rewritten.text, 'effectiveness', start) + 'effectiveness'.length;
      const results = expectPlaces(rewritten, pair, (a) => (a.quote === RESERVATIONS ? [start, end] : rewritten.whereIs(a.start, a.end)), options);
      assert.equal(results[pair.findIndex((a) => a.quote === RESERVATIONS)].method, 'fuzzy');
    });
  }

  describe('a name opening a paragraph whose next words were reworded', () => {
    // Its prefix is the end of the paragraph before, which moves on its own: only its place, or a
    // long quote, makes up for the lost words after it.
    const name = DECISION[0];
    const before = offsetOf(CSTO, 'Many experts see this', STANCE[0]);
    const added = 'Officials in Yerevan did not respond to a request for comment on Tuesday. ';
    const reworded = (insert: boolean, [from, to]: [string, string]) => {
      const at = offsetOf(CSTO, from, name);
      const head: Stretch[] = insert ? [[0, before], added, [before, at]] : [[0, at]];
      return rewrite(CSTO, [...head, to, [at + from.length, CSTO.length]]);
    };
    const openingName = (a: Anchor) => a.start === name && a.quote === 'Kyrgyzstan';

    it('is found right where its neighbours put it', () => {
      const rewritten = reworded(false, ['’s decision to host', ', deciding to host']);
      const results = expectPlaces(rewritten, ANCHORS, (a) => (openingName(a) ? name : rewritten.whereIs(a.start, a.end)));
      // Still at its offset, where the anchors around it say the text did not move.
      assert.equal(results[ANCHORS.findIndex(openingName)].method, 'position');
    });

    it('is orphaned when a sentence put in between its neighbours leaves its place open', () => {
      const rewritten = reworded(true, ['’s decision to host', ', deciding to host']);
      expectPlaces(rewritten, ANCHORS, (a) => (openingName(a) ? undefined : rewritten.whereIs(a.start, a.end)));
    });

    it('is orphaned when a sentence was put in before it and another cut after it: it may sit anywhere between its neighbours’ shifts', () => {
      const cut = 'By welcoming these joint military drills, Kyrgyzstan strengthens its ties to the alliance, showcasing its commitment to collective security in the region. ';
      const at = offsetOf(CSTO, '’s decision to host', name);
      const gone = offsetOf(CSTO, cut, name);
      const rewritten = rewrite(CSTO, [[0, before], added, [before, at], ', deciding to host', [at + '’s decision to host'.length, gone], [gone + cut.length, CSTO.length]]);
      expectPlaces(rewritten, ANCHORS, (a) => (openingName(a) ? undefined : rewritten.whereIs(a.start, a.end)));
    });

    it('is found there as part of a long quote, the quote standing on its own', () => {
      const quote = 'Kyrgyzstan’s decision to host the CSTO exercise amid Armenia’s drift';
      const rewritten = reworded(true, [' brings additional significance', ' adds weight']);
      const long = anchorAt(CSTO, name, name + quote.length);
      expectPlaces(rewritten, [...ANCHORS, long], (a) => rewritten.whereIs(a.start, a.end));
    });
  });

  describe('where the neighbours on either side put an anchor', () => {
    const [fromFigures] = FIGURES;
    const otherArticle = (name: string) => readFileSync(join(__dirname, `../../../../../test/fixtures/eval/${name}.txt`), 'utf8');

    it('follows a name opening a paragraph whose next words were reworded, to where the paragraph before it went, when a report of over 1,024 units was put in after it', () => {
      // The neighbours' shifts differ by more than MAX_BRACKET: each gives its own expected place, and the
      // name is exactly where the one before it says, close enough to stand without its context. Spread
      // over the whole gap between them, as if the name could be anywhere in it, it would be orphaned.
      // The claim after the deleted sentence is in the bracket of its neighbours' shifts (−124 and 0).
      const cut = offsetOf(CSTO, DRILL, fromFigures);
      const [name, end] = DECISION;
      const words = name + 'Kyrgyzstan'.length;
      const report = otherArticle('transport-strike');
      const rewritten = rewrite(CSTO, [[0, cut], [cut + DRILL.length, words], ', deciding to host', [words + '’s decision to host'.length, end], `${report}\n`, [end, CSTO.length]]);
      // The paragraph's other anchors are left out, so that the next anchor lies beyond the report.
      const marked = ANCHORS.filter((a) => a.start < name || a.start >= end || a.start === name);
      const results = expectPlaces(rewritten, marked, (a) => (a.start === name ? name - DRILL.length : rewritten.whereIs(a.start, a.end)));
      assert.ok(report.length + 1 + ', deciding to host'.length - '’s decision to host'.length > 1024);
      assert.equal(results[marked.findIndex((a) => a.start === name)].method, 'exact');
    });

    /**
     * 512 units put in before Pashinyan's paragraph and 512 after it, less what rewording the words
     * after his name took out: the neighbours' shifts differ by MAX_BRACKET exactly, still one bracket,
     * and the name sits at its centre. Taken from either neighbour alone, it is far from both. With
     * `renamed`, the mentions of Armenia before the name and of the CSTO after it are renamed too.
     */
    const bracketed = (renamed: boolean) => {
      const [from, to] = PASHINYAN;
      const name = offsetOf(CSTO, 'Nikol Pashinyan', from);
      const after = name + 'Nikol Pashinyan'.length;
      const armenia = offsetOf(CSTO, 'Armenia', from);
      const csto = offsetOf(CSTO, 'CSTO’s', after);
      const [was, now] = [', has expressed reservations', ' voiced doubts'];
      const before = `${otherArticle('vaccine-campaign').slice(0, 511)}\n`;
      const later = `${otherArticle('energy-prices').slice(0, 511 + was.length - now.length)}\n`;
      const middle: Stretch[] = renamed ? [[from, armenia], 'Yerevan', [armenia + 'Armenia'.length, after], now, [after + was.length, csto], 'bloc', [csto + 'CSTO'.length, to]] : [[from, after], now, [after + was.length, to]];
      const rewritten = rewrite(CSTO, [[0, from], before, ...middle, later, [to, CSTO.length]]);
      const marked = ANCHORS.filter((a) => a.start < from || a.start >= to || a.start === name || (renamed && (a.start === armenia || a.start === csto)));
      return { rewritten, marked, name };
    };

    it('follows a name whose next words were reworded to the middle of the bracket when exactly 1,024 units were put in around its paragraph', () => {
      const { rewritten, marked, name } = bracketed(false);
      expectPlaces(rewritten, marked, (a) => (a.start === name ? name + 512 : rewritten.whereIs(a.start, a.end)));
    });

    it('follows it there too when the mentions right before and after it were renamed: the bracket is drawn by the nearest anchors found, in both sweeps', () => {
      const { rewritten, marked, name } = bracketed(true);
      const results = expectPlaces(rewritten, marked, (a) => (a.start === name ? name + 512 : rewritten.whereIs(a.start, a.end)));
      assert.equal(results.filter((r) => r.method === 'orphaned').length, 2);
    });

    it('follows the last anchor, its next words reworded, to a paragraph further on than its one neighbour far before it says, within the slack of that gap', () => {
      // The neighbour is 1,538 units before it: the edits in that gap may have moved the name by
      // HINT_SLACK plus an eighth of it (448), and a paragraph of 321 units was put in there.
      const name = offsetOf(CSTO, 'Central Asia', LINES[9][1]);
      const after = name + 'Central Asia'.length;
      const added = `${OBSERVERS} Neither country is a member of the alliance, and both have kept their distance from its drills. \n`;
      const rewritten = rewrite(CSTO, [[0, LINES[9][0]], added, [LINES[9][0], after], '. With the security', [after + '. As the security'.length, CSTO.length]]);
      // A sparsely annotated article: a few anchors near the top, then the closing paragraph's.
      const marked = [...ANCHORS.filter((a) => a.start < 1500), anchorAt(CSTO, name, after)];
      assert.equal(name - marked[marked.length - 2].start, 1538);
      const results = expectPlaces(rewritten, marked, (a) => (a.start === name ? name + added.length : rewritten.whereIs(a.start, a.end)));
      assert.equal(results[marked.length - 1].method, 'exact');
    });

    it('orphans the last anchor, its sentence deleted, rather than take the same words in a paragraph put in further on than the slack of the gap to its neighbour', () => {
      // The neighbour is 147 units before it (slack 256 + 18); the look-alike, with the whole prefix but
      // other words after it, is 384 units past where that neighbour puts it: far, and nothing vouches for it.
      const sentence = 'It underscores the intricacies of regional politics and reveals the delicate balancing acts pursued by countries in Central Asia. ';
      const at = offsetOf(CSTO, sentence);
      const name = offsetOf(CSTO, 'Central Asia', at);
      const added = `${OBSERVERS} Neither country is a member of the alliance. Analysts in Almaty point to the balancing acts pursued by countries in Central Asia, wary of Moscow and Beijing alike.\n`;
      const rewritten = rewrite(CSTO, [[0, at], [at + sentence.length, CSTO.length], added]);
      const marked = [...ANCHORS.filter((a) => a.start < at), anchorAt(CSTO, name, name + 'Central Asia'.length)];
      assert.equal(name - marked[marked.length - 2].start, 147);
      assert.equal(rewritten.text.lastIndexOf('Central Asia') - name, 384);
      expectPlaces(rewritten, marked, (a) => (a.start === name ? undefined : rewritten.whereIs(a.start, a.end)));
    });
  });

  describe('a name just outside the bracket of its neighbours, vouched for by one of them', () => {
    // A sparsely annotated article: the top, CSTO opening the fourth paragraph, Nikol Pashinyan, and from
    // the seventh paragraph on. A sentence put in before CSTO's paragraph (its prefix across the line
    // break lost) moves CSTO; the names struck from the list after it and the words cut from the sentence
    // after that move Nikol Pashinyan back from it; the words after him are reworded, and a paragraph put
    // in before the seventh moves the rest on. Between CSTO's shift and the next one's, he lies further
    // out than BRACKET_SLACK: only CSTO, having moved with him within the slack that the 812 units
    // between them allow (16 + 812 / 32 = 41), says he is there.
    const [line4] = LINES[4];
    const csto = offsetOf(CSTO, 'CSTO', line4);
    const name = offsetOf(CSTO, 'Nikol Pashinyan');
    const after = name + 'Nikol Pashinyan'.length;
    const week = offsetOf(CSTO, ' throughout the week', csto);
    const met = 'Defence ministers of the member states met in Bishkek on Monday to review the plans for the drills. ';
    const observers = `${OBSERVERS} Neither country is a member of the alliance, and both have kept their distance from its drills.\n`;
    const marked = [...ANCHORS.filter((a) => a.start < 500), anchorAt(CSTO, csto, csto + 4), anchorAt(CSTO, name, after), ...ANCHORS.filter((a) => a.start >= STANCE[0])];
    /** The edits above, `struck` the names cut from the list of members. */
    const edited = (struck: string) => {
      const members = offsetOf(CSTO, struck, csto);
      return rewrite(CSTO, [[0, line4], met, [line4, members], [members + struck.length, week], [week + ' throughout the week'.length, after], ' voiced doubts', [after + ', has expressed reservations'.length, STANCE[0]], observers, [STANCE[0], CSTO.length]]);
    };

    it('follows the name to where CSTO says, 41 units nearer than CSTO moved', () => {
      assert.equal(name - csto, 812);
      const struck = ', Belarus, Kazakhstan';
      assert.equal(struck.length + ' throughout the week'.length, 41);
      const rewritten = edited(struck);
      const results = expectPlaces(rewritten, marked, (a) => (a.start === name ? name + met.length - 41 : rewritten.whereIs(a.start, a.end)));
      assert.equal(results[marked.findIndex((a) => a.start === name)].method, 'exact');
      // CSTO itself has not all its context, so only its place, not its text found again, vouches.
      assert.notEqual(results[marked.findIndex((a) => a.start === csto)].score, 1);
    });

    it('follows the name to where CSTO says when the anchor between them moved on its own: a sentence after it put at the top of its paragraph, before it', () => {
      // Kyrgyzstan, the anchor right before the name, moved on by the sentence put in ahead of it; the
      // name moved back by as much. CSTO, two anchors before, still vouches.
      const struck = ', Belarus, Kazakhstan';
      const [line5] = FIGURES;
      const kyrgyzstan = offsetOf(CSTO, 'Kyrgyzstan', line5);
      const drill = offsetOf(CSTO, DRILL, line5);
      const members = offsetOf(CSTO, struck, csto);
      const rewritten = rewrite(CSTO, [[0, line4], met, [line4, members], [members + struck.length, week], [week + ' throughout the week'.length, line5], DRILL, [line5, drill], [drill + DRILL.length, after], ' voiced doubts', [after + ', has expressed reservations'.length, STANCE[0]], observers, [STANCE[0], CSTO.length]]);
      const withKyrgyzstan = [...marked.slice(0, marked.findIndex((a) => a.start === name)), anchorAt(CSTO, kyrgyzstan, kyrgyzstan + 'Kyrgyzstan'.length), ...marked.slice(marked.findIndex((a) => a.start === name))];
      expectPlaces(rewritten, withKyrgyzstan, (a) => (a.start === name ? name + met.length - 41 : rewritten.whereIs(a.start, a.end)));
    });

    it('orphans the name when CSTO moved 53 units more than it: more than the edits in the gap between them may account for', () => {
      const struck = ', Belarus, Kazakhstan, Kyrgyzstan';
      assert.equal(struck.length + ' throughout the week'.length, 53);
      const rewritten = edited(struck);
      expectPlaces(rewritten, marked, (a) => (a.start === name ? undefined : rewritten.whereIs(a.start, a.end)));
    });
  });

  it('follows a name whose next words were reworded when the sentence before it was moved to after it, vouched for by the anchor two after it', () => {
    // The name moved back by the sentence, the paragraph's other anchors are left out, and Armenia,
    // opening the next paragraph, is found where it was: the name lies far outside the bracket of CSTO
    // (before the sentence) and Armenia. Kyrgyzstan, after the paragraph cut from between them, moved back
    // nearly as far as the name (the 649 units between them allow 36 units' difference).
    const moscow = 'Moscow, which traditionally has exerted considerable influence over Armenia, views this shift as a challenge to its hegemony in the region. ';
    const drill = offsetOf(CSTO, DRILL);
    const name = offsetOf(CSTO, 'Nikol Pashinyan');
    const after = name + 'Nikol Pashinyan'.length;
    const government = offsetOf(CSTO, 'Pashinyan’s government', after);
    const cut = offsetOf(CSTO, moscow, STANCE[0]);
    const rewritten = rewrite(CSTO, [[0, drill], [drill + DRILL.length, after], ' voiced doubts', [after + ', has expressed reservations'.length, government], DRILL, [government, cut], [cut + moscow.length, CSTO.length]]);
    const marked = ANCHORS.filter((a) => (a.start < PASHINYAN[0] && a.quote !== CLAIM) || a.start === name || a.start === STANCE[0] || a.start >= cut + moscow.length);
    assert.equal(marked[marked.findIndex((a) => a.start === name) + 2].start - name, 649);
    expectPlaces(rewritten, marked, (a) => (a.start === name ? name - DRILL.length : rewritten.whereIs(a.start, a.end)));
  });

  describe('the two names that open and close the standfirst, moved below the next two paragraphs with the title and the lede', () => {
    // Each has its whole context at the new place, but across a line break on one side: far away,
    // that is no proof by itself, and they are 83 units apart, too close for either to vouch for the
    // other in the second pass. Only the first pass's pair of consecutive anchors found whole takes
    // them, if their shifts differ by at most PAIR_SLACK plus an eighth of the gap (32 + 10).
    const [line4] = LINES[4];
    const [, line5] = FIGURES;
    const opening = anchorAt(CSTO, LINES[2][0], LINES[2][0] + 'Kyrgyzstan'.length);
    const closing = anchorAt(CSTO, LINES[2][1] - 1 - 'Russia'.length, LINES[2][1] - 1);
    const marked = [opening, closing, ...ANCHORS.filter((a) => a.start >= line4)];
    /** The words put in the middle of the standfirst, before "Despite". */
    const moved = (words: string) => {
      const at = offsetOf(CSTO, 'Despite', opening.end);
      return rewrite(CSTO, [[line4, line5], [0, at], words, [at, line4], [line5, CSTO.length]]);
    };

    it('follows both when the words put in between them move the second by 42 units', () => {
      assert.equal([opening.quote, closing.quote, closing.start - opening.start].join(), 'Kyrgyzstan,Russia,83');
      const words = 'and Air Defence Drills in Bishkek and Osh ';
      assert.equal(words.length, 42);
      const rewritten = moved(words);
      expectPlaces(rewritten, marked, (a) => rewritten.whereIs(a.start, a.end));
    });

    it('orphans both when the words put in between them move the second by 49 units', () => {
      const words = 'and Air Defence Drills in Bishkek, Osh and Naryn ';
      assert.equal(words.length, 49);
      const rewritten = moved(words);
      expectPlaces(rewritten, marked, (a) => (a === opening || a === closing ? undefined : rewritten.whereIs(a.start, a.end)));
    });
  });

  describe('a phrase whose word before it was reworded, and the words opening the next paragraph, moved far together', () => {
    // The phrase has context on one side only, the opening words have all of theirs but across the
    // line break: neither is proof far away. The opening words, not placed yet when the phrase is
    // searched, vouch for it with their whole context where its shift puts them, but only from
    // CONFIRM_GAP (256 units) away: nearer, one duplicated passage could hold both.
    /** The last two paragraphs put before the fourth, the word before `phrase` reworded; `phrase` and the words opening the last paragraph marked. */
    const lastTwoMovedUp = (phrase: string) => {
      const [line4] = LINES[4];
      const [from] = LINES[9];
      const opening = 'The ongoing CSTO exercise';
      const at = offsetOf(CSTO, phrase, from);
      const next = offsetOf(CSTO, opening, from);
      const word = offsetOf(CSTO, 'strategic ', from);
      const rewritten = rewrite(CSTO, [[0, line4], [from, word], 'key ', [word + 'strategic '.length, CSTO.length], [line4, from]]);
      const pair = [anchorAt(CSTO, at, at + phrase.length), anchorAt(CSTO, next, next + opening.length)];
      return { rewritten, pair, marked: [...ANCHORS.filter((a) => a.start < from), ...pair] };
    };
    const REGION = 'region, given its proximity to major powers such as Russia, China, and the United States';

    it('follows both when the opening words were 256 units after the phrase', () => {
      const { rewritten, pair, marked } = lastTwoMovedUp(REGION);
      assert.equal(pair[1].start - pair[0].start, 256);
      expectPlaces(rewritten, marked, (a) => rewritten.whereIs(a.start, a.end));
    });

    it('orphans both when the phrase, 256 units before them, ends 63 units before them: its suffix and their prefix are the same text', () => {
      // Context overlapping, the opening words found whole are no second witness: they move with the phrase whatever happened.
      const { rewritten, pair, marked } = lastTwoMovedUp(`${REGION}. As geopolitical competition intensifies, countries in the region must navigate complex web of alliances`);
      assert.deepEqual([pair[1].start - pair[0].start, pair[1].start - pair[0].end], [256, 63]);
      expectPlaces(rewritten, marked, (a) => (pair.includes(a) ? undefined : rewritten.whereIs(a.start, a.end)));
    });

    it('orphans both when the opening words were 118 units after the phrase', () => {
      const [from] = PASHINYAN;
      const [, to] = STANCE;
      const phrase = 'has sought to diversify Armenia’s security';
      const at = offsetOf(CSTO, phrase, from);
      assert.equal(STANCE[0] - at, 118);
      const word = offsetOf(CSTO, 'government ', from);
      // The two paragraphs moved to the end.
      const rewritten = rewrite(CSTO, [[0, from], [to, CSTO.length], '\n', [from, word], 'cabinet ', [word + 'government '.length, to]]);
      const pair = [anchorAt(CSTO, at, at + phrase.length), anchorAt(CSTO, STANCE[0], STANCE[0] + 'Armenia'.length)];
      const marked = [...ANCHORS.filter((a) => a.start < from || a.start >= to), ...pair];
      expectPlaces(rewritten, marked, (a) => (pair.includes(a) ? undefined : rewritten.whereIs(a.start, a.end)));
    });
  });

  it('follows a name whose words before it were reworded, in a paragraph moved to the end, past an anchor orphaned between it and the rest of the paragraph', () => {
    // The West was cut: orphaned, it keeps its old place, which says nothing about how its passage
    // moved. Armenia is expected where CSTO before it went (or where the next paragraph went, over
    // 1,024 units from there); taken as a neighbour that did not move, the orphan would put it in
    // a bracket far from both.
    const [from, to] = PASHINYAN;
    const cut = offsetOf(CSTO, ' and has pursued closer ties with the West', from);
    const word = offsetOf(CSTO, 'to diversify ', from);
    const rewritten = rewrite(CSTO, [[0, from], [to, CSTO.length], '\n', [from, cut], [cut + ' and has pursued closer ties with the West'.length, word], 'to broaden ', [word + 'to diversify '.length, to]]);
    expectPlaces(rewritten, ANCHORS, (a) => rewritten.whereIs(a.start, a.end));
    assert.equal(ANCHORS.filter((a) => rewritten.whereIs(a.start, a.end) === undefined).map((a) => a.quote).join(), 'the West');
  });

  it('orphans the first anchor, a claim moved 43 units, as ambiguous when a pull quote repeats it with all its context 301 units from its old place', () => {
    // Before any anchor is found, nothing says how far the text drifted: the first pass takes only
    // the old offset itself, and the second sees two places with the whole context, neither
    // decisively nearer (FAR_RATIO times) than the other.
    const at = offsetOf(CSTO, CLAIM);
    const [line5, line6] = FIGURES;
    const added = 'Officials said the drills began on Monday. ';
    const pull = `“${CSTO.slice(at - 120, at + CLAIM.length + 40).trim()}”\n`;
    const rewritten = rewrite(CSTO, [[0, line5], added, [line5, line6], pull, [line6, CSTO.length]]);
    assert.equal(rewritten.text.indexOf(CLAIM, at + added.length + 1) - at, 301);
    const marked = ANCHORS.filter((a) => a.start >= at);
    const results = expectPlaces(rewritten, marked, (a) => (a.quote === CLAIM ? undefined : rewritten.whereIs(a.start, a.end)));
    assert.equal(results[0].reason, 'ambiguous');
  });

  it('follows two sentences swapped between the fourth paragraph and the last, each anchor to where its sentence went', () => {
    // Once Armenia is placed in the last paragraph, the anchors around the place its sentence left
    // are no longer neighbours in the old text: the text between them is not just their old text
    // edited, so the phrase found there may be its sentence moved in (it is one of a kind).
    const drifting = 'This comes at a time when Armenia, historically one of Russia’s closest allies, is gradually drifting away from the CSTO and pursuing alternative security agreements.';
    const politics = 'It underscores the intricacies of regional politics and reveals the delicate balancing acts pursued by countries in Central Asia.';
    const from = offsetOf(CSTO, drifting);
    const to = offsetOf(CSTO, politics);
    const rewritten = rewrite(CSTO, [[0, from], politics, [from + drifting.length, to], drifting, [to + politics.length, CSTO.length]]);
    const armenia = anchorAt(CSTO, offsetOf(CSTO, 'Armenia', from), offsetOf(CSTO, 'Armenia', from) + 'Armenia'.length);
    const phrase = anchorAt(CSTO, offsetOf(CSTO, 'regional politics', to), offsetOf(CSTO, 'regional politics', to) + 'regional politics'.length);
    const inSwapped = (a: Anchor) => inside(a, [from, from + drifting.length]) || inside(a, [to, to + politics.length]);
    const marked = [...ANCHORS.filter((a) => !inSwapped(a)), armenia, phrase];
    expectPlaces(rewritten, marked, (a) =>
      a === armenia ? offsetOf(rewritten.text, drifting) + 'This comes at a time when '.length : a === phrase ? offsetOf(rewritten.text, politics) + 'It underscores the intricacies of '.length : rewritten.whereIs(a.start, a.end),
    );
  });

  it('follows a chain of names back from the one found alone, in a paragraph moved to the end with a sentence put in before each of the others', () => {
    // The West, found alone by its whole context, is found first; Nikol Pashinyan, 238 units before
    // where its shift puts him, is near it, and Armenia, 246 units before where his shift puts it, near
    // him: but 484 units from where the West's shift puts it, too far. Only a sweep backwards, each
    // name expected where the one after it was just found, reaches Armenia.
    const [from, to] = PASHINYAN;
    const leader = `${OBSERVERS} The country’s leader, `;
    const rebuke = 'a statement that drew a sharp rebuke from the foreign ministry in Moscow, which accused the government of bowing to pressure from Brussels and Washington and warned of consequences for the trade agreements that bind the two countries. He ';
    const [armenia, pashinyan, west] = ['Armenia', 'Nikol Pashinyan', 'the West'].map((q) => offsetOf(CSTO, q, from));
    const word = offsetOf(CSTO, 'political changes in ', from);
    // Clear of the West's prefix.
    const put = west - 33;
    const rewritten = rewrite(CSTO, [[0, from], [to, CSTO.length], '\n', [from, word], 'political shifts in ', [word + 'political changes in '.length, pashinyan], leader, [pashinyan, put], rebuke, [put, to]]);
    assert.deepEqual([leader.length, rebuke.length], [246, 238]);
    const marked = ANCHORS.filter((a) => !inside(a, PASHINYAN) || [armenia, pashinyan, west].includes(a.start));
    expectPlaces(rewritten, marked, (a) => rewritten.whereIs(a.start, a.end));
  });

  it('follows a sentence swapped with a longer one from a later paragraph, searched again once the other’s anchor is placed', () => {
    // Armenia's sentence now sits where the ninth paragraph's opening sentences were. Searched first,
    // it falls between two anchors that were neighbours in the old text, with less text between them
    // than before: old text from there, not taken. Once the phrase from those sentences is placed
    // where Armenia's sentence was, the place is a passage moved in, and the search in the backward
    // sweep, though expecting Armenia where the forward sweep did, must look again.
    const drifting = 'This comes at a time when Armenia, historically one of Russia’s closest allies, is gradually drifting away from the CSTO and pursuing alternative security agreements.';
    const from = offsetOf(CSTO, drifting);
    const [ninth] = LINES[9];
    const end = offsetOf(CSTO, 'web of alliances', ninth) + 'web of alliances'.length;
    const opening = CSTO.slice(ninth, end);
    const rewritten = rewrite(CSTO, [[0, from], opening, [from + drifting.length, ninth], drifting, [end, CSTO.length]]);
    const armenia = anchorAt(CSTO, offsetOf(CSTO, 'Armenia', from), offsetOf(CSTO, 'Armenia', from) + 'Armenia'.length);
    const phrase = anchorAt(CSTO, offsetOf(CSTO, 'geopolitical competition', ninth), offsetOf(CSTO, 'geopolitical competition', ninth) + 'geopolitical competition'.length);
    const marked = [...ANCHORS.filter((a) => !inside(a, [from, from + drifting.length]) && !inside(a, [ninth, end])), armenia, phrase];
    assert.equal(opening.length - drifting.length, 103);
    expectPlaces(rewritten, marked, (a) =>
      a === armenia ? offsetOf(rewritten.text, drifting) + 'This comes at a time when '.length : a === phrase ? offsetOf(rewritten.text, 'geopolitical competition') : rewritten.whereIs(a.start, a.end),
    );
  });

  it('orphans every anchor when the text is another article that names the prime minister with his title near the old place', () => {
    // Where none of the anchors is found, the text is mostly new: a name with a few words of its
    // context near its old place is a look-alike, not the annotated text.
    const other = ['border-talks', 'budget-armenia', 'energy-prices'].map((name) => readFileSync(join(__dirname, `../../../../../test/fixtures/eval/${name}.txt`), 'utf8')).join('\n');
    const cut = other.lastIndexOf('\n', 1300) + 1;
    const text = `${other.slice(0, cut)}Speaking in Yerevan, the country’s Prime Minister, Nikol Pashinyan, said on Monday that the talks would resume.\n${other.slice(cut)}`;
    const near = text.indexOf('Nikol Pashinyan') - ANCHORS.find((a) => a.quote === 'Nikol Pashinyan')!.start;
    assert.ok(Math.abs(near) < 64, `${near}`);
    expectPlaces(rewrite(text, [text]), ANCHORS, () => undefined);
  });
});
