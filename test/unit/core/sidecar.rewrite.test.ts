// Tests that rewriting a sidecar after anchors moved, mentions were added or removed and items reordered gives exactly the bytes recorded in test/fixtures/sidecar-rewrite/.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { anchorAt, type Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';
import { prng } from '../../random';

/** The mutation run, which runs these tests once per mutant, asks for a tenth of the generated cases. */
const runs = (n: number): number => (process.env.NEWSMARK_MUTATION_RUN === '1' ? Math.ceil(n / 10) : n);

const ROOT = path.resolve(__dirname, '../../../..');
const SAMPLES = path.join(ROOT, 'samples');
const RECORDED = path.join(ROOT, 'test', 'fixtures', 'sidecar-rewrite');
/** Set to record the current output again after a deliberate change of format. */
const RECORD = process.env.NEWSMARK_RECORD_REWRITES === '1';

/** The sample with a hand-written comment on every third anchor line, so the output shows which old line each anchor kept. */
function commented(source: string): string {
  let n = 0;
  return source
    .split('\n')
    .map((line) => (/\{ start: /.test(line) && n++ % 3 === 0 ? `${line} # checked ${n}` : line))
    .join('\n');
}

const DATELINE = 'Breaking, updated: ';

function shiftAll(annotations: Annotations, by: number): void {
  for (const anchor of [...annotations.actors.flatMap((a) => a.mentions), ...annotations.claims.map((c) => c.anchor)]) {
    anchor.start += by;
    anchor.end += by;
  }
}

/** A fact-checker's session: some mentions moved, removed, duplicated or added, items reordered, reviews changed. */
function edit(annotations: Annotations, text: string, random: () => number): void {
  for (const actor of annotations.actors) {
    const mentions = actor.mentions;
    if (mentions.length > 1 && random() < 0.5) {
      mentions.splice(Math.floor(random() * mentions.length), 1);
    }
    if (mentions.length && random() < 0.4) {
      // A second mark on the same text: two equal lines, one of which keeps the comment.
      mentions.push({ ...mentions[0] });
    }
    if (random() < 0.3) {
      mentions.reverse();
    }
    if (random() < 0.3) {
      delete actor.aliases;
    }
  }
  const first = annotations.actors[0];
  if (first?.mentions[0]) {
    const quote = first.mentions[0].quote;
    const at = text.lastIndexOf(quote);
    first.mentions.push(anchorAt(text, at, at + quote.length));
  }
  annotations.actors.reverse();
  for (const claim of annotations.claims) {
    if (random() < 0.5) {
      claim.status = claim.status === 'checked' ? 'in-progress' : 'checked';
    }
    if (random() < 0.3) {
      delete claim.verdict;
    }
    if (random() < 0.3) {
      claim.anchor = { ...claim.anchor, start: claim.anchor.start + 1 };
    }
  }
  if (annotations.claims.length > 1) {
    annotations.claims.splice(1, 1);
  }
}

interface Scenario {
  name: string;
  rewrite(source: string, text: string): { output: string };
}

const SCENARIOS: Scenario[] = [
  {
    name: 'moved',
    rewrite(source, text) {
      const result = decodeSidecar(source, text);
      assert.ok(result.annotations, JSON.stringify(result.problems));
      shiftAll(result.annotations, DATELINE.length);
      return { output: encodeSidecar(result.annotations, DATELINE + text, result.document) };
    },
  },
  {
    name: 'edited',
    rewrite(source, text) {
      const result = decodeSidecar(source, text);
      assert.ok(result.annotations, JSON.stringify(result.problems));
      shiftAll(result.annotations, DATELINE.length);
      edit(result.annotations, DATELINE + text, prng(20_000));
      return { output: encodeSidecar(result.annotations, DATELINE + text, result.document) };
    },
  },
];

const samples = fs
  .readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.annotations.yaml'))
  .sort();

describe('sidecar rewrite, byte for byte', () => {
  if (RECORD) {
    fs.mkdirSync(RECORDED, { recursive: true });
  }
  for (const sidecar of samples) {
    const article = sidecar.slice(0, -'.annotations.yaml'.length);
    for (const scenario of SCENARIOS) {
      it(`${article}: ${scenario.name}`, () => {
        const source = commented(fs.readFileSync(path.join(SAMPLES, sidecar), 'utf8'));
        const text = fs.readFileSync(path.join(SAMPLES, article), 'utf8');
        const { output } = scenario.rewrite(source, text);
        const file = path.join(RECORDED, `${article}.${scenario.name}.yaml`);
        if (RECORD) {
          fs.writeFileSync(file, output);
        }
        assert.equal(output, fs.readFileSync(file, 'utf8'));
        assert.notEqual(output, source, 'the scenario changes something');
      });
    }
  }
});

describe('notes of blanks and line breaks', () => {
  const TEXT = 'Kyrgyzstan hosts the exercise.\n';
  const withNotes = (notes: string): Annotations => ({
    article: { file: 'a.txt' },
    actors: [{ id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country', notes, mentions: [anchorAt(TEXT, 0, 10)] }],
    claims: [],
  });
  const readBack = (yaml: string) => decodeSidecar(yaml, TEXT).annotations?.actors[0].notes;

  it('come back exactly, written fresh and rewritten in place', () => {
    // Space-only lines before a line break were read back as a block's indentation and lost.
    const cases = [' \n', '\n \n', '  \n  \n', ' \t\n', '\n', ' \nX', 'a\n \n', '  \n\nY\n'];
    const previous = decodeSidecar(encodeSidecar(withNotes('Before.'), TEXT), TEXT).document;
    for (const notes of cases) {
      assert.equal(readBack(encodeSidecar(withNotes(notes), TEXT)), notes, `fresh: ${JSON.stringify(notes)}`);
      assert.equal(readBack(encodeSidecar(withNotes(notes), TEXT, previous)), notes, `in place: ${JSON.stringify(notes)}`);
    }
  });

  it('come back exactly whatever their blanks, breaks and letters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\n', '\t', 'x', '\r\n'), { maxLength: 8 }), (parts) => {
        const notes = parts.join('');
        assert.equal(readBack(encodeSidecar(withNotes(notes), TEXT)), notes);
      }),
      { numRuns: runs(150) },
    );
  });
});
