// Property tests of brat import: whatever .ann it accepts gives a valid sidecar and comes back from export byte for byte.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { exportBrat, importBrat } from '../../../../src/core/brat';
import { decodeSidecar, encodeSidecar } from '../../../../src/core/sidecar';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/brat');
const TEXT = readFileSync(join(FIXTURES, 'summit.txt'), 'utf8');
const CODE_POINTS = Array.from(TEXT);

// Spans anywhere in the article, empty ones and ones across line breaks and emoji included.
const span = fc.integer({ min: 0, max: CODE_POINTS.length }).chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: start, max: Math.min(CODE_POINTS.length, start + 40) })));
const textBound = fc.record({
  type: fc.constantFrom('Person', 'Claim', 'Country', 'Meet', 'GPE_Loc', 'Claim'),
  fragments: fc.array(span, { minLength: 1, maxLength: 2 }),
});
const value = fc.constantFrom('true', 'false', 'mostly-false', 'in-progress', 'checked', 'unchecked', 'x y', 'a⟨U+202E⟩b', '');
const note = fc.constantFrom('', ' ', '  ', 'trailing ', 'Checked with the ministry.', 'Also in brat: Verdict true (A1).', 'tab\there', '⟨U+2066⟩x');

const annFile = fc
  .record({
    ts: fc.array(textBound, { minLength: 1, maxLength: 8 }),
    attributes: fc.array(fc.record({ type: fc.constantFrom('Verdict', 'Status', 'Negation'), target: fc.nat(), value }), { maxLength: 6 }),
    relations: fc.array(fc.record({ type: fc.constantFrom('Claimant', 'Head_of'), a: fc.nat(), b: fc.nat() }), { maxLength: 4 }),
    notes: fc.array(fc.record({ target: fc.nat(), text: note }), { maxLength: 5 }),
    normalizations: fc.array(fc.record({ target: fc.nat(), q: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
  })
  .map(({ ts, attributes, relations, notes, normalizations }) => {
    const tId = (n: number) => `T${(n % ts.length) + 1}`;
    const lines = ts.map((t, i) => {
      const fragments = [...t.fragments].sort((x, y) => x[0] - y[0]);
      const quoted = fragments.map(([s, e]) => CODE_POINTS.slice(s, e).join('')).join(' ');
      return `T${i + 1}\t${t.type} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${quoted}`;
    });
    attributes.forEach((a, i) => lines.push(`A${i + 1}\t${a.type} ${tId(a.target)}${a.value ? ` ${a.value}` : ''}`));
    relations.forEach((r, i) => lines.push(`R${i + 1}\t${r.type} Arg1:${tId(r.a)} Arg2:${tId(r.b)}`));
    notes.forEach((n, i) => lines.push(`#${i + 1}\tAnnotatorNotes ${tId(n.target)}\t${n.text}`));
    normalizations.forEach((n, i) => lines.push(`N${i + 1}\tReference ${tId(n.target)} Wikidata:Q${n.q}\tx`));
    return lines.join('\n') + '\n';
  });

describe('brat (properties)', () => {
  it('accepts a .ann only if its sidecar is valid, and gives an accepted .ann back byte for byte', () => {
    let accepted = 0;
    fc.assert(
      fc.property(annFile, (ann) => {
        const result = importBrat(TEXT, ann, { articleFile: 'summit.txt' });
        if (!result.annotations) {
          assert.ok(result.problems.length > 0);
          for (const p of result.problems) {
            assert.ok(p.line >= 1 && p.line <= ann.split('\n').length && p.column >= 1, JSON.stringify(p));
          }
          return;
        }
        accepted++;
        const decoded = decodeSidecar(encodeSidecar(result.annotations, TEXT), TEXT);
        assert.deepEqual(decoded.problems.filter((p) => p.severity === 'error'), []);
        const back = exportBrat(decoded.annotations!, TEXT);
        assert.deepEqual(back.warnings, []);
        assert.equal(back.ann, ann);
      }),
      { numRuns: 400, seed: 20261201 },
    );
    assert.ok(accepted > 50, `only ${accepted} of 400 random files were accepted`);
  });
});
