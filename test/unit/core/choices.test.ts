// What the pickers offer and which row Enter takes: the actor a selection is, the claimant, the orphan a selection re-attaches, the verdict.

import assert from 'node:assert/strict';
import { actorChoices, actorMatch, alreadyMarked, claimantChoices, otherActorsAt, reattachChange, reattachChoices, verdictChoices } from '../../../src/core/choices';
import { anchorAt, type Annotations } from '../../../src/core/model';
import type { AnnotationRef } from '../../../src/core/operations';

const TEXT = 'Nikol Pashinyan said Armenia froze its part. Pashinyan added that Russia and Tajikistan disagreed. Many experts doubt it.';
const at = (s: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = TEXT.indexOf(s, i + 1);
  return anchorAt(TEXT, i, i + s.length);
};

function article(): Annotations {
  return {
    article: { file: 'a.txt' },
    actors: [
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [at('Armenia')] },
      { id: 'nikol-pashinyan', name: 'Nikol Pashinyan', type: 'person', aliases: ['PM Pashinyan'], mentions: [at('Nikol Pashinyan')] },
      { id: 'tajikistan', name: 'Tajikistan', type: 'country', mentions: [{ ...at('Tajikistan'), orphaned: true }] },
      { id: 'russia', name: 'Russia', type: 'country', mentions: [{ ...at('Russia'), orphaned: true }] },
    ],
    claims: [{ id: 'c1', anchor: at('Armenia froze its part.'), status: 'checked', verdict: 'true', sources: [] }],
  };
}

describe('choices', () => {
  describe('Mark Actor', () => {
    it('takes the existing actor when the selection is part of its name', () => {
      const a = article();
      const span = at('Pashinyan', 1);
      const { items, active } = actorChoices(a, 'Pashinyan', span);
      assert.deepEqual(items[active].value, { actor: 'nikol-pashinyan' });
      assert.match(items[0].label, /^New actor “Pashinyan”/);
    });

    it('takes the actor whose mention the selection already is, and says so', () => {
      const a = article();
      const { items, active } = actorChoices(a, 'Armenia', at('Armenia'));
      assert.deepEqual(items[active].value, { actor: 'armenia' });
      assert.match(items[active].description ?? '', /already marked here/);
    });

    it('takes "new actor" for a name no actor has, and ranks partial matches below exact ones', () => {
      const a = article();
      assert.equal(actorChoices(a, 'Many experts', at('Many experts')).active, 0);
      assert.ok(actorMatch(a.actors[1], 'Nikol Pashinyan') > actorMatch(a.actors[1], 'Pashinyan'));
      assert.ok(actorMatch(a.actors[1], 'Pashinyan') > actorMatch(a.actors[1], 'Pashin'));
      assert.equal(actorMatch(a.actors[0], 'Russia'), 0);
    });

    it('finds a span already marked for another actor, and the same span marked for the same one', () => {
      const a = article();
      const span = at('Armenia');
      assert.deepEqual(otherActorsAt(a, span, 'nikol-pashinyan').map((x) => x.id), ['armenia']);
      assert.deepEqual(otherActorsAt(a, span, 'armenia'), []);
      assert.equal(alreadyMarked(a.actors[0], span), true);
      assert.equal(alreadyMarked(a.actors[1], span), false);
    });
  });

  describe('claimant', () => {
    it('offers a new actor for a typed name that is no actor’s, and not for one that is', () => {
      const a = article();
      const span = at('Many experts doubt it.');
      const typed = claimantChoices(a, span, 'Many experts');
      assert.deepEqual(typed[typed.length - 1].value, { newActor: 'Many experts' });
      assert.match(typed[typed.length - 1].label, /^New actor “Many experts”/);
      assert.ok(!claimantChoices(a, span, 'pm pashinyan').some((c) => c.value && 'newActor' in c.value));
      assert.ok(!claimantChoices(a, span, '').some((c) => c.value && 'newActor' in c.value));
    });

    it('lists the article itself first, then actors nearest the claim', () => {
      const a = article();
      const items = claimantChoices(a, at('Armenia froze its part.'));
      assert.deepEqual(items[0].value, { claimant: null });
      assert.deepEqual(items[1].value, { actor: 'armenia' });
    });
  });

  describe('Re-attach', () => {
    const refs = (a: Annotations): AnnotationRef[] => [
      { kind: 'mention', actor: a.actors[2], mention: a.actors[2].mentions[0] },
      { kind: 'mention', actor: a.actors[3], mention: a.actors[3].mentions[0] },
    ];

    it('puts the orphans whose quote is the selection first', () => {
      const a = article();
      const items = reattachChoices(refs(a), 'Russia');
      assert.equal(items[0].label, 'Mention of Russia');
      assert.equal(items[0].detail, undefined, 'same text: nothing to warn about');
      assert.equal(items[1].label, 'Mention of Tajikistan');
      assert.equal(items[1].detail, 'The text of the mention of Tajikistan changes from “Tajikistan” to “Russia”.');
    });

    it('says what changes only when the text differs from the quote', () => {
      const a = article();
      const [tajikistan] = refs(a);
      assert.equal(reattachChange(tajikistan, 'Tajikistan'), undefined);
      assert.match(reattachChange(tajikistan, 'Russia') ?? '', /from “Tajikistan” to “Russia”/);
    });
  });

  describe('Set Verdict', () => {
    const scale = [
      { id: 'true', label: 'True', ratingValue: 5 },
      { id: 'false', label: 'False', ratingValue: 1 },
      { id: 'unproven', label: 'Unproven', ratingValue: 0 },
    ];

    it('does not call a verdict off the scale "rated 0"', () => {
      const a = article();
      const items = verdictChoices(scale, a.claims[0], a.claims, { best: 5, worst: 1 });
      assert.equal(items[0].detail, 'Rated 5 of 5');
      assert.equal(items[2].detail, 'Not rated on the 1–5 scale');
      assert.ok(!items.some((i) => /\b0\b/.test(i.detail ?? '')));
    });

    it('marks the current verdict and offers to clear it', () => {
      const a = article();
      const items = verdictChoices(scale, a.claims[0], a.claims, { best: 5, worst: 1 });
      assert.equal(items[0].description, 'current · 1 in this article');
      assert.equal(items[items.length - 1].value, null);
    });
  });
});
