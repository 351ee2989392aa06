// Tests of suggested actors and claims: attribution, gazetteer hits, rejections remembered, exact offsets, and compromise loaded only on demand.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { attributionOf, suggestActors, suggestAll, suggestClaims, type KnownActor } from '../../../src/core/suggest';

const EVAL = join(__dirname, '../../../../test/fixtures/eval');
const OUT_CORE = join(__dirname, '../../../src/core');

/** The claimant and cue `attributionOf` finds, with its offsets checked against the sentence. */
function attributed(sentence: string): { claimant: string; cue: string } | undefined {
  const found = attributionOf(sentence);
  if (!found) {
    return undefined;
  }
  assert.equal(sentence.slice(found.start, found.end), found.claimant, 'the offsets point at the claimant');
  return { claimant: found.claimant, cue: found.cue };
}

const ARTICLE = [
  'Armenia’s Absence Raises Eyebrows at CSTO Training',
  'By Anahit Sargsyan, Reuters',
  '',
  'BISHKEK, Sept. 19 (Reuters) — Kyrgyzstan is hosting a military exercise of the Collective Security Treaty Organization (CSTO) this week, with about 2,500 troops taking part.',
  'Armenia’s Prime Minister, Nikol Pashinyan, has expressed reservations about the CSTO’s effectiveness. Pashinyan said in March that the alliance had failed to protect Armenia in 2022.',
  '“We will not take part in exercises this year,” he told reporters in Yerevan.',
  'The exercise is meant to show unity.',
].join('\n');

describe('suggest', () => {
  describe('attributionOf', () => {
    it('finds the claimant before “said”, without the title', () => {
      assert.deepEqual(attributed('Finance Minister Vahe Hovhannisyan said military outlays would grow by 21%.'), {
        claimant: 'Vahe Hovhannisyan',
        cue: 'said',
      });
    });

    it('finds the claimant after an inverted “said”', () => {
      assert.deepEqual(attributed('“We will not go,” said Maria Zakharova, a spokeswoman for the ministry.'), {
        claimant: 'Maria Zakharova',
        cue: 'said',
      });
    });

    it('finds the claimant after “according to”', () => {
      assert.deepEqual(attributed('Public debt reached 48% of GDP at the end of June, according to the Central Bank of Armenia.'), {
        claimant: 'Central Bank of Armenia',
        cue: 'according to',
      });
    });

    it('finds the claimant who “told reporters”', () => {
      assert.deepEqual(attributed('Osh regional governor Talant Asanov told reporters that 17 bridges had been swept away.'), {
        claimant: 'Talant Asanov',
        cue: 'told',
      });
    });

    it('finds the claimant who “has expressed reservations”, named between commas', () => {
      assert.deepEqual(
        attributed('This development comes amid political changes in Armenia, wherein the country’s Prime Minister, Nikol Pashinyan, has expressed reservations about the CSTO’s effectiveness.'),
        { claimant: 'Nikol Pashinyan', cue: 'has expressed reservations' },
      );
    });

    it('skips a description set off by commas', () => {
      assert.deepEqual(attributed('Nino Beridze, a paediatrician in Kutaisi, said parents still distrusted vaccines.'), {
        claimant: 'Nino Beridze',
        cue: 'said',
      });
    });

    it('reads curly and straight quotations alike', () => {
      const curly = attributed('“We are spending more on security than at any time in our history,” Hovhannisyan said.');
      const straight = attributed('"We are spending more on security than at any time in our history," Hovhannisyan said.');
      assert.deepEqual(curly, { claimant: 'Hovhannisyan', cue: 'said' });
      assert.deepEqual(straight, curly);
    });

    it('reports pronouns and descriptions as such, so they are not taken for actors', () => {
      const pronoun = attributionOf('“The government is borrowing to pay for weapons,” she said.');
      assert.equal(pronoun?.claimant, 'she');
      assert.equal(pronoun?.pronoun, true);
      const described = attributionOf('Heavy rain swept away 17 bridges, officials said.');
      assert.equal(described?.claimant, 'officials');
      assert.equal(described?.named, false);
    });

    it('finds nothing in a sentence that attributes nothing', () => {
      assert.equal(attributionOf('Approximately 2,500 personnel are involved in the exercises.'), undefined);
      assert.equal(attributionOf('Member states of the CSTO held drills in Kyrgyzstan.'), undefined);
    });
  });

  describe('suggestActors', () => {
    const actors = suggestActors(ARTICLE);
    const named = (name: string) => actors.filter((a) => a.name === name);

    it('types people, organisations and countries, and files surnames and acronyms under the full name', () => {
      assert.equal(named('Nikol Pashinyan')[0]?.type, 'person');
      assert.deepEqual(
        named('Nikol Pashinyan').map((a) => a.text),
        ['Nikol Pashinyan', 'Pashinyan'],
      );
      assert.equal(named('Collective Security Treaty Organization')[0]?.type, 'organisation');
      assert.deepEqual(
        named('Collective Security Treaty Organization').map((a) => a.text),
        ['CSTO', 'Collective Security Treaty Organization', 'CSTO', 'CSTO'],
      );
      assert.ok(named('Kyrgyzstan').every((a) => a.type === 'country'));
      assert.ok(named('Armenia').every((a) => a.type === 'country'));
      assert.ok(actors.every((a) => a.reason.length > 0 && a.source === 'nlp'));
    });

    it('takes no name from headline capitals, the byline or the dateline', () => {
      const texts = actors.map((a) => a.text);
      for (const word of ['Absence', 'Raises', 'Eyebrows', 'Training', 'Anahit Sargsyan', 'Reuters', 'BISHKEK']) {
        assert.ok(!texts.includes(word), `${word} is not suggested`);
      }
      assert.equal(actors[0].text, 'Armenia', 'the headline’s country is');
    });

    it('leaves a possessive out of the span', () => {
      for (const a of actors) {
        assert.ok(!/['’]s$/.test(a.text), a.text);
      }
      assert.ok(named('Armenia').length >= 3);
    });

    it('finds known actors by name and alias, with their id, whatever the apostrophe', () => {
      const known: KnownActor[] = [
        { id: 'csto', name: 'Collective Security Treaty Organization', aliases: ['CSTO', 'the alliance'], type: 'organisation' },
        { id: 'obrien', name: "Kevin O'Brien", aliases: ["O'Brien"], type: 'person' },
      ];
      const text = 'O’Brien said the alliance would meet. The CSTO’s drills began on Monday.';
      const hits = suggestActors(text, { known }).filter((a) => a.source === 'gazetteer');
      assert.deepEqual(
        hits.map((a) => [a.text, a.actorId, a.name]),
        [
          ['O’Brien', 'obrien', "Kevin O'Brien"],
          ['the alliance', 'csto', 'Collective Security Treaty Organization'],
          ['CSTO', 'csto', 'Collective Security Treaty Organization'],
        ],
      );
      assert.match(hits[1].reason, /alias/);
    });

    it('remembers rejections: a rejected text or name is not suggested again, however it is written', () => {
      const rejected = suggestActors(ARTICLE, { rejected: ['pashinyan’s', 'The CSTO'] });
      assert.ok(!rejected.some((a) => a.text === 'Pashinyan'));
      assert.ok(!rejected.some((a) => a.text === 'CSTO'));
      assert.ok(rejected.some((a) => a.text === 'Nikol Pashinyan'), 'the full name was not rejected');
      const byName = suggestActors(ARTICLE, { rejected: ['Nikol Pashinyan'] });
      assert.ok(!byName.some((a) => a.name === 'Nikol Pashinyan'), 'rejecting the actor drops its surname too');
    });

    it('does not suggest what is already marked', () => {
      const at = ARTICLE.indexOf('Nikol Pashinyan');
      const left = suggestActors(ARTICLE, { existingMentions: [{ start: at, end: at + 'Nikol Pashinyan'.length }] });
      assert.ok(!left.some((a) => a.start === at));
      assert.equal(left.length, actors.length - 1);
    });

    it('gives exact UTF-16 offsets after emoji and Windows line ends', () => {
      const text = 'Drills Begin\r\n\r\n👩‍👩‍👧 Families 😀 watched as Nikol Pashinyan met officials of the Collective Security Treaty Organization in Yerevan.\r\n';
      const found = suggestActors(text);
      for (const a of found) {
        assert.equal(text.slice(a.start, a.end), a.text);
      }
      const pashinyan = found.find((a) => a.text === 'Nikol Pashinyan');
      assert.equal(pashinyan?.start, text.indexOf('Nikol Pashinyan'));
      const csto = found.find((a) => a.text === 'Collective Security Treaty Organization');
      assert.equal(csto?.start, text.indexOf('Collective'));
    });

    it('returns spans that hold their text for every evaluation article', () => {
      for (const file of readdirSync(EVAL).filter((f) => f.endsWith('.txt'))) {
        const text = readFileSync(join(EVAL, file), 'utf8');
        const { actors: found, claims } = suggestAll(text);
        for (const s of [...found, ...claims]) {
          assert.equal(text.slice(s.start, s.end), s.text, file);
        }
      }
    });
  });

  describe('suggestClaims', () => {
    const claims = suggestClaims(ARTICLE);
    const claim = (start: string) => claims.find((c) => c.text.startsWith(start));

    it('ranks sentences with figures, dates and attribution first, and says why', () => {
      assert.ok(claims.length >= 2);
      for (let i = 1; i < claims.length; i++) {
        assert.ok(claims[i - 1].score >= claims[i].score, 'best first');
      }
      assert.equal(claim('The exercise is meant'), undefined, 'a sentence with nothing to check is not suggested');
      const troops = claim('Kyrgyzstan is hosting');
      assert.ok(troops?.reasons.some((r) => r.includes('2,500')));
      const failed = claim('Pashinyan said in March');
      assert.ok(failed);
      assert.ok(failed.reasons.some((r) => r.startsWith('A date')));
      assert.ok(failed.reasons.some((r) => r.startsWith('Attributed')));
    });

    it('leaves the dateline out of the first sentence', () => {
      assert.ok(claim('Kyrgyzstan is hosting'));
      assert.ok(!claims.some((c) => c.text.includes('BISHKEK')));
    });

    it('guesses the claimant, resolving a surname and a pronoun to the person named before', () => {
      const failed = claim('Pashinyan said in March');
      assert.equal(failed?.claimant?.name, 'Nikol Pashinyan');
      assert.equal(ARTICLE.slice(failed!.claimant!.start!, failed!.claimant!.end!), 'Pashinyan');
      const quote = claim('“We will not');
      assert.equal(quote?.claimant?.name, 'Nikol Pashinyan');
      assert.equal(quote?.claimant?.start, undefined, 'the pronoun is not the name');
    });

    it('takes the curly quotation marks into the claim', () => {
      const quote = claim('“We will not');
      assert.equal(quote?.text, '“We will not take part in exercises this year,” he told reporters in Yerevan.');
    });

    it('resolves the claimant to a known actor’s id', () => {
      const known = [{ id: 'pashinyan', name: 'Nikol Pashinyan', aliases: ['Pashinyan'], type: 'person' }];
      const resolved = suggestClaims(ARTICLE, { actors: known });
      assert.ok(resolved.filter((c) => c.claimant?.name === 'Nikol Pashinyan').every((c) => c.claimant?.actorId === 'pashinyan'));
    });

    it('remembers rejections, whatever the quote marks, case and spacing', () => {
      const rejected = suggestClaims(ARTICLE, { rejected: ['"we will not take part in exercises  this year," he told reporters in Yerevan'] });
      assert.equal(rejected.find((c) => c.text.startsWith('“We will not')), undefined);
      assert.equal(rejected.length, claims.length - 1);
    });

    it('does not suggest a sentence already marked as a claim', () => {
      const troops = claim('Kyrgyzstan is hosting')!;
      const left = suggestClaims(ARTICLE, { existingClaims: [{ start: troops.start + 5, end: troops.start + 20 }] });
      assert.ok(!left.some((c) => c.start === troops.start));
    });
  });

  describe('loading', () => {
    /** Whether requiring the given compiled modules, in a fresh process, loads compromise. */
    function loadsCompromise(modules: string[]): boolean {
      const script = `${modules.map((m) => `require(${JSON.stringify(m)});`).join('')}
        process.stdout.write(String(Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]compromise[\\\\/]/.test(k))));`;
      return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }) === 'true';
    }

    it('leaves compromise unloaded by the model, the sidecar and the rest of the core', () => {
      // Every compiled module of the core, in every folder, but the suggester's own.
      const core = (readdirSync(OUT_CORE, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.js') && !f.startsWith(`suggest${sep}`))
        .map((f) => join(OUT_CORE, f));
      assert.ok(core.some((f) => f.endsWith('sidecar.js')) && core.some((f) => f.endsWith('model.js')));
      assert.equal(loadsCompromise([join(OUT_CORE, 'sidecar.js'), join(OUT_CORE, 'model.js')]), false);
      assert.equal(loadsCompromise(core), false);
    });

    it('loads compromise with the suggester itself', () => {
      assert.equal(loadsCompromise([join(OUT_CORE, 'suggest', 'index.js')]), true);
    });
  });
});
