// Tests of the operations on annotations: marking, reviewing, removing, re-attaching; and those behind Merge Actors, Rename Symbol and Set Wikidata Id.

import assert from 'node:assert/strict';
import { anchorAt, anchorState, type Annotations, emptyAnnotations } from '../../../src/core/model';
import * as ops from '../../../src/core/operations';
import { mergeActors, renameActor, setWikidata, wikidataIdFrom } from '../../../src/core/operations';

const ARTICLE = 'Nikol Pashinyan met the press. Pashinyan said Armenia would not attend. The prime minister left early.\n';

function on(quote: string, from = 0) {
  const at = ARTICLE.indexOf(quote, from);
  assert.ok(at >= 0, quote);
  return anchorAt(ARTICLE, at, at + quote.length);
}

function twoPashinyans(): Annotations {
  return {
    article: { file: 'press.txt' },
    actors: [
      { id: 'nikol-pashinyan', name: 'Nikol Pashinyan', type: 'person', mentions: [on('Nikol Pashinyan')], notes: 'Prime minister since 2018.' },
      {
        id: 'pashinyan',
        name: 'Pashinyan',
        type: 'person',
        aliases: ['the prime minister'],
        wikidata: 'Q7035',
        mentions: [on('Pashinyan', 20), on('The prime minister')],
        notes: 'Check the quote against the video.',
      },
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [on('Armenia')] },
    ],
    claims: [
      { id: 'c1', anchor: on('Armenia would not attend'), claimant: 'pashinyan', status: 'unchecked', sources: [] },
      { id: 'c2', anchor: on('left early'), status: 'unchecked', sources: [] },
    ],
  };
}

describe('actor operations', () => {
  describe('mergeActors', () => {
    it('moves mentions, names, Wikidata id, notes and claims to the actor kept', () => {
      const annotations = twoPashinyans();
      const kept = mergeActors(annotations, 'pashinyan', 'nikol-pashinyan');
      assert.deepEqual(annotations.actors.map((a) => a.id), ['nikol-pashinyan', 'armenia']);
      assert.equal(kept.name, 'Nikol Pashinyan');
      assert.deepEqual(kept.mentions.map((m) => m.quote), ['Nikol Pashinyan', 'Pashinyan', 'The prime minister']);
      assert.deepEqual(kept.aliases, ['Pashinyan', 'the prime minister']);
      assert.equal(kept.wikidata, 'Q7035');
      assert.equal(kept.notes, 'Prime minister since 2018.\n\nCheck the quote against the video.');
      assert.equal(annotations.claims[0].claimant, 'nikol-pashinyan');
      assert.equal(annotations.claims[1].claimant, undefined);
    });

    it('does not mark the same span twice', () => {
      const annotations = twoPashinyans();
      annotations.actors[1].mentions.push(on('Nikol Pashinyan'));
      const kept = mergeActors(annotations, 'pashinyan', 'nikol-pashinyan');
      assert.equal(kept.mentions.filter((m) => m.quote === 'Nikol Pashinyan').length, 1);
    });

    it('refuses actors linked to different Wikidata items, and unknown or identical ids', () => {
      const annotations = twoPashinyans();
      annotations.actors[0].wikidata = 'Q1';
      assert.throws(() => mergeActors(annotations, 'pashinyan', 'nikol-pashinyan'), /different Wikidata items/);
      assert.throws(() => mergeActors(annotations, 'pashinyan', 'nobody'), /No actor has the id "nobody"/);
      assert.throws(() => mergeActors(annotations, 'armenia', 'armenia'), /two different actors/);
      assert.equal(annotations.actors.length, 3, 'nothing changes when a merge is refused');
    });
  });

  describe('renameActor', () => {
    it('changes the name, keeps the id, and drops an alias that became the name', () => {
      const annotations = twoPashinyans();
      const actor = annotations.actors[1];
      renameActor(actor, '  The   prime minister ');
      assert.equal(actor.name, 'The prime minister');
      assert.equal(actor.id, 'pashinyan');
      assert.equal(actor.aliases, undefined);
      assert.throws(() => renameActor(actor, '   '), /cannot be empty/);
    });
  });

  describe('Wikidata ids', () => {
    it('reads an id from what is typed or pasted', () => {
      assert.equal(wikidataIdFrom('Q7035'), 'Q7035');
      assert.equal(wikidataIdFrom(' q42 '), 'Q42');
      assert.equal(wikidataIdFrom('https://www.wikidata.org/wiki/Q7035'), 'Q7035');
      assert.equal(wikidataIdFrom('https://www.wikidata.org/entity/Q7035#sitelinks'), 'Q7035');
      assert.equal(wikidataIdFrom('Q0'), undefined);
      assert.equal(wikidataIdFrom('https://en.wikipedia.org/wiki/Q42'), undefined);
    });

    it('links, relinks and unlinks an actor', () => {
      const actor = twoPashinyans().actors[0];
      setWikidata(actor, 'https://www.wikidata.org/wiki/Q7035');
      assert.equal(actor.wikidata, 'Q7035');
      assert.throws(() => setWikidata(actor, 'Pashinyan'), /is not a Wikidata id/);
      assert.equal(actor.wikidata, 'Q7035');
      setWikidata(actor, '');
      assert.equal('wikidata' in actor, false);
    });
  });
});

const TEXT =
  'Armenia’s Prime Minister, Nikol Pashinyan, has expressed reservations about the CSTO. ' +
  'Approximately 2,500 personnel are involved. Pashinyan’s government looks West.\r\n' +
  'Pashinyanism is not a word. Mr. Pashinyan spoke on Monday.';

describe('operations', () => {
  it('marks a mention of a new actor with a readable unique id, then of the same actor', () => {
    const ann = emptyAnnotations('a.txt');
    const s = TEXT.indexOf('Nikol Pashinyan');
    const actor = ops.markMention(ann, TEXT, s, s + 15, { name: 'Nikol Pashinyan', type: 'person' });
    assert.equal(actor.id, 'nikol-pashinyan');
    const t = TEXT.indexOf('Pashinyan’s');
    ops.markMention(ann, TEXT, t, t + 9, 'nikol-pashinyan');
    ops.markMention(ann, TEXT, t, t + 9, 'nikol-pashinyan');
    assert.deepEqual(actor.mentions.map((m) => m.quote), ['Nikol Pashinyan', 'Pashinyan']);
    const other = ops.markMention(ann, TEXT, 0, 7, { name: 'Nikol  Pashinyan!', type: 'person' });
    assert.equal(other.id, 'nikol-pashinyan-2');
    assert.throws(() => ops.markMention(ann, TEXT, 0, 7, 'nobody'), /No actor has the id "nobody"/);
  });

  it('marks a claim as unchecked, attributed to an actor or to the article', () => {
    const ann = emptyAnnotations('a.txt');
    const s = TEXT.indexOf('Approximately');
    const e = TEXT.indexOf('involved.') + 9;
    const byArticle = ops.markClaim(ann, TEXT, s, e);
    assert.equal(byArticle.status, 'unchecked');
    assert.equal(byArticle.claimant, undefined);
    assert.equal(byArticle.anchor.quote, 'Approximately 2,500 personnel are involved.');
    assert.throws(() => ops.markClaim(ann, TEXT, s, e, 'nobody'), /No actor/);
  });

  it('setting a verdict checks the claim; clearing it leaves the status', () => {
    const ann = emptyAnnotations('a.txt');
    const claim = ops.markClaim(ann, TEXT, 0, 7);
    ops.setVerdict(claim, 'false');
    assert.equal(claim.status, 'checked');
    ops.setVerdict(claim, undefined);
    assert.equal(claim.verdict, undefined);
    assert.equal(claim.status, 'checked');
  });

  it('accepts only http and https sources, with a message in plain words', () => {
    assert.equal(ops.checkSourceUrl('https://example.org/a'), undefined);
    assert.match(ops.checkSourceUrl('ftp://example.org/a') ?? '', /Only http:\/\/ and https:\/\//);
    assert.match(ops.checkSourceUrl('javascript:alert(1)') ?? '', /Only http/);
    assert.match(ops.checkSourceUrl('example.org') ?? '', /is not a web address/);
    assert.match(ops.checkSourceUrl('  ') ?? '', /Enter the web address/);
    const claim = ops.markClaim(emptyAnnotations('a.txt'), TEXT, 0, 7);
    assert.throws(() => ops.addSource(claim, { url: 'https://example.org', archived: 'file:///etc/passwd' }), /Only http/);
    assert.deepEqual(claim.sources, []);
    ops.addSource(claim, { url: ' https://example.org/x ', title: ' Report ', accessed: '2026-11-28' });
    assert.deepEqual(claim.sources, [{ url: 'https://example.org/x', title: 'Report', accessed: '2026-11-28' }]);
  });

  it('marks all other whole-word mentions by name, alias and marked text, skipping marked spans', () => {
    const ann = emptyAnnotations('a.txt');
    const s = TEXT.indexOf('Nikol Pashinyan');
    const actor = ops.markMention(ann, TEXT, s, s + 15, { name: 'Nikol Pashinyan', type: 'person' });
    actor.aliases = ['Pashinyan'];
    const added = ops.markAllMentions(ann, TEXT, actor);
    // "Pashinyan’s" and "Mr. Pashinyan" count; "Pashinyanism" is another word; the name itself is marked.
    assert.equal(added, 2);
    assert.deepEqual(
      actor.mentions.map((m) => TEXT.slice(m.start - 4, m.end + 1)),
      ['er, Nikol Pashinyan,', 'ed. Pashinyan’', 'Mr. Pashinyan '],
    );
    assert.equal(ops.markAllMentions(ann, TEXT, actor), 0);
  });

  it('finds the innermost annotation at a position', () => {
    const ann = emptyAnnotations('a.txt');
    const claim = ops.markClaim(ann, TEXT, 0, TEXT.indexOf('.') + 1);
    const s = TEXT.indexOf('Nikol Pashinyan');
    ops.markMention(ann, TEXT, s, s + 15, { name: 'Nikol Pashinyan', type: 'person' });
    const refs = ops.annotationsAt(ann, s + 3);
    assert.deepEqual(refs.map((r) => r.kind), ['mention', 'claim']);
    assert.equal(ops.claimAt(ann, s + 3), claim);
    assert.deepEqual(ops.annotationsAt(ann, TEXT.length - 2), []);
  });

  it('removing an actor removes its mentions and gives its claims to the article', () => {
    const ann = emptyAnnotations('a.txt');
    const actor = ops.markMention(ann, TEXT, 0, 7, { name: 'Armenia', type: 'country' });
    const claim = ops.markClaim(ann, TEXT, 10, 20, actor.id);
    ops.removeAnnotation(ann, { kind: 'actor', actor });
    assert.deepEqual(ann.actors, []);
    assert.equal(claim.claimant, undefined);
  });

  it('finds the sentence around the cursor within its line, trimmed', () => {
    const at = TEXT.indexOf('2,500');
    const span = ops.sentenceAround(TEXT, at)!;
    assert.equal(TEXT.slice(span.start, span.end), 'Approximately 2,500 personnel are involved.');
    const last = ops.sentenceAround(TEXT, TEXT.indexOf('Monday'))!;
    assert.equal(TEXT.slice(last.start, last.end), 'Mr. Pashinyan spoke on Monday.');
    // The CRLF ends a paragraph: the sentence before it does not run on into the next line.
    const west = ops.sentenceAround(TEXT, TEXT.indexOf('West'))!;
    assert.equal(TEXT.slice(west.start, west.end), 'Pashinyan’s government looks West.');
  });

  it('re-attaches by hand and accepts new wording, clearing orphaned and changed states', () => {
    const anchor = anchorAt(TEXT, 0, 7);
    anchor.orphaned = true;
    const s = TEXT.indexOf('CSTO');
    ops.reattachTo(anchor, TEXT, s, s + 4);
    assert.equal(anchorState(anchor, TEXT), 'attached');
    assert.equal(anchor.quote, 'CSTO');
    const edited = TEXT.replace('CSTO', 'C.S.T.O.');
    anchor.end += 4;
    assert.equal(anchorState(anchor, edited), 'changed');
    ops.acceptWording(anchor, edited);
    assert.equal(anchor.quote, 'C.S.T.O.');
    assert.equal(anchorState(anchor, edited), 'attached');
  });

  it('trims whitespace off selections', () => {
    assert.deepEqual(ops.trimSpan('  Armenia \n', 0, 11), { start: 2, end: 9 });
    assert.deepEqual(ops.trimSpan('   ', 0, 3), { start: 3, end: 3 });
  });
});
