import * as assert from 'node:assert/strict';
import { mergeFields } from '../../../src/core/fieldMerge';
import { type Actor, type Annotations, anchorAt, type Claim } from '../../../src/core/model';

const text = 'Nikol Pashinyan said Armenia would not take part. Russia sent 2,500 troops to Belarus. Belarus hosted the drills.';
const at = (quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  assert.ok(start >= 0, quote);
  return anchorAt(text, start, start + quote.length);
};
const actor = (id: string, name: string, ...quotes: string[]): Actor => ({ id, name, type: 'country', mentions: quotes.map((q) => at(q)) });
const claim = (id: string, quote: string, extra: Partial<Claim> = {}): Claim => ({ id, anchor: at(quote), status: 'unchecked', sources: [], ...extra });

function base(): Annotations {
  return {
    article: { file: 'a.txt', sha256: 'a'.repeat(64) },
    actors: [actor('armenia', 'Armenia', 'Armenia'), actor('russia', 'Russia', 'Russia')],
    claims: [claim('c1', 'Russia sent 2,500 troops', { claimant: 'russia' }), claim('c2', 'Armenia would not take part', { claimant: 'armenia' })],
  };
}
const copy = () => structuredClone(base());

describe('mergeFields', () => {
  it('combines changes to different fields of the same claim without a conflict', () => {
    const ours = copy();
    ours.claims[0].verdict = 'false';
    const theirs = copy();
    theirs.claims[0].notes = 'Ministry figure';
    theirs.claims[0].sources.push({ url: 'https://example.org/a' });
    const { merged, conflicts } = mergeFields(base(), ours, theirs);
    assert.deepEqual(conflicts, []);
    assert.equal(merged.claims[0].verdict, 'false');
    assert.equal(merged.claims[0].notes, 'Ministry figure');
    assert.deepEqual(merged.claims[0].sources, [{ url: 'https://example.org/a' }]);
  });

  it('reports one field changed two ways as a conflict with all three values, keeping ours', () => {
    const ours = copy();
    ours.claims[1].verdict = 'false';
    const theirs = copy();
    theirs.claims[1].verdict = 'mostly-false';
    theirs.claims[0].status = 'checked';
    const { merged, conflicts } = mergeFields(base(), ours, theirs);
    assert.deepEqual(conflicts, [{ kind: 'claim', id: 'c2', field: 'verdict', base: undefined, ours: 'false', theirs: 'mostly-false' }]);
    assert.equal(merged.claims[1].verdict, 'false');
    assert.equal(merged.claims[0].status, 'checked');
  });

  it('keeps both claims when both sides add one under the same new id, renumbering theirs', () => {
    const ours = copy();
    ours.claims.push(claim('c3', 'Belarus hosted the drills'));
    const theirs = copy();
    theirs.claims.push(claim('c3', 'Russia sent 2,500 troops to Belarus'));
    const { merged, conflicts, renumbered } = mergeFields(base(), ours, theirs);
    assert.deepEqual(conflicts, []);
    assert.deepEqual(renumbered, [{ kind: 'claim', from: 'c3', to: 'c4' }]);
    assert.deepEqual(
      merged.claims.map((c) => [c.id, c.anchor.quote]),
      [
        ['c1', 'Russia sent 2,500 troops'],
        ['c2', 'Armenia would not take part'],
        ['c3', 'Belarus hosted the drills'],
        ['c4', 'Russia sent 2,500 troops to Belarus'],
      ],
    );
  });

  it('follows a renumbered actor into the claims that name it as claimant', () => {
    const ours = copy();
    ours.actors.push(actor('belarus', 'Belarus', 'Belarus'));
    const theirs = copy();
    theirs.actors.push({ ...actor('belarus', 'Belarus', 'Belarus'), type: 'location' });
    theirs.claims.push(claim('c3', 'Belarus hosted the drills', { claimant: 'belarus' }));
    const { merged } = mergeFields(base(), ours, theirs);
    const renamed = merged.actors.find((a) => a.id !== 'belarus' && a.name === 'Belarus');
    assert.ok(renamed, 'their Belarus is kept under a new id');
    assert.equal(merged.claims.find((c) => c.id === 'c3')?.claimant, renamed.id);
  });

  it('keeps one copy when both sides added the same annotation', () => {
    const ours = copy();
    ours.claims.push(claim('c3', 'Belarus hosted the drills'));
    const theirs = structuredClone(ours);
    const { merged, renumbered } = mergeFields(base(), ours, theirs);
    assert.equal(merged.claims.length, 3);
    assert.deepEqual(renumbered, []);
  });

  it('merges mentions as sets: both sides’ additions kept, one side’s removal applied', () => {
    const b = copy();
    b.actors[1].mentions.push(at('Russia', 10));
    const ours = structuredClone(b);
    ours.actors[0].mentions.push(at('would not'));
    ours.actors[1].mentions.pop();
    const theirs = structuredClone(b);
    theirs.actors[0].mentions.push(at('Pashinyan'));
    const { merged, conflicts } = mergeFields(b, ours, theirs);
    assert.deepEqual(conflicts, []);
    assert.equal(merged.actors[0].mentions.length, 3);
    assert.equal(merged.actors[1].mentions.length, 1);
  });

  it('removes an annotation one side deleted and the other left alone, and keeps one the other side changed', () => {
    const ours = copy();
    ours.claims = ours.claims.filter((c) => c.id !== 'c1');
    ours.claims[0].verdict = 'true';
    const theirs = copy();
    theirs.claims = theirs.claims.filter((c) => c.id !== 'c2');
    const { merged, conflicts } = mergeFields(base(), ours, theirs);
    assert.deepEqual(merged.claims.map((c) => c.id), ['c2']);
    assert.deepEqual(conflicts, [{ kind: 'claim', id: 'c2', field: 'deleted', ours: 'changed', theirs: 'deleted' }]);
  });

  it('leaves only the claims of a removed claimant to the article', () => {
    const ours = copy();
    ours.claims[0].status = 'in-progress';
    const theirs = copy();
    theirs.actors = theirs.actors.filter((a) => a.id !== 'armenia');
    theirs.claims[1] = { ...theirs.claims[1] };
    const { merged } = mergeFields(base(), ours, theirs);
    assert.equal(merged.claims[0].claimant, 'russia');
    assert.equal(merged.claims[0].status, 'in-progress');
    assert.equal(merged.claims[1].claimant, undefined);
    assert.equal(merged.claims[1].anchor.quote, 'Armenia would not take part');
  });

  it('keeps a re-attachment made on one side', () => {
    const ours = copy();
    ours.claims[0].anchor = at('Russia sent 2,500 troops to Belarus');
    const { merged } = mergeFields(base(), ours, copy());
    assert.equal(merged.claims[0].anchor.quote, 'Russia sent 2,500 troops to Belarus');
    const { merged: back } = mergeFields(base(), copy(), ours);
    assert.equal(back.claims[0].anchor.quote, 'Russia sent 2,500 troops to Belarus');
  });

  it('reports the article’s title changed two ways, and keeps our sha256 so a merged article is re-anchored', () => {
    const ours = copy();
    ours.article.title = 'Drills in Belarus';
    ours.article.sha256 = 'b'.repeat(64);
    const theirs = copy();
    theirs.article.title = 'CSTO exercise';
    theirs.article.sha256 = 'c'.repeat(64);
    const { merged, conflicts } = mergeFields(base(), ours, theirs);
    assert.equal(merged.article.sha256, 'b'.repeat(64));
    assert.deepEqual(conflicts.map((c) => [c.kind, c.field]), [['article', 'title']]);
  });
});
