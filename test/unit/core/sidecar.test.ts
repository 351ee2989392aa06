// Tests of the sidecar codec: the exact YAML Newsmark writes, round trips that keep hand edits, code-point offsets, and the problems a bad sidecar reports.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sha256 } from '../../../src/core/hash';
import { anchorAt, type Anchor, type Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar, sidecarNameFor, toSidecarData, type DecodeResult, type SidecarProblem } from '../../../src/core/sidecar';

/** The mutation run, which runs these tests once per mutant, asks for a tenth of the generated cases. */
const runs = (n: number): number => (process.env.NEWSMARK_MUTATION_RUN === '1' ? Math.ceil(n / 10) : n);

const ARTICLE =
  'Water minister Tomáš Řehoř said on Monday that reservoirs in the Brenn valley hold 31% of capacity. ' +
  'Farmers’ union leader Zoë Aldám called the figure "a fantasy".\n' +
  'Rationing began on 3 June in 14 municipalities, Řehoř added.\n';

const VERDICTS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unproven'];

/** An anchor on the nth occurrence of `quote` in `text`, as the editor would make it. */
function anchorOn(text: string, quote: string, nth = 1): Anchor {
  let at = -1;
  for (let n = 0; n < nth; n++) {
    at = text.indexOf(quote, at + 1);
    assert.ok(at >= 0, `"${quote}" occurs fewer than ${nth} times`);
  }
  return anchorAt(text, at, at + quote.length);
}

/** The annotations behind SIDECAR, built in a scrambled key order to show that output order does not depend on it. */
function reservoirAnnotations(): Annotations {
  return {
    article: { file: 'reservoirs.txt' },
    actors: [
      {
        // Mentions out of text order, as "mark all mentions" may add them.
        mentions: [anchorOn(ARTICLE, 'Řehoř', 2), anchorOn(ARTICLE, 'Tomáš Řehoř')],
        notes: 'Minister since 2021.',
        type: 'person',
        name: 'Tomáš Řehoř',
        aliases: ['Řehoř', 'the water minister'],
        id: 'tomas-rehor',
      },
      { id: 'zoe-aldam', name: 'Zoë Aldám', type: 'person', aliases: [], mentions: [anchorOn(ARTICLE, 'Zoë Aldám')] },
    ],
    claims: [
      {
        status: 'checked',
        sources: [
          {
            title: 'Weekly reservoir bulletin',
            accessed: '2024-06-10',
            archived: 'https://web.archive.org/web/20240610/https://water.example.org/bulletin/2024-23',
            url: 'https://water.example.org/bulletin/2024-23',
          },
        ],
        id: 'c1',
        notes: 'The authority’s own bulletin gives 24%.',
        verdict: 'mostly-false',
        claimant: 'tomas-rehor',
        anchor: anchorOn(ARTICLE, 'reservoirs in the Brenn valley hold 31% of capacity'),
      },
      { id: 'c2', anchor: anchorOn(ARTICLE, 'Rationing began on 3 June in 14 municipalities'), status: 'in-progress', sources: [] },
    ],
  };
}

// Line numbers in the problem tests below count lines of this text.
const SIDECAR = `newsmark: 1
article:
  file: reservoirs.txt
  sha256: 47d37ba0a21c205236447d9e4ed12a04907c5e4c5806bf66d158cf274b250166
actors:
  - id: tomas-rehor
    name: Tomáš Řehoř
    type: person
    aliases:
      - Řehoř
      - the water minister
    notes: Minister since 2021.
    mentions:
      - { start: 15, end: 26, quote: Tomáš Řehoř, prefix: "Water minister ", suffix: " said on Monday that reservoirs " }
      - { start: 211, end: 216, quote: Řehoř, prefix: "on 3 June in 14 municipalities, ", suffix: " added.\\n" }
  - id: zoe-aldam
    name: Zoë Aldám
    type: person
    mentions:
      - { start: 122, end: 131, quote: Zoë Aldám, prefix: "capacity. Farmers’ union leader ", suffix: " called the figure \\"a fantasy\\".\\n" }
claims:
  - id: c1
    anchor: { start: 47, end: 98, quote: reservoirs in the Brenn valley hold 31% of capacity, prefix: "Tomáš Řehoř said on Monday that ", suffix: . Farmers’ union leader Zoë Aldá }
    claimant: tomas-rehor
    status: checked
    verdict: mostly-false
    sources:
      - url: https://water.example.org/bulletin/2024-23
        title: Weekly reservoir bulletin
        archived: https://web.archive.org/web/20240610/https://water.example.org/bulletin/2024-23
        accessed: 2024-06-10
    notes: The authority’s own bulletin gives 24%.
  - id: c2
    anchor: { start: 163, end: 209, quote: Rationing began on 3 June in 14 municipalities, prefix: " called the figure \\"a fantasy\\".\\n", suffix: ", Řehoř added.\\n" }
    status: in-progress
`;

/** Decodes a variant of SIDECAR made by replacing `from` (which must occur) with `to`. */
function decodeVariant(from: string, to: string, text = ARTICLE): DecodeResult {
  assert.ok(SIDECAR.includes(from), `SIDECAR has no "${from}"`);
  return decodeSidecar(SIDECAR.replace(from, to), text, { verdicts: VERDICTS });
}

/** The one problem of a result, checked for code, severity and position; returns it for message checks. */
function onlyProblem(result: DecodeResult, expected: Pick<SidecarProblem, 'code' | 'severity' | 'line' | 'column'>): SidecarProblem {
  assert.equal(result.problems.length, 1, `expected one problem, got: ${JSON.stringify(result.problems, null, 1)}`);
  const [problem] = result.problems;
  assert.deepEqual(
    { code: problem.code, severity: problem.severity, line: problem.line, column: problem.column },
    expected,
    problem.message,
  );
  if (expected.severity === 'error') {
    assert.equal(result.annotations, undefined, 'a sidecar with errors must not be used');
  }
  return problem;
}

/** The text a problem underlines. */
function underlined(source: string, problem: SidecarProblem): string {
  return source.slice(problem.offset, problem.offset + problem.length);
}

function decoded(source: string, text: string): Annotations {
  const result = decodeSidecar(source, text, { verdicts: VERDICTS });
  assert.deepEqual(result.problems, []);
  assert.ok(result.annotations);
  return result.annotations;
}

/** Decode, let `edit` change the annotations, and write back over the same document. */
function roundTrip(source: string, text: string, edit: (annotations: Annotations) => void = () => {}): string {
  const result = decodeSidecar(source, text, { verdicts: VERDICTS });
  assert.deepEqual(result.problems, []);
  assert.ok(result.annotations);
  edit(result.annotations);
  return encodeSidecar(result.annotations, text, result.document);
}

describe('sidecar', () => {
  describe('sidecarNameFor', () => {
    it('appends .annotations.yaml to the whole article file name, extension included', () => {
      assert.equal(sidecarNameFor('article.txt'), 'article.txt.annotations.yaml');
      assert.equal(sidecarNameFor('council-election.md'), 'council-election.md.annotations.yaml');
      assert.equal(sidecarNameFor('vaccines.news'), 'vaccines.news.annotations.yaml');
    });

    it('keeps a leading folder, so the sidecar sits next to its article', () => {
      assert.equal(sidecarNameFor('2024/06/reservoirs.txt'), '2024/06/reservoirs.txt.annotations.yaml');
    });
  });

  describe('writing', () => {
    it('writes the exact expected YAML: fixed key order, mentions sorted, one anchor per line', () => {
      assert.equal(encodeSidecar(reservoirAnnotations(), ARTICLE), SIDECAR);
    });

    it('writes the same bytes however often it is called', () => {
      const once = encodeSidecar(reservoirAnnotations(), ARTICLE);
      assert.equal(encodeSidecar(reservoirAnnotations(), ARTICLE), once);
      assert.equal(roundTrip(once, ARTICLE), once);
    });

    it('fingerprints the article with the sha256 of its text', () => {
      const data = toSidecarData(reservoirAnnotations(), ARTICLE) as { article: { sha256: string } };
      assert.equal(data.article.sha256, sha256(ARTICLE));
      assert.match(SIDECAR, new RegExp(`^  sha256: ${sha256(ARTICLE)}$`, 'm'));
    });

    it('keeps a 300-character quote on one line instead of folding it', () => {
      const sentence =
        'The ministry said that the reservoirs of the Brenn valley, which supply drinking water to roughly 410,000 people across ' +
        'fourteen municipalities, were holding 31 per cent of their capacity on Monday, a figure it described as low but manageable ' +
        'and well above the level at which emergency tankers would have to be sent.';
      assert.ok([...sentence].length >= 300);
      const text = `Brenn, 10 June. ${sentence} Farmers disagree.\n`;
      const annotations: Annotations = {
        article: { file: 'long.txt' },
        actors: [],
        claims: [{ id: 'c1', anchor: anchorOn(text, sentence), status: 'unchecked', sources: [] }],
      };
      const yaml = encodeSidecar(annotations, text);
      const anchorLine = yaml.split('\n').find((line) => line.startsWith('    anchor: '));
      // Quoted because a plain scalar in a flow map cannot hold commas.
      assert.equal(anchorLine, `    anchor: { start: 16, end: ${16 + sentence.length}, quote: "${sentence}", prefix: "Brenn, 10 June. ", suffix: " Farmers disagree.\\n" }`);
      assert.equal(decoded(yaml, text).claims[0].anchor.quote, sentence);
    });

    it('keeps an anchor on one line when its text has both line breaks and double quotes', () => {
      // Articles quote people and break paragraphs; an anchor spanning both must still be a one-line diff.
      const text = 'He said "no".\r\nAna Petrosyan disagreed and called the figure "invented" in a long statement to the press.\r\n';
      const annotations: Annotations = {
        article: { file: 'quotes.txt' },
        actors: [{ id: 'ana-petrosyan', name: 'Ana Petrosyan', type: 'person', mentions: [anchorOn(text, 'Ana Petrosyan')] }],
        claims: [{ id: 'c1', anchor: anchorAt(text, 0, text.length), status: 'unchecked', sources: [] }],
      };
      const yaml = encodeSidecar(annotations, text);
      const anchorLines = yaml.split('\n').filter((line) => line.includes('start:'));
      assert.equal(anchorLines.length, 2);
      for (const line of anchorLines) {
        assert.match(line, /^\s+(- |anchor: )\{ start: \d+, end: \d+, quote: .*\}$/);
      }
      const back = decoded(yaml, text);
      assert.deepEqual(back.claims[0].anchor, annotations.claims[0].anchor);
      assert.deepEqual(back.actors[0].mentions[0], annotations.actors[0].mentions[0]);
    });

    it('quotes text that YAML would otherwise read as a number, boolean or null', () => {
      const text = 'Turnout: 2024 voters said true, null or 31.5 when asked.\n';
      const quotes = ['2024', 'true', 'null', '31.5'];
      const annotations: Annotations = {
        article: { file: 'odd.txt' },
        actors: [],
        claims: quotes.map((quote, i) => ({ id: `c${i + 1}`, anchor: anchorOn(text, quote), status: 'unchecked' as const, sources: [] })),
      };
      const back = decoded(encodeSidecar(annotations, text), text);
      assert.deepEqual(
        back.claims.map((c) => c.anchor.quote),
        quotes,
      );
    });

    it('leaves out empty aliases, empty sources and unset optional keys rather than writing empty values', () => {
      const data = toSidecarData(reservoirAnnotations(), ARTICLE) as { actors: Record<string, unknown>[]; claims: Record<string, unknown>[] };
      assert.deepEqual(Object.keys(data.actors[1]), ['id', 'name', 'type', 'mentions']);
      assert.deepEqual(Object.keys(data.claims[1]), ['id', 'anchor', 'status']);
    });
  });

  describe('toSidecarData', () => {
    it('orders keys canonically at every level, whatever order the model objects were built in', () => {
      const data = toSidecarData(reservoirAnnotations(), ARTICLE) as {
        actors: Record<string, unknown>[];
        claims: { anchor: Record<string, unknown>; sources: Record<string, unknown>[] }[];
      };
      assert.deepEqual(Object.keys(data), ['newsmark', 'article', 'actors', 'claims']);
      assert.deepEqual(Object.keys(data.actors[0]), ['id', 'name', 'type', 'aliases', 'notes', 'mentions']);
      assert.deepEqual(Object.keys(data.claims[0]), ['id', 'anchor', 'claimant', 'status', 'verdict', 'sources', 'notes']);
      assert.deepEqual(Object.keys(data.claims[0].anchor), ['start', 'end', 'quote', 'prefix', 'suffix']);
      assert.deepEqual(Object.keys(data.claims[0].sources[0]), ['url', 'title', 'archived', 'accessed']);
    });

    it('stores code-point offsets and refreshes prefix and suffix from the text being saved', () => {
      const text = 'Flag 🇦🇲 then Armenia.\n';
      const stale: Anchor = { ...anchorOn(text, 'Armenia'), prefix: 'old', suffix: 'old' };
      const data = toSidecarData(
        { article: { file: 'a.txt' }, actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [stale] }], claims: [] },
        text,
      ) as { actors: { mentions: Record<string, unknown>[] }[] };
      assert.deepEqual(data.actors[0].mentions[0], { start: 13, end: 20, quote: 'Armenia', prefix: 'Flag 🇦🇲 then ', suffix: '.\n' });
    });

    it('flags an anchor whose text was edited as changed, and keeps an orphan’s last context', () => {
      const text = 'The minister said 31% on Monday.\n';
      const edited: Anchor = { ...anchorOn(text, '31%'), quote: '30%' };
      const orphan: Anchor = { start: 5, end: 5, quote: 'deputy minister', prefix: 'The ', suffix: ' said', orphaned: true };
      const data = toSidecarData(
        {
          article: { file: 'a.txt' },
          actors: [],
          claims: [
            { id: 'c1', anchor: edited, status: 'unchecked', sources: [] },
            { id: 'c2', anchor: orphan, status: 'unchecked', sources: [] },
          ],
        },
        text,
      ) as { claims: { anchor: Record<string, unknown> }[] };
      assert.deepEqual(data.claims[0].anchor, { start: 18, end: 21, quote: '30%', prefix: 'The minister said ', suffix: ' on Monday.\n', changed: true });
      assert.deepEqual(data.claims[1].anchor, { start: 5, end: 5, quote: 'deputy minister', prefix: 'The ', suffix: ' said', orphaned: true });
    });
  });

  describe('round trip', () => {
    // A sidecar as a fact-checker leaves it after editing by hand: comments everywhere,
    // keys in their own order, a blank line, single quotes and a literal block.
    const handEdited = `# Brenn valley water story, checked by the Prague desk.
# Ask Jana before changing verdicts.
newsmark: 1
article:
  file: 'reservoirs.txt'
  sha256: ${sha256(ARTICLE)}

actors:
  # The minister himself, not his deputy.
  - name: Tomáš Řehoř # spelled as in the ministry's releases
    id: tomas-rehor
    type: person
    mentions:
      - { start: 15, end: 26, quote: Tomáš Řehoř, prefix: "Water minister ", suffix: " said on Monday that reservoirs " }
      - { start: 211, end: 216, quote: Řehoř, prefix: "on 3 June in 14 municipalities, ", suffix: " added.\\n" } # surname only
  - id: zoe-aldam
    name: Zoë Aldám
    type: person
    mentions: []
claims:
  - id: c1
    status: checked # second reader agreed
    verdict: mostly-false
    anchor: { start: 47, end: 98, quote: reservoirs in the Brenn valley hold 31% of capacity, prefix: "Tomáš Řehoř said on Monday that ", suffix: . Farmers’ union leader Zoë Aldá }
    claimant: tomas-rehor
    notes: |
      The bulletin gives 24%.
      The 31% counts the new Kaldera reservoir, not yet connected.
`;

    it('writes an opened sidecar back byte for byte when nothing changed', () => {
      assert.equal(roundTrip(handEdited, ARTICLE), handEdited);
    });

    it('removes the verdict key when the verdict is cleared, and touches no other line', () => {
      const out = roundTrip(handEdited, ARTICLE, (a) => {
        delete a.claims[0].verdict;
      });
      assert.equal(out, handEdited.replace('    verdict: mostly-false\n', ''));
    });

    it('changes only the status line when the status changes, keeping its comment', () => {
      const out = roundTrip(handEdited, ARTICLE, (a) => {
        a.claims[0].status = 'in-progress';
      });
      assert.equal(out, handEdited.replace('status: checked # second reader agreed', 'status: in-progress # second reader agreed'));
    });

    it('appends a new claim at the end, in canonical key order, leaving the existing ones as they were', () => {
      const out = roundTrip(handEdited, ARTICLE, (a) => {
        a.claims.push({
          id: 'c2',
          anchor: anchorOn(ARTICLE, 'Rationing began on 3 June in 14 municipalities'),
          claimant: 'tomas-rehor',
          status: 'unchecked',
          sources: [],
        });
      });
      assert.equal(
        out,
        handEdited +
          `  - id: c2
    anchor: { start: 163, end: 209, quote: Rationing began on 3 June in 14 municipalities, prefix: " called the figure \\"a fantasy\\".\\n", suffix: ", Řehoř added.\\n" }
    claimant: tomas-rehor
    status: unchecked
`,
      );
    });

    it('adds a new key to an item at its canonical place among the user’s own key order', () => {
      const out = roundTrip(handEdited, ARTICLE, (a) => {
        a.actors[0].wikidata = 'Q123456';
      });
      // The user put name before id; wikidata belongs before mentions.
      assert.equal(out, handEdited.replace('    type: person\n    mentions:\n      - { start: 15', '    type: person\n    wikidata: Q123456\n    mentions:\n      - { start: 15'));
    });

    it('appends a new mention in text order and keeps the comment on the other mention', () => {
      const out = roundTrip(handEdited, ARTICLE, (a) => {
        a.actors[1].mentions.push(anchorOn(ARTICLE, 'Zoë Aldám'));
      });
      assert.equal(
        out,
        handEdited.replace(
          '    mentions: []\n',
          '    mentions:\n      - { start: 122, end: 131, quote: Zoë Aldám, prefix: "capacity. Farmers’ union leader ", suffix: " called the figure \\"a fantasy\\".\\n" }\n',
        ),
      );
    });

    it('removes a claim without disturbing the comments of the items around it', () => {
      const withTwo = roundTrip(handEdited, ARTICLE, (a) => {
        a.claims.unshift({ id: 'c0', anchor: anchorOn(ARTICLE, 'a fantasy'), claimant: 'zoe-aldam', status: 'unchecked', sources: [] });
      });
      const out = roundTrip(withTwo, ARTICLE, (a) => {
        a.claims = a.claims.filter((c) => c.id !== 'c0');
      });
      assert.equal(out, handEdited);
    });

    it('rewrites a moved mention on its own line and keeps the comment after it', () => {
      // The editor moves anchors as text is typed before them; here a 10-character dateline.
      const text = `Breaking: ${ARTICLE}`;
      const result = decodeSidecar(handEdited, ARTICLE);
      assert.ok(result.annotations);
      for (const anchor of [...result.annotations.actors.flatMap((actor) => actor.mentions), ...result.annotations.claims.map((c) => c.anchor)]) {
        anchor.start += 10;
        anchor.end += 10;
      }
      const out = encodeSidecar(result.annotations, text, result.document);
      const lines = out.split('\n');
      assert.equal(lines[13], '      - { start: 25, end: 36, quote: Tomáš Řehoř, prefix: "Breaking: Water minister ", suffix: " said on Monday that reservoirs " }');
      assert.equal(lines[14], '      - { start: 221, end: 226, quote: Řehoř, prefix: "on 3 June in 14 municipalities, ", suffix: " added.\\n" } # surname only');
      const changed = out.split('\n').filter((line, i) => line !== handEdited.split('\n')[i]);
      assert.deepEqual(
        changed.map((line) => line.trim().slice(0, 20)),
        ['sha256: ' + sha256(text).slice(0, 12), '- { start: 25, end: ', '- { start: 221, end:', 'anchor: { start: 57,'],
      );
      assert.deepEqual(decodeSidecar(out, text).problems, []);
    });

    it('writes the first claim and mention of a new sidecar as block items, not inline in "[]"', () => {
      const text = 'Ana Petrosyan said 40% of wells ran dry.\n';
      const empty = encodeSidecar({ article: { file: 'a.txt' }, actors: [{ id: 'ana-petrosyan', name: 'Ana Petrosyan', type: 'person', mentions: [] }], claims: [] }, text);
      assert.match(empty, /^ {4}mentions: \[\]\nclaims: \[\]\n$/m);
      const out = roundTrip(empty, text, (a) => {
        a.actors[0].mentions.push(anchorOn(text, 'Ana Petrosyan'));
        a.claims.push({ id: 'c1', anchor: anchorOn(text, '40% of wells ran dry'), claimant: 'ana-petrosyan', status: 'unchecked', sources: [{ url: 'https://example.org/wells' }] });
      });
      assert.equal(out, encodeSidecar(decoded(out, text), text));
      assert.ok(out.endsWith(`    mentions:
      - { start: 0, end: 13, quote: Ana Petrosyan, prefix: "", suffix: " said 40% of wells ran dry.\\n" }
claims:
  - id: c1
    anchor: { start: 19, end: 39, quote: 40% of wells ran dry, prefix: "Ana Petrosyan said ", suffix: ".\\n" }
    claimant: ana-petrosyan
    status: unchecked
    sources:
      - url: https://example.org/wells
`), out);
    });
  });

  describe('offsets in code points', () => {
    /** Writes one mention of `quote` and returns its stored offsets and what reading gives back. */
    function storedMention(text: string, quote: string) {
      const mention = anchorOn(text, quote);
      const yaml = encodeSidecar({ article: { file: 'u.txt' }, actors: [{ id: 'x', name: 'X', type: 'other', mentions: [mention] }], claims: [] }, text);
      const line = yaml.split('\n').find((l) => l.includes('start:')) ?? '';
      const [, start, end] = /start: (\d+), end: (\d+)/.exec(line) ?? [];
      const back = decoded(yaml, text).actors[0].mentions[0];
      return { stored: [Number(start), Number(end)], utf16: [mention.start, mention.end], back };
    }

    it('counts a flag emoji as its two code points, not four UTF-16 units', () => {
      const text = 'The 🇦🇲 flag flew over Yerevan.\n';
      const flag = storedMention(text, '🇦🇲');
      assert.deepEqual(flag.stored, [4, 6]);
      assert.deepEqual(flag.utf16, [4, 8]);
      assert.equal(flag.back.quote, '🇦🇲');
      assert.deepEqual([flag.back.start, flag.back.end], [4, 8]);
      const city = storedMention(text, 'Yerevan');
      assert.deepEqual(city.stored, [22, 29]);
      assert.deepEqual([city.back.start, city.back.end], [24, 31]);
    });

    it('counts a ZWJ family emoji as its five code points', () => {
      const text = 'Posted 👩‍👩‍👧 by Zoë Aldám.\n';
      const family = storedMention(text, '👩‍👩‍👧');
      assert.deepEqual(family.stored, [7, 12]);
      assert.deepEqual(family.utf16, [7, 15]);
      const name = storedMention(text, 'Zoë Aldám');
      assert.deepEqual(name.stored, [16, 25]);
      assert.equal(name.back.start, 19);
      assert.equal(text.slice(name.back.start, name.back.end), 'Zoë Aldám');
    });

    it('counts a decomposed accent (e + U+0301) as two code points and never normalises the text', () => {
      const nfd = 'Mayor Rene\u0301e Dvor\u030Ca\u0301k spoke.\n';
      assert.notEqual(nfd, nfd.normalize('NFC'));
      const name = storedMention(nfd, 'Rene\u0301e Dvor\u030Ca\u0301k');
      assert.deepEqual(name.stored, [6, 21]);
      assert.equal(name.back.quote, 'Rene\u0301e Dvor\u030Ca\u0301k');
      assert.notEqual(name.back.quote, name.back.quote.normalize('NFC'));
      // The same words precomposed are shorter, so offsets from an NFC copy would be wrong.
      assert.deepEqual(storedMention(nfd.normalize('NFC'), 'Renée Dvořák').stored, [6, 18]);
    });

    it('counts CRLF as two characters, as the file has them on disk', () => {
      const text = 'Line one.\r\nAna Petrosyan spoke.\r\n';
      const name = storedMention(text, 'Ana Petrosyan');
      assert.deepEqual(name.stored, [11, 24]);
      assert.equal(name.back.prefix, 'Line one.\r\n');
      // The same article with LF endings is a different text: its sidecar is stale.
      const yaml = encodeSidecar({ article: { file: 'u.txt' }, actors: [], claims: [] }, text);
      assert.equal(decodeSidecar(yaml, text.replace(/\r\n/g, '\n')).stale, true);
    });

    it('counts a byte-order mark at the start of the article as one code point', () => {
      const text = '\uFEFFAna Petrosyan spoke.\n';
      const name = storedMention(text, 'Ana Petrosyan');
      assert.deepEqual(name.stored, [1, 14]);
      assert.deepEqual([name.back.start, name.back.end], [1, 14]);
      assert.equal(name.back.prefix, '\uFEFF');
    });

    it('takes at most 32 code points of context on each side, never half an emoji', () => {
      const text = `${'🇦🇲'.repeat(20)}Armenia${'👩‍👩‍👧'.repeat(8)}\n`;
      const armenia = storedMention(text, 'Armenia');
      assert.deepEqual(armenia.stored, [40, 47]);
      assert.equal([...armenia.back.prefix].length, 32);
      assert.equal(armenia.back.prefix, '🇦🇲'.repeat(16));
      assert.equal([...armenia.back.suffix].length, 32);
      assert.ok(!/[\uD800-\uDBFF]$/.test(armenia.back.suffix), 'the suffix ends on a whole character');
    });

    it('reads code-point offsets written by another tool for text with emoji, CRLF and a BOM', () => {
      const text = '\uFEFF🇦🇲 Yerevan\r\n👩‍👩‍👧 Zoë\n';
      // Code points: BOM 0, flag 1–2, space 3, Yerevan 4–10, CRLF 11–12, family 13–17, space 18, Zoë 19–21.
      const yaml = `newsmark: 1
article:
  file: u.txt
actors:
  - id: yerevan
    name: Yerevan
    type: location
    mentions:
      - { start: 4, end: 11, quote: Yerevan }
  - id: zoe
    name: Zoë
    type: person
    mentions:
      - { start: 19, end: 22, quote: Zoë }
`;
      const annotations = decoded(yaml, text);
      const [yerevan, zoe] = annotations.actors.map((actor) => actor.mentions[0]);
      assert.equal(text.slice(yerevan.start, yerevan.end), 'Yerevan');
      assert.equal(text.slice(zoe.start, zoe.end), 'Zoë');
      assert.deepEqual([zoe.start, zoe.end], [24, 27]);
    });
  });

  describe('reading', () => {
    it('reads the expected YAML back into the annotations it was written from', () => {
      const result = decodeSidecar(SIDECAR, ARTICLE, { verdicts: VERDICTS, actorTypes: ['person'] });
      assert.deepEqual(result.problems, []);
      assert.equal(result.stale, false);
      const expected = reservoirAnnotations();
      expected.actors[0].mentions.sort((a, b) => a.start - b.start);
      delete expected.actors[1].aliases;
      assert.deepEqual(result.annotations?.actors, expected.actors);
      assert.deepEqual(result.annotations?.claims, expected.claims);
      assert.deepEqual(result.annotations?.article, { file: 'reservoirs.txt', sha256: sha256(ARTICLE) });
    });

    it('reads `verdict: true`, which YAML parses as a boolean, as the verdict id "true"', () => {
      const result = decodeVariant('verdict: mostly-false', 'verdict: true');
      assert.deepEqual(result.problems, []);
      assert.equal(result.annotations?.claims[0].verdict, 'true');
      const no = decodeVariant('verdict: mostly-false', 'verdict: false');
      assert.equal(no.annotations?.claims[0].verdict, 'false');
    });

    it('writes the verdict "true" back as a string, so it means the same to every YAML reader', () => {
      const result = decodeVariant('verdict: mostly-false', 'verdict: true');
      assert.ok(result.annotations);
      const out = encodeSidecar(result.annotations, ARTICLE, result.document);
      assert.match(out, /^ {4}verdict: "true"$/m);
    });

    it('attributes a claim without a claimant to the article itself', () => {
      const claim = decoded(SIDECAR, ARTICLE).claims[1];
      assert.equal(claim.claimant, undefined);
      assert.ok(!('claimant' in claim));
    });

    it('marks the anchors stale, with no mismatch errors, when the article changed since the sidecar was written', () => {
      const edited = ARTICLE.replace('Water minister', 'Environment and water minister');
      const result = decodeSidecar(SIDECAR, edited, { verdicts: VERDICTS });
      assert.equal(result.stale, true);
      assert.deepEqual(result.problems, []);
      assert.ok(result.annotations);
      // The old positions come back as hints for re-attachment.
      assert.equal(result.annotations.actors[0].mentions[0].start, 15);
    });

    it('does not report a quote mismatch when the sha256 differs', () => {
      const other = sha256('an earlier draft');
      const result = decodeVariant(`sha256: ${sha256(ARTICLE)}`, `sha256: ${other}`, ARTICLE);
      assert.equal(result.stale, true);
      const mismatched = decodeSidecar(
        SIDECAR.replace(`sha256: ${sha256(ARTICLE)}`, `sha256: ${other}`).replace('quote: Zoë Aldám', 'quote: Zoe Aldam'),
        ARTICLE,
      );
      assert.equal(mismatched.stale, true);
      assert.deepEqual(mismatched.problems, []);
    });

    it('does not report a quote mismatch on an anchor flagged `changed: true`', () => {
      const result = decodeVariant('quote: Zoë Aldám,', 'quote: Zoe Aldam, changed: true,');
      assert.equal(result.stale, false);
      assert.deepEqual(result.problems, []);
      assert.equal(result.annotations?.actors[1].mentions[0].quote, 'Zoe Aldam');
    });

    it('reads a sidecar without a sha256 as current and checks every quote', () => {
      const result = decodeVariant(`  sha256: ${sha256(ARTICLE)}\n`, '');
      assert.equal(result.stale, false);
      assert.deepEqual(result.problems, []);
    });

    it('keeps an orphaned anchor with its quote and does not check it against the text', () => {
      const result = decodeVariant('{ start: 122, end: 131, quote: Zoë Aldám,', '{ start: 0, end: 0, quote: Zoë Aldámová, orphaned: true,');
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.annotations?.actors[1].mentions[0], {
        start: 0,
        end: 0,
        quote: 'Zoë Aldámová',
        prefix: 'capacity. Farmers’ union leader ',
        suffix: ' called the figure "a fantasy".\n',
        orphaned: true,
      });
    });

    it('reads a sidecar with CRLF line endings or a byte-order mark, as Windows editors may save it', () => {
      const result = decodeSidecar('\uFEFF' + SIDECAR.replace(/\n/g, '\r\n'), ARTICLE);
      assert.deepEqual(result.problems, []);
      assert.equal(result.annotations?.claims.length, 2);
    });

    it('warns, without refusing the sidecar, about a verdict or actor type the configuration does not know', () => {
      const result = decodeSidecar(SIDECAR.replace('verdict: mostly-false', 'verdict: pants-on-fire'), ARTICLE, {
        verdicts: VERDICTS,
        actorTypes: ['organisation'],
      });
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.severity, p.line, p.column]),
        [
          ['unknown-verdict', 'warning', 26, 14],
          ['unknown-actor-type', 'warning', 8, 11],
          ['unknown-actor-type', 'warning', 18, 11],
        ],
      );
      assert.equal(result.problems[0].message, 'Claim "c1" has the verdict "pants-on-fire", which is not on the verdict scale (true, mostly-true, mixed, mostly-false, false, unproven).');
      assert.ok(result.annotations, 'warnings do not stop the sidecar from being used');
    });
  });

  describe('CRLF line endings', () => {
    const variants: [string, string][] = [
      ['notes: The authority’s own bulletin gives 24%.', 'notes: Bulletin says: 24%.'],
      ['    status: in-progress\n', '    status: in-progress\n    status: checked\n'],
      ['{ start: 122,', '{ start: "ten",'],
      ['quote: Zoë Aldám,', 'quote: Zoe Aldam,'],
      ['claimant: tomas-rehor', 'claimnt: tomas-rehor'],
      ['verdict: mostly-false', 'verdict: !!str yes'],
      ['    notes: Minister since 2021.\n', `    notes: Minister since 2021.\n    extra:\n      deep: ${'['.repeat(70)}${']'.repeat(70)}\n`],
    ];
    for (const [from, to] of variants) {
      it(`puts a problem at the same line and column as with LF: ${JSON.stringify(to.trim().slice(0, 32))}`, () => {
        const lf = SIDECAR.replace(from, to);
        const expected = decodeSidecar(lf, ARTICLE).problems;
        assert.ok(expected.length > 0);
        const crlf = decodeSidecar(lf.replace(/\n/g, '\r\n'), ARTICLE).problems;
        assert.deepEqual(
          crlf.map((p) => [p.code, p.line, p.column, p.message]),
          expected.map((p) => [p.code, p.line, p.column, p.message]),
        );
      });
    }

    it('does not count a byte-order mark as a column of the first line', () => {
      const problem = decodeSidecar('\uFEFF' + SIDECAR.replace('newsmark: 1', 'newsmark: 2'), ARTICLE).problems[0];
      assert.deepEqual([problem.code, problem.line, problem.column], ['format-version', 1, 11]);
    });
  });

  describe('anchors without prefix and suffix', () => {
    const text = 'Yerevan, 10 June. Ana Petrosyan disagreed.\n';
    const bare = (anchor: string) => `newsmark: 1
article:
  file: a.txt
actors:
  - id: ana-petrosyan
    name: Ana Petrosyan
    type: person
    mentions:
      - ${anchor}
`;

    it('reads them with empty context, on both reads', () => {
      for (const dataOnly of [false, true]) {
        const mention = decodeSidecar(bare('{ start: 18, end: 31, quote: Ana Petrosyan }'), text, { dataOnly }).annotations?.actors[0].mentions[0];
        assert.deepEqual(mention, { start: 18, end: 31, quote: 'Ana Petrosyan', prefix: '', suffix: '' });
      }
    });

    it('writes the context of an attached one from the article, where it really is', () => {
      const source = bare('{ start: 18, end: 31, quote: Ana Petrosyan }');
      const out = roundTrip(source, text);
      assert.equal(out.split('\n').find((line) => line.includes('start:')), '      - { start: 18, end: 31, quote: Ana Petrosyan, prefix: "Yerevan, 10 June. ", suffix: " disagreed.\\n" }');
    });

    it('keeps an orphan’s context empty rather than taking text at its old position', () => {
      const source = bare('{ start: 0, end: 7, quote: Ana Petrosyan, orphaned: true }');
      const out = roundTrip(source, text);
      assert.equal(out.split('\n').find((line) => line.includes('start:')), '      - { start: 0, end: 7, quote: Ana Petrosyan, prefix: "", suffix: "", orphaned: true }');
      assert.deepEqual(decoded(out, text).actors[0].mentions[0], { start: 0, end: 7, quote: 'Ana Petrosyan', prefix: '', suffix: '', orphaned: true });
    });
  });

  describe('problems', () => {
    it('reports a YAML syntax error where it is, with a hint a hand editor can act on', () => {
      const source = SIDECAR.replace('notes: The authority’s own bulletin gives 24%.', 'notes: Bulletin says: 24%.');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'syntax', severity: 'error', line: 32, column: 12 });
      assert.equal(problem.message, 'YAML syntax error: this value contains ": ", which YAML reads as the start of another key. Put the whole value in quotes.');
      assert.equal(decodeSidecar(source, ARTICLE).stale, false);
    });

    it('reports tabs used for indentation on the line that has them', () => {
      const result = decodeVariant('    status: checked\n', '\tstatus: checked\n');
      const first = result.problems[0];
      assert.deepEqual([first.code, first.severity, first.line, first.column], ['syntax', 'error', 25, 1]);
      assert.match(first.message, /indent with spaces/);
    });

    it('reports a mention whose closing brace is missing once, at the brace that opens it', () => {
      const result = onlyProblem(decodeVariant('suffix: " added.\\n" }', 'suffix: " added.\\n"'), { code: 'syntax', severity: 'error', line: 15, column: 9 });
      assert.match(result.message, /"\{" here opens a map that is never closed; add the missing "\}"/);
    });

    it('reports a claim anchor left open once, at its "{", not every line the reader misreads after it', () => {
      const source = SIDECAR.replace(', suffix: . Farmers’ union leader Zoë Aldá }', '');
      const result = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'syntax', severity: 'error', line: 23, column: 13 });
      assert.equal(underlined(source, result), '{');
      assert.match(result.message, /never closed/);
    });

    it('reports a list of sources left open at its "["', () => {
      const source = SIDECAR.replace('    status: in-progress\n', '    status: in-progress\n    sources: [ { url: "https://water.example.org/a" }\n    notes: pending\n');
      const result = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'syntax', severity: 'error', line: 36, column: 14 });
      assert.match(result.message, /"\[" here opens a list that is never closed; add the missing "\]"/);
    });

    it('reports a key written twice on the second one, naming it', () => {
      const source = SIDECAR.replace('    status: in-progress\n', '    status: in-progress\n    status: checked\n');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'duplicate-key', severity: 'error', line: 36, column: 5 });
      assert.equal(underlined(source, problem), 'status');
      assert.equal(problem.message, '"status" is written twice here; keep one of them.');
    });

    it('refuses YAML aliases, pointing at the alias', () => {
      const source = SIDECAR.replace('  - id: tomas-rehor', '  - id: &minister tomas-rehor').replace('claimant: tomas-rehor', 'claimant: *minister');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'alias', severity: 'error', line: 24, column: 15 });
      assert.equal(underlined(source, problem), '*minister');
      assert.match(problem.message, /aliases \(\*minister\) are not allowed in a sidecar; write the value out in full/);
    });

    it('refuses a second YAML document, pointing at its "---"', () => {
      const source = `${SIDECAR}---\nnewsmark: 1\n`;
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'multiple-documents', severity: 'error', line: 36, column: 1 });
      assert.ok(underlined(source, problem).startsWith('---'));
    });

    it('refuses format version 2 and asks for a newer Newsmark', () => {
      const problem = onlyProblem(decodeVariant('newsmark: 1', 'newsmark: 2'), { code: 'format-version', severity: 'error', line: 1, column: 11 });
      assert.equal(problem.message, 'This sidecar is format version 2; this version of Newsmark reads version 1. Update Newsmark to open it.');
    });

    it('refuses a format version that is not a number', () => {
      const problem = onlyProblem(decodeVariant('newsmark: 1', 'newsmark: one'), { code: 'format-version', severity: 'error', line: 1, column: 11 });
      assert.match(problem.message, /Unknown sidecar format version "one"/);
    });

    it('reports a value of the wrong type, such as `start: "ten"`, on the value', () => {
      const source = SIDECAR.replace('{ start: 122,', '{ start: "ten",');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'schema', severity: 'error', line: 20, column: 18 });
      assert.equal(underlined(source, problem), '"ten"');
      assert.equal(problem.message, '"start" of mention 1 of actor 2 must be a whole number.');
    });

    it('reports a misspelt key such as `claimnt` on the key and suggests the right one', () => {
      const source = SIDECAR.replace('claimant: tomas-rehor', 'claimnt: tomas-rehor');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'schema', severity: 'error', line: 24, column: 5 });
      assert.equal(underlined(source, problem), 'claimnt');
      assert.equal(problem.message, 'Claim 1 has an unknown key "claimnt"; did you mean "claimant"?');
    });

    it('lists the allowed keys when an unknown key resembles none of them', () => {
      const problem = onlyProblem(decodeVariant('    notes: Minister since 2021.\n', '    party: Greens\n'), {
        code: 'schema',
        severity: 'error',
        line: 12,
        column: 5,
      });
      assert.equal(problem.message, 'Actor 1 has an unknown key "party"; the keys allowed here are: id, name, type, aliases, wikidata, notes, by, at, mentions, extra.');
    });

    it('reports a status outside the workflow and lists the allowed ones', () => {
      const problem = onlyProblem(decodeVariant('status: checked', 'status: done'), { code: 'schema', severity: 'error', line: 25, column: 13 });
      assert.equal(problem.message, '"status" of claim 1 must be one of: unchecked, in-progress, checked.');
    });

    it('reports a source whose address is not a web address (ftp://)', () => {
      const source = SIDECAR.replace('- url: https://water.example.org/bulletin/2024-23', '- url: ftp://water.example.org/bulletin/2024-23');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'schema', severity: 'error', line: 28, column: 14 });
      assert.equal(underlined(source, problem), 'ftp://water.example.org/bulletin/2024-23');
      assert.equal(problem.message, '"url" of source 1 of claim 1 must be a web address starting with http:// or https://.');
    });

    it('reports a missing required key on the item that lacks it', () => {
      const problem = onlyProblem(decodeVariant('    status: in-progress\n', ''), { code: 'schema', severity: 'error', line: 33, column: 5 });
      assert.equal(problem.message, 'Claim 2 is missing "status".');
    });

    it('reports an id used by both an actor and a claim on the second use', () => {
      const source = SIDECAR.replace('  - id: c2', '  - id: zoe-aldam');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'duplicate-id', severity: 'error', line: 33, column: 9 });
      assert.equal(underlined(source, problem), 'zoe-aldam');
      assert.equal(problem.message, 'The id "zoe-aldam" is already used by actor 2 ("Zoë Aldám"); give every actor and claim an id of its own.');
    });

    it('reports a claimant that names no actor, and says how to credit the article instead', () => {
      const source = SIDECAR.replace('claimant: tomas-rehor', 'claimant: tomas-rehorr');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'unknown-claimant', severity: 'error', line: 24, column: 15 });
      assert.equal(underlined(source, problem), 'tomas-rehorr');
      assert.match(problem.message, /names the claimant "tomas-rehorr", but no actor has that id/);
      assert.match(problem.message, /remove "claimant" to attribute the claim to the article itself/);
    });

    it('reports an anchor that reaches past the end of the article', () => {
      const source = SIDECAR.replace('{ start: 163, end: 209,', '{ start: 163, end: 2090,');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'anchor-out-of-range', severity: 'error', line: 34, column: 13 });
      assert.ok(underlined(source, problem).startsWith('{ start: 163, end: 2090,'));
      assert.equal(problem.message, 'The claim "c2" spans 163–2090, but the article is only 224 characters long.');
    });

    it('reports an anchor that ends before it starts', () => {
      const problem = onlyProblem(decodeVariant('{ start: 15, end: 26,', '{ start: 26, end: 15,'), {
        code: 'anchor-out-of-range',
        severity: 'error',
        line: 14,
        column: 9,
      });
      assert.equal(problem.message, 'The mention of "Tomáš Řehoř" ends (15) before it starts (26); "end" must not be less than "start".');
    });

    it('reports a quote that does not match the article on the quote, showing both texts', () => {
      const source = SIDECAR.replace('quote: Zoë Aldám,', 'quote: Zoe Aldam,');
      const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'anchor-mismatch', severity: 'error', line: 20, column: 40 });
      assert.equal(underlined(source, problem), 'Zoe Aldam');
      assert.equal(problem.message, 'The mention of "Zoë Aldám" quotes "Zoe Aldam", but the article has "Zoë Aldám" at 122–131.');
    });

    it('reports a quote that is only the start of what the article has there', () => {
      const source = SIDECAR.replace('quote: Zoë Aldám,', 'quote: Zoë,');
      for (const options of [{}, { dataOnly: true }]) {
        const problem = onlyProblem(decodeSidecar(source, ARTICLE, options), { code: 'anchor-mismatch', severity: 'error', line: 20, column: 40 });
        assert.equal(problem.message, 'The mention of "Zoë Aldám" quotes "Zoë", but the article has "Zoë Aldám" at 122–131.');
      }
    });

    it('reports an empty sidecar file at its start', () => {
      for (const source of ['', '\n', '# nothing yet\n']) {
        const problem = onlyProblem(decodeSidecar(source, ARTICLE), { code: 'schema', severity: 'error', line: 1, column: 1 });
        assert.equal(problem.message, 'The sidecar is empty; it needs at least "newsmark: 1" and an "article:" section.');
      }
    });

    it('reports a sidecar that is a list instead of a map', () => {
      const problem = onlyProblem(decodeSidecar('- newsmark: 1\n', ARTICLE), { code: 'schema', severity: 'error', line: 1, column: 1 });
      assert.equal(problem.message, 'The sidecar must be a map of keys and values.');
    });

    it('reports every schema error at once, not only the first', () => {
      const source = SIDECAR.replace('status: checked', 'status: done').replace('type: person', 'type: 7');
      const result = decodeSidecar(source, ARTICLE);
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.line]),
        [
          ['schema', 8],
          ['schema', 25],
        ],
      );
    });
  });
});

describe('sidecar read for the workspace index (dataOnly)', () => {
  const VARIANTS: Record<string, string> = {
    'as written': SIDECAR,
    'with a hand-written comment and a boolean verdict': `# reviewed\n${SIDECAR.replace('verdict: mostly-false', 'verdict: true')}`,
  };

  for (const [name, source] of Object.entries(VARIANTS)) {
    it(`gives the same annotations as the full read: ${name}`, () => {
      const full = decodeSidecar(source, ARTICLE);
      const fast = decodeSidecar(source, ARTICLE, { dataOnly: true });
      assert.ok(full.annotations);
      assert.deepEqual(fast.annotations, full.annotations);
      assert.equal(fast.stale, full.stale);
      assert.equal(fast.document, undefined, 'the index keeps no document');
    });
  }

  it('falls back to the full read, with positioned problems, for a sidecar that has any', () => {
    for (const source of [
      SIDECAR.replace('claimant: tomas-rehor', 'claimant: tomas-rehorr'),
      SIDECAR.replace('status: checked', 'status: done'),
      SIDECAR.replace('  - id: tomas-rehor', '  - id: &minister tomas-rehor').replace('claimant: tomas-rehor', 'claimant: *minister'),
      `${SIDECAR}---\nnewsmark: 1\n`,
    ]) {
      const fast = decodeSidecar(source, ARTICLE, { dataOnly: true });
      const full = decodeSidecar(source, ARTICLE);
      assert.equal(fast.annotations, undefined);
      assert.deepEqual(fast.problems, full.problems);
    }
  });

  it('reads for display the fast way, and writes back through the document parsed later, comments and all', () => {
    const source = `# reviewed by the desk\n${SIDECAR.replace('status: checked', 'status: checked # second source pending')}`;
    const display = decodeSidecar(source, ARTICLE, { lazyDocument: true, verdicts: VERDICTS });
    assert.deepEqual(display.annotations, decodeSidecar(source, ARTICLE).annotations);
    assert.ok(display.annotations && display.document);
    assert.equal(encodeSidecar(display.annotations, ARTICLE, display.document), source);
    display.annotations.claims[1].status = 'checked';
    const out = encodeSidecar(display.annotations, ARTICLE, display.document);
    assert.deepEqual(
      out.split('\n').filter((line, i) => line !== source.split('\n')[i]),
      ['    status: checked'],
    );
  });

  it('reads for display the full way, with the problem positioned, when there is one', () => {
    const source = SIDECAR.replace('status: checked', 'status: done');
    const display = decodeSidecar(source, ARTICLE, { lazyDocument: true });
    assert.equal(display.annotations, undefined);
    assert.equal(display.problems.length, 1);
    assert.deepEqual(display.problems, decodeSidecar(source, ARTICLE).problems);
  });

  it('marks a sidecar written for another version of the article as stale', () => {
    const fast = decodeSidecar(SIDECAR, `Breaking: ${ARTICLE}`, { dataOnly: true });
    assert.equal(fast.stale, true);
    assert.ok(fast.annotations);
  });
  /** The fast read and the full read give the same annotations, or both refuse with the same problems. */
  function assertSameReading(source: string, text: string): void {
    const full = decodeSidecar(source, text, { verdicts: VERDICTS });
    const fast = decodeSidecar(source, text, { verdicts: VERDICTS, dataOnly: true });
    assert.deepEqual(fast.annotations, full.annotations, `the two reads differ on ${JSON.stringify(source.slice(0, 300))}`);
    assert.equal(fast.stale, full.stale);
    if (!full.annotations) {
      assert.deepEqual(fast.problems, full.problems);
    }
  }

  describe('agrees with the full read on every malformed sidecar', () => {
    const folder = path.resolve(__dirname, '../../../../test/fixtures/malformed');
    const article = fs.readFileSync(path.join(folder, 'article.txt'), 'utf8');
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.yaml'))) {
      it(name, () => assertSameReading(fs.readFileSync(path.join(folder, name), 'utf8'), article));
    }
  });

  it('agrees with the full read on what YAML readers are known to take differently', () => {
    const values = ['0b101', '-0x1F', '+.5', '1e400', '.NaN', '-0', '017', '0o17', '1_000', 'yes', 'No', 'on', '~', 'NULL', '2001-12-14t21:59:43.10-05:00', '12:30:00'];
    for (const value of values) {
      assertSameReading(SIDECAR.replace('claims:\n', `extra:\n  value: ${value}\n  ${value}: as a key\nclaims:\n`), ARTICLE);
      assertSameReading(SIDECAR.replace('verdict: mostly-false', `verdict: ${value}`), ARTICLE);
    }
    for (const variant of [
      `%YAML 1.1\n---\n${SIDECAR.replace('verdict: mostly-false', 'verdict: yes')}`,
      `%YAML 1.2\n---\n${SIDECAR}`,
      SIDECAR.replace('verdict: mostly-false', 'verdict: !!str yes'),
      SIDECAR.replace('claims:\n', 'extra:\n  <<: { merged: 1 }\n  ? [a, b]\n  : c\nclaims:\n'),
      SIDECAR.replace('claims:\n', 'extra:\n  ~: nothing\nclaims:\n'),
      // Found by the generated test below: a comment glued to a closing quote.
      SIDECAR.replace('claims:\n', 'extra:\n  key: "q"#\nclaims:\n'),
      // And one glued to a closing bracket, which js-yaml takes as a comment and yaml refuses.
      SIDECAR.replace('claims:\n', 'extra:\n  key: [a, b]#\n  other: {a: 1}#x\nclaims:\n'),
      SIDECAR.replace('" said on Monday that reservoirs " }', '" said on Monday that reservoirs " }#'),
      SIDECAR.replace('notes: The authority’s own bulletin gives 24%.', 'notes: "24%\rof capacity"'),
      SIDECAR.replace('notes: The authority’s own bulletin gives 24%.', 'notes: "24%\u0085of\u2028capacity"'),
      SIDECAR.replace('notes: The authority’s own bulletin gives 24%.', 'notes: "24%\tof capacity"'),
      SIDECAR.replace(/\n/g, '\r\n'),
      `\uFEFF${SIDECAR}`,
      SIDECAR.replace('claims:\n', '\uFEFFclaims:\n'),
      `${SIDECAR}...\n`,
      `---\n${SIDECAR}`,
    ]) {
      assertSameReading(variant, ARTICLE);
    }
  });

  it('agrees with the full read on sidecars with generated values, keys and stray text', function () {
    this.timeout(120_000);
    const tricky = fc.constantFrom(
      '~', 'null', 'true', 'False', 'yes', 'off', '0x1F', '0o17', '0b11', '1_0', '+1', '-.5', '.inf', '1e999', '2024-06-10', '12:30',
      '<<', '-', '?', ':', '!!str x', '!x', '&a x', '*a', '%', '#', '"q"', "'q'", '[a, b]', '{a: 1}', '|', '>', '"\\x41"', '"\\u00e9"', '\t', '\r', '\r\n', '\n', ' ', '\u0085', '\u2028', '\uFEFF', '\u0000',
    );
    const chunk = fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 }), fc.integer().map(String), fc.double().map(String)), { maxLength: 5 }).map((parts) => parts.join(''));
    const place = fc.constantFrom(
      (x: string) => SIDECAR.replace('claims:\n', `extra:\n  key: ${x}\nclaims:\n`),
      (x: string) => SIDECAR.replace('claims:\n', `extra:\n  ${x}: value\nclaims:\n`),
      (x: string) => SIDECAR.replace('verdict: mostly-false', `verdict: ${x}`),
      (x: string) => SIDECAR.replace('notes: The authority’s own bulletin gives 24%.', `notes: ${x}`),
      (x: string) => SIDECAR.replace('quote: Zoë Aldám,', `quote: ${x},`),
      (x: string) => SIDECAR.replace('{ start: 122,', `{ start: ${x},`),
    );
    const anywhere = fc.tuple(fc.nat(SIDECAR.length), fc.nat(3), chunk).map(([at, cut, x]) => SIDECAR.slice(0, at) + x + SIDECAR.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(place, chunk).map(([put, x]) => put(x)), anywhere), (source) => assertSameReading(source, ARTICLE)),
      { numRuns: runs(1500) },
    );
  });
});
