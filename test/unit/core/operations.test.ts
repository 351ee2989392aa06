// Tests of the actor operations behind Merge Actors, Rename Symbol and Set Wikidata Id.

import assert from 'node:assert/strict';
import { anchorAt, type Annotations } from '../../../src/core/model';
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
