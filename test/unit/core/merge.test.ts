// Three-way merge of a sidecar changed on disk while the user was annotating.

import * as assert from 'node:assert/strict';
import { mergeAnnotations } from '../../../src/core/merge';
import { anchorAt, type Annotations } from '../../../src/core/model';

const TEXT = 'Kyrgyzstan hosts the CSTO exercise. Approximately 2,500 personnel are involved. Armenia stays away.';

function base(): Annotations {
  const at = (q: string) => anchorAt(TEXT, TEXT.indexOf(q), TEXT.indexOf(q) + q.length);
  return {
    article: { file: 'csto.txt' },
    actors: [
      { id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country', mentions: [at('Kyrgyzstan')] },
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [at('Armenia')] },
    ],
    claims: [{ id: 'c1', anchor: at('Approximately 2,500 personnel are involved.'), status: 'unchecked', sources: [] }],
  };
}

describe('mergeAnnotations', () => {
  it('takes each side’s change to different annotations', () => {
    const ours = base();
    ours.claims[0].verdict = 'mostly-true';
    ours.claims[0].status = 'checked';
    const theirs = base();
    theirs.actors[1].wikidata = 'Q399';
    const { merged, conflicts } = mergeAnnotations(base(), ours, theirs);
    assert.deepEqual(conflicts, []);
    assert.equal(merged.claims[0].verdict, 'mostly-true');
    assert.equal(merged.actors.find((a) => a.id === 'armenia')?.wikidata, 'Q399');
  });

  it('keeps annotations added on both sides and a deletion made on one', () => {
    const ours = base();
    ours.actors.push({ id: 'csto', name: 'CSTO', type: 'organisation', mentions: [anchorAt(TEXT, 21, 25)] });
    const theirs = base();
    theirs.actors = theirs.actors.filter((a) => a.id !== 'kyrgyzstan');
    theirs.claims.push({ id: 'c2', anchor: anchorAt(TEXT, 81, 99), status: 'unchecked', sources: [] });
    const { merged, conflicts } = mergeAnnotations(base(), ours, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(merged.actors.map((a) => a.id).sort(), ['armenia', 'csto']);
    assert.deepEqual(merged.claims.map((c) => c.id), ['c1', 'c2']);
  });

  it('reports the same annotation changed differently on both sides, keeping ours in the result', () => {
    const ours = base();
    ours.claims[0].notes = 'Ministry figure.';
    const theirs = base();
    theirs.claims[0].notes = 'Press release figure.';
    const { merged, conflicts } = mergeAnnotations(base(), ours, theirs);
    assert.deepEqual(conflicts, ['c1']);
    assert.equal(merged.claims[0].notes, 'Ministry figure.');
  });

  it('does not count identical changes on both sides as a conflict', () => {
    const ours = base();
    ours.claims[0].status = 'in-progress';
    const theirs = base();
    theirs.claims[0].status = 'in-progress';
    assert.deepEqual(mergeAnnotations(base(), ours, theirs).conflicts, []);
  });

  it('attributes a claim to the article when its claimant was deleted on the other side', () => {
    const start = base();
    start.claims[0].claimant = 'armenia';
    const ours = structuredClone(start);
    ours.claims[0].notes = 'checked with the ministry';
    const theirs = structuredClone(start);
    theirs.actors = theirs.actors.filter((a) => a.id !== 'armenia');
    const { merged } = mergeAnnotations(start, ours, theirs);
    assert.equal(merged.claims[0].claimant, undefined);
    assert.equal(merged.claims[0].notes, 'checked with the ministry');
  });

  describe('claimants', () => {
    /** Three claims: two by Armenia, one by Kyrgyzstan, each with its own anchor. */
    function claimed(): Annotations {
      const start = base();
      const at = (q: string) => anchorAt(TEXT, TEXT.indexOf(q), TEXT.indexOf(q) + q.length);
      start.claims = [
        { id: 'c1', anchor: at('Kyrgyzstan hosts the CSTO exercise.'), claimant: 'armenia', status: 'unchecked', sources: [] },
        { id: 'c2', anchor: at('Approximately 2,500 personnel are involved.'), claimant: 'kyrgyzstan', status: 'checked', verdict: 'true', sources: [] },
        { id: 'c3', anchor: at('Armenia stays away.'), claimant: 'armenia', status: 'in-progress', sources: [] },
      ];
      return start;
    }

    it('takes the claimant away only from the claims of the actor deleted on the other side', () => {
      const start = claimed();
      const ours = structuredClone(start);
      ours.claims[1].notes = 'Figure from the defence ministry.';
      const theirs = structuredClone(start);
      theirs.actors = theirs.actors.filter((a) => a.id !== 'armenia');
      const { merged, conflicts } = mergeAnnotations(start, ours, theirs);
      assert.deepEqual(conflicts, []);
      assert.deepEqual(
        merged.claims.map((c) => [c.id, c.claimant, c.anchor.quote]),
        [
          ['c1', undefined, 'Kyrgyzstan hosts the CSTO exercise.'],
          ['c2', 'kyrgyzstan', 'Approximately 2,500 personnel are involved.'],
          ['c3', undefined, 'Armenia stays away.'],
        ],
      );
      assert.ok(merged.claims.every((c) => !('claimant' in c) || c.claimant === 'kyrgyzstan'), 'no claim keeps a dangling claimant key');
      assert.equal(merged.claims[1].notes, 'Figure from the defence ministry.');
      assert.equal(merged.claims[2].status, 'in-progress');
      assert.equal(merged.claims[1].verdict, 'true');
    });

    it('leaves every claimant in place when no actor was deleted', () => {
      const start = claimed();
      const theirs = structuredClone(start);
      theirs.actors[0].notes = 'Host country.';
      const { merged } = mergeAnnotations(start, structuredClone(start), theirs);
      assert.deepEqual(merged.claims.map((c) => c.claimant), ['armenia', 'kyrgyzstan', 'armenia']);
      assert.equal(merged.actors[0].notes, 'Host country.');
    });

    it('does not change the claims it keeps a claimant for, nor the sides it was given', () => {
      const start = claimed();
      const ours = structuredClone(start);
      const theirs = structuredClone(start);
      theirs.actors = theirs.actors.filter((a) => a.id !== 'kyrgyzstan');
      const { merged } = mergeAnnotations(start, ours, theirs);
      assert.equal(merged.claims[0], ours.claims[0]);
      assert.equal(merged.claims[2], ours.claims[2]);
      assert.equal(merged.claims[1].claimant, undefined);
      assert.equal(ours.claims[1].claimant, 'kyrgyzstan', 'the caller’s copy keeps its claimant');
    });
  });

  describe('anchors', () => {
    /** A claim and a mention that were orphaned when the article changed. */
    function orphaned(): Annotations {
      const start = base();
      start.claims[0].anchor = { ...start.claims[0].anchor, start: 0, end: 0, orphaned: true };
      start.actors[1].mentions[0] = { ...start.actors[1].mentions[0], start: 0, end: 0, orphaned: true };
      return start;
    }

    it('keeps a re-attachment of a claim made on the other side', () => {
      const start = orphaned();
      const theirs = structuredClone(start);
      const quote = 'Approximately 2,500 personnel are involved.';
      theirs.claims[0].anchor = anchorAt(TEXT, TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length);
      const { merged, conflicts } = mergeAnnotations(start, structuredClone(start), theirs);
      assert.deepEqual(conflicts, []);
      assert.equal(merged.claims[0].anchor.orphaned, undefined);
      assert.deepEqual([merged.claims[0].anchor.start, merged.claims[0].anchor.end], [TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length]);
    });

    it('keeps a re-attachment of a mention made on the other side, and ours of a claim', () => {
      const start = orphaned();
      const theirs = structuredClone(start);
      theirs.actors[1].mentions[0] = anchorAt(TEXT, TEXT.indexOf('Armenia'), TEXT.indexOf('Armenia') + 7);
      const ours = structuredClone(start);
      ours.claims[0].anchor = anchorAt(TEXT, 36, 79);
      const { merged, conflicts } = mergeAnnotations(start, ours, theirs);
      assert.deepEqual(conflicts, []);
      const mention = merged.actors.find((a) => a.id === 'armenia')!.mentions[0];
      assert.deepEqual([mention.start, mention.end, mention.orphaned], [TEXT.indexOf('Armenia'), TEXT.indexOf('Armenia') + 7, undefined]);
      assert.deepEqual([merged.claims[0].anchor.start, merged.claims[0].anchor.orphaned], [36, undefined]);
    });

    it('sees a changed quote, a moved span or an anchor orphaned on one side as a change', () => {
      const start = base();
      const variants: ((a: Annotations) => void)[] = [
        (a) => (a.claims[0].anchor.quote = 'Approximately 2,600 personnel are involved.'),
        (a) => (a.claims[0].anchor.start += 1),
        (a) => (a.claims[0].anchor.end -= 1),
        (a) => (a.claims[0].anchor.orphaned = true),
      ];
      for (const change of variants) {
        const theirs = structuredClone(start);
        change(theirs);
        const { merged, conflicts } = mergeAnnotations(start, structuredClone(start), theirs);
        assert.deepEqual(conflicts, []);
        assert.deepEqual(merged.claims[0].anchor, theirs.claims[0].anchor);
        // Both sides moving it differently is a conflict rather than a silent pick.
        const ours = structuredClone(start);
        ours.claims[0].anchor.start += 2;
        assert.deepEqual(mergeAnnotations(start, ours, theirs).conflicts, ['c1']);
      }
    });
  });

  describe('what each side changed', () => {
    it('sees a change to any part of an actor on the other side', () => {
      const start = base();
      const variants: ((a: Annotations['actors'][number]) => void)[] = [
        (a) => (a.name = 'Kyrgyz Republic'),
        (a) => (a.type = 'location'),
        (a) => (a.aliases = ['Kirghizia']),
        (a) => (a.wikidata = 'Q813'),
        (a) => (a.notes = 'Host.'),
        (a) => a.mentions.push(anchorAt(TEXT, 0, 10)),
        (a) => (a.extra = { brat: 'T1' }),
      ];
      for (const change of variants) {
        const theirs = structuredClone(start);
        change(theirs.actors[0]);
        const { merged, conflicts } = mergeAnnotations(start, structuredClone(start), theirs);
        assert.deepEqual(conflicts, []);
        assert.deepEqual(merged.actors[0], theirs.actors[0]);
      }
    });

    it('sees a change to the aliases an actor already had', () => {
      const start = base();
      start.actors[0].aliases = ['Kirghizia'];
      const theirs = structuredClone(start);
      theirs.actors[0].aliases = ['Kyrgyz Republic'];
      const { merged, conflicts } = mergeAnnotations(start, structuredClone(start), theirs);
      assert.deepEqual(conflicts, []);
      assert.deepEqual(merged.actors[0].aliases, ['Kyrgyz Republic']);
    });

    it('does not see a conflict in an empty list of aliases written where there was none', () => {
      const start = base();
      const theirs = structuredClone(start);
      theirs.actors[0].aliases = [];
      const ours = structuredClone(start);
      ours.actors[0].notes = 'Host country.';
      const { merged, conflicts } = mergeAnnotations(start, ours, theirs);
      assert.deepEqual(conflicts, []);
      assert.equal(merged.actors[0].notes, 'Host country.');
    });

    it('sees a change to any part of a claim on the other side', () => {
      const start = base();
      const variants: ((c: Annotations['claims'][number]) => void)[] = [
        (c) => (c.claimant = 'armenia'),
        (c) => (c.status = 'checked'),
        (c) => (c.verdict = 'false'),
        (c) => c.sources.push({ url: 'https://example.org/mod' }),
        (c) => (c.notes = 'Ask the ministry.'),
        (c) => (c.extra = { brat: 'T9' }),
      ];
      for (const change of variants) {
        const ours = structuredClone(start);
        change(ours.claims[0]);
        const { merged, conflicts } = mergeAnnotations(start, ours, structuredClone(start));
        assert.deepEqual(conflicts, []);
        assert.deepEqual(merged.claims[0], ours.claims[0]);
      }
    });

    it('takes the article details from the side that changed them', () => {
      const start = base();
      const theirs = structuredClone(start);
      theirs.article.url = 'https://news.example.com/csto';
      assert.equal(mergeAnnotations(start, structuredClone(start), theirs).merged.article.url, 'https://news.example.com/csto');
      const ours = structuredClone(start);
      ours.article.title = 'CSTO exercise';
      const both = mergeAnnotations(start, ours, theirs).merged.article;
      assert.deepEqual(both, { file: 'csto.txt', title: 'CSTO exercise' });
    });

    it('keeps our rejected suggestions and extra data', () => {
      const start = base();
      const ours = structuredClone(start);
      ours.suggestions = { rejected: { actors: ['bishkek'] } };
      ours.extra = { brat: { relations: [] } };
      const { merged } = mergeAnnotations(start, ours, structuredClone(start));
      assert.deepEqual(merged.suggestions, { rejected: { actors: ['bishkek'] } });
      assert.deepEqual(merged.extra, { brat: { relations: [] } });
    });

    it('lists annotations in their order on disk, then ours that are new', () => {
      const start = base();
      const theirs = structuredClone(start);
      theirs.actors.reverse();
      theirs.actors.push({ id: 'csto', name: 'CSTO', type: 'organisation', mentions: [] });
      const ours = structuredClone(start);
      ours.actors.unshift({ id: 'russia', name: 'Russia', type: 'country', mentions: [] });
      const { merged } = mergeAnnotations(start, ours, theirs);
      assert.deepEqual(merged.actors.map((a) => a.id), ['armenia', 'kyrgyzstan', 'csto', 'russia']);
    });

    it('reports an annotation deleted on one side and changed on the other, keeping the changed one', () => {
      const start = base();
      const ours = structuredClone(start);
      ours.claims[0].verdict = 'mostly-true';
      const theirs = structuredClone(start);
      theirs.claims = [];
      const kept = mergeAnnotations(start, ours, theirs);
      assert.deepEqual(kept.conflicts, ['c1']);
      assert.equal(kept.merged.claims[0].verdict, 'mostly-true');
      const back = mergeAnnotations(start, theirs, ours);
      assert.deepEqual(back.conflicts, ['c1']);
      assert.equal(back.merged.claims[0].verdict, 'mostly-true');
    });

    it('drops an annotation deleted on both sides, or deleted on one and left alone on the other', () => {
      const start = base();
      const gone = structuredClone(start);
      gone.claims = [];
      assert.deepEqual(mergeAnnotations(start, gone, structuredClone(gone)).merged.claims, []);
      assert.deepEqual(mergeAnnotations(start, structuredClone(start), gone).merged.claims, []);
      assert.deepEqual(mergeAnnotations(start, gone, structuredClone(start)).merged.claims, []);
    });
  });
});
