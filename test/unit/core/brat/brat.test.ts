// Tests of brat standoff import and export: exact round trips, edits made in Newsmark reaching brat, and bad .ann files refused by line.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bratFragments, exportBrat, importBrat, parseAnn } from '../../../../src/core/brat';
import { shiftAnchors } from '../../../../src/core/edits';
import { type Annotations, anchorAt, emptyAnnotations } from '../../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../../src/core/sidecar';

const FIXTURES = join(__dirname, '../../../../../test/fixtures/brat');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Imports a pair and passes it through the sidecar on disk, as the command-line tool does. */
function importThroughSidecar(txt: string, ann: string): { annotations: Annotations; text: string; ann: string } {
  const text = read(txt);
  const source = read(ann);
  const result = importBrat(text, source, { articleFile: txt });
  assert.deepEqual(result.problems, []);
  const yaml = encodeSidecar(result.annotations!, text);
  const decoded = decodeSidecar(yaml, text);
  assert.deepEqual(decoded.problems, [], 'the imported sidecar is valid');
  return { annotations: decoded.annotations!, text, ann: source };
}

function tLine(ann: string, id: string): string {
  return ann.split(/\r?\n/).find((l) => l.startsWith(`${id}\t`)) ?? '';
}

describe('brat', () => {
  describe('import', () => {
    // Decoded in before(), not while mocha loads the file, so a run that skips this suite does not pay for it.
    let annotations: Annotations;
    let text: string;
    before(() => ({ annotations, text } = importThroughSidecar('summit.txt', 'summit.ann')));
    const actor = (name: string) => annotations.actors.find((a) => a.name === name)!;

    it('makes actors of every type but Claim, one per type and Wikidata id or per type and text', () => {
      assert.deepEqual(
        annotations.actors.map((a) => `${a.type}:${a.name}`),
        [
          'person:Nikol Pashinyan',
          'country:Armenia',
          'country:Azerbaijan',
          'person:Ilham Aliyev',
          'location:Brussels',
          'person:Pashinyan',
          'organization:European Union',
          'person:Charles Michel',
          'organization:European Council',
          'meet:meeting',
          'group:Armenian foreign ministers',
          'location:YEREVAN',
        ],
      );
      // The second "Brussels" carries the same Wikidata id; the second "Armenia" has none but the same text.
      assert.equal(actor('Brussels').mentions.length, 2);
      assert.equal(actor('Armenia').mentions.length, 2);
      assert.equal(actor('Pashinyan').mentions.length, 3);
    });

    it('reads code-point offsets past emoji into the right text', () => {
      for (const a of annotations.actors) {
        for (const m of a.mentions) {
          assert.equal(text.slice(m.start, m.end), m.quote);
        }
      }
      // "👍" and "🇦🇲" precede these mentions: UTF-16 offsets run ahead of brat's.
      assert.equal(text.slice(actor('Pashinyan').mentions[2].start).slice(0, 9), 'Pashinyan');
      assert.ok(actor('Pashinyan').mentions[2].start > 963);
    });

    it('takes Wikidata normalizations as Wikidata ids and leaves other databases alone', () => {
      assert.equal(actor('Armenia').wikidata, 'Q399');
      assert.equal(actor('European Union').wikidata, 'Q458');
      assert.equal(actor('YEREVAN').wikidata, undefined);
    });

    it('anchors a discontinuous mention on the span covering its fragments', () => {
      const group = actor('Armenian foreign ministers');
      assert.equal(group.mentions[0].quote, 'Armenian and Azerbaijani foreign ministers');
      const fragments = bratFragments(annotations, text).get(group.mentions[0])!;
      assert.deepEqual(
        fragments.map(([s, e]) => text.slice(s, e)),
        ['Armenian', 'foreign ministers'],
      );
    });

    it('turns Claim annotations into claims with verdict, status, notes and claimant', () => {
      const [c1, c2, c3] = annotations.claims;
      assert.equal(c1.anchor.quote, 'We have agreed on 15 of the 17 articles');
      assert.equal(c1.verdict, 'mostly-false');
      assert.equal(c1.status, 'checked');
      assert.equal(c1.notes, 'The official minutes list 12 agreed articles, not 15.');
      assert.equal(c1.claimant, actor('Pashinyan').id);
      assert.equal(c2.status, 'unchecked');
      assert.equal(c2.anchor.quote, 'The agreement," Pashinyan said, "will be signed before the end of the year.');
      assert.equal(c3.status, 'in-progress');
      assert.equal(actor('Ilham Aliyev').notes, 'President of Azerbaijan since 2003.');
    });

    it('maps brat types through the settings', () => {
      const result = importBrat(read('summit.txt'), read('summit.ann'), {
        articleFile: 'summit.txt',
        mapping: { actorTypes: { Organization: 'organisation', Group: 'organisation' }, claimTypes: ['Claim', 'Meet'] },
      });
      const a = result.annotations!;
      assert.equal(a.actors.find((x) => x.name === 'European Union')!.type, 'organisation');
      assert.ok(a.claims.some((c) => c.anchor.quote === 'meeting'));
    });
  });

  describe('round trip', () => {
    for (const [txt, ann] of [
      ['summit.txt', 'summit.ann'],
      ['budget.txt', 'budget.ann'],
      ['budget.txt', 'budget-brat-editor.ann'],
      ['traf6.txt', 'traf6.ann'],
    ]) {
      it(`gives ${ann} back byte for byte after import → sidecar → export`, () => {
        const pair = importThroughSidecar(txt, ann);
        const result = exportBrat(pair.annotations, pair.text);
        assert.deepEqual(result.warnings, []);
        assert.equal(result.ann, pair.ann);
      });
    }

    it('keeps two annotations on one span apart: each its own id and type, so events keep pointing at the right one', () => {
      const pair = importThroughSidecar('traf6.txt', 'traf6.ann');
      const types = (ann: string) => Object.fromEntries(parseAnn(ann).lines.filter((l) => l.kind === 'T').map((l) => [l.id, l.type]));
      const before = types(pair.ann);
      assert.equal(before.T3, 'Catalysis');
      assert.equal(before.T4, 'Ubiquitination');
      // After an edit before them, too, when the records pair by reading order.
      const inserted = 'In vitro, ';
      shiftAnchors(
        [...pair.annotations.actors.flatMap((a) => a.mentions), ...pair.annotations.claims.map((c) => c.anchor)],
        [{ offset: 0, length: 0, text: inserted }],
      );
      const result = exportBrat(pair.annotations, inserted + pair.text);
      assert.deepEqual(result.warnings, []);
      assert.deepEqual(types(result.ann), before);
      assert.match(result.ann, /^E2\tCatalysis:T3 Theme:E1 Cause:T1$/m);
      assert.match(result.ann, /^#1\tAnnotatorNotes T3\tTRAF6 is an E3 ligase\.$/m);
    });

    it('keeps blank lines inside notes through export and import', () => {
      for (const notes of ['First.\n\nSecond.', '\n\nAfter two blank lines.', 'Before two blank lines.\n\n', 'Spaces:\n   \nkept.', 'Tab\tinside.', '\n']) {
        const pair = importThroughSidecar('summit.txt', 'summit.ann');
        pair.annotations.claims[0].notes = notes;
        pair.annotations.actors.find((a) => a.name === 'Ilham Aliyev')!.notes = notes;
        const { ann, warnings } = exportBrat(pair.annotations, pair.text);
        assert.deepEqual(warnings, []);
        const back = importBrat(pair.text, ann, { articleFile: 'summit.txt' });
        assert.deepEqual(back.problems, []);
        assert.equal(back.annotations!.claims[0].notes, notes, JSON.stringify(notes));
        assert.equal(back.annotations!.actors.find((a) => a.name === 'Ilham Aliyev')!.notes, notes, JSON.stringify(notes));
        assert.deepEqual(exportBrat(back.annotations!, pair.text).ann, ann, 'and export again gives the same file');
      }
    });

    it('reads offsets written by brat’s editor, which counts a Windows line break as one character', () => {
      const text = read('budget.txt');
      const plain = importBrat(text, read('budget.ann'), { articleFile: 'budget.txt' });
      const editor = importBrat(text, read('budget-brat-editor.ann'), { articleFile: 'budget.txt' });
      assert.equal(plain.counting, 'code-points');
      assert.equal(editor.counting, 'crlf-as-one');
      assert.deepEqual(
        editor.annotations!.claims.map((c) => c.anchor),
        plain.annotations!.claims.map((c) => c.anchor),
      );
    });

    it('moves every offset, discontinuous fragments included, when the article was edited before them', () => {
      const pair = importThroughSidecar('summit.txt', 'summit.ann');
      const inserted = 'UPDATED 🕒 14:05 — ';
      const text = inserted + pair.text;
      shiftAnchors(
        [...pair.annotations.actors.flatMap((a) => a.mentions), ...pair.annotations.claims.map((c) => c.anchor)],
        [{ offset: 0, length: 0, text: inserted }],
      );
      const result = exportBrat(pair.annotations, text);
      assert.deepEqual(result.warnings, []);
      const shift = [...inserted].length;
      const before = parseAnn(pair.ann).lines;
      const after = parseAnn(result.ann).lines;
      assert.equal(after.length, before.length);
      for (const [i, l] of before.entries()) {
        const now = after[i];
        assert.equal(now.id, l.id);
        if (l.kind === 'T' && now.kind === 'T') {
          assert.deepEqual(now.fragments, l.fragments.map(([s, e]) => [s + shift, e + shift]));
          assert.equal(now.text, l.text);
        } else {
          assert.equal(now.raw, l.raw);
        }
      }
    });
  });

  describe('export after edits in Newsmark', () => {
    it('rewrites the lines whose fields changed, keeping their ids', () => {
      const { annotations, text } = importThroughSidecar('summit.txt', 'summit.ann');
      const c1 = annotations.claims[0];
      c1.verdict = 'false';
      c1.notes = 'The official minutes list 12 agreed articles.\nConfirmed with the EU press office.';
      const armenia = annotations.actors.find((a) => a.name === 'Armenia')!;
      armenia.wikidata = undefined;
      const yerevan = annotations.actors.find((a) => a.name === 'YEREVAN')!;
      yerevan.wikidata = 'Q1953';
      c1.claimant = annotations.actors.find((a) => a.name === 'Nikol Pashinyan')!.id;
      const { ann, warnings } = exportBrat(annotations, text);
      assert.deepEqual(warnings, []);
      assert.match(ann, /^A1\tVerdict T6 false$/m);
      assert.match(ann, /^#1\tAnnotatorNotes T6\tThe official minutes list 12 agreed articles\.$/m);
      assert.match(ann, /^#4\tAnnotatorNotes T6\tConfirmed with the EU press office\.$/m);
      assert.doesNotMatch(ann, /^N1\t/m);
      // Beside its GeoNames normalization, which stays.
      assert.match(ann, /^N7\tReference T19 Wikidata:Q1953\tYEREVAN$/m);
      assert.match(ann, /^R1\tClaimant Arg1:T6 Arg2:T1$/m);
      // Untouched lines stay as they were.
      assert.match(ann, /^N5\tReference T19 GeoNames:616052\tYerevan$/m);
      assert.match(ann, /^A4\tStatus T17 in-progress$/m);
    });

    it('writes a status brat cannot infer from the verdict, and drops one that became inferable', () => {
      const { annotations, text } = importThroughSidecar('summit.txt', 'summit.ann');
      annotations.claims[1].status = 'in-progress';
      annotations.claims[2].status = 'unchecked';
      const { ann } = exportBrat(annotations, text);
      assert.match(ann, /^A5\tStatus T8 in-progress$/m);
      assert.doesNotMatch(ann, /^A4\t/m);
    });

    it('drops a removed mention and, with a warning, the lines that pointed at it', () => {
      const { annotations, text } = importThroughSidecar('summit.txt', 'summit.ann');
      const meeting = annotations.actors.find((a) => a.name === 'meeting')!;
      annotations.actors.splice(annotations.actors.indexOf(meeting), 1);
      const { ann, warnings } = exportBrat(annotations, text);
      assert.doesNotMatch(ann, /^T13\t/m);
      // The event, its attributes and its note all hang off the trigger.
      for (const id of ['E1', 'A2', 'A3', 'M1', '#2']) {
        assert.doesNotMatch(ann, new RegExp(`^${id}\\t`, 'm'));
      }
      assert.deepEqual(
        warnings.map((w) => w.code),
        ['dangling', 'dangling', 'dangling', 'dangling', 'dangling'],
      );
      assert.match(warnings[0].message, /E1 is left out: it refers to T13/);
      assert.doesNotThrow(() => assert.deepEqual(importBrat(text, ann, { articleFile: 'summit.txt' }).problems, []));
    });

    it('gives new mentions new ids and keeps the rest', () => {
      const { annotations, text } = importThroughSidecar('summit.txt', 'summit.ann');
      const start = text.indexOf("Aliyev's office");
      annotations.actors.find((a) => a.name === 'Ilham Aliyev')!.mentions.push(anchorAt(text, start, start + 6));
      const { ann } = exportBrat(annotations, text);
      const line = tLine(ann, 'T20');
      assert.match(line, /^T20\tPerson \d+ \d+\tAliyev$/);
      assert.equal(tLine(ann, 'T4'), 'T4\tPerson 222 234\tIlham Aliyev');
      assert.deepEqual(importBrat(text, ann, { articleFile: 'summit.txt' }).problems, []);
    });

    it('keeps the ids of mentions whose actor was merged into another', () => {
      const { annotations, text, ann } = importThroughSidecar('summit.txt', 'summit.ann');
      const from = annotations.actors.find((a) => a.name === 'Pashinyan')!;
      const into = annotations.actors.find((a) => a.name === 'Nikol Pashinyan')!;
      into.mentions.push(...from.mentions);
      into.aliases = ['Pashinyan'];
      annotations.actors.splice(annotations.actors.indexOf(from), 1);
      annotations.claims.forEach((c) => (c.claimant = into.id));
      const result = exportBrat(annotations, text);
      assert.deepEqual(result.warnings, []);
      // The claimant relations still point at the same mentions, so even they are unchanged.
      assert.equal(result.ann, ann);
    });

    it('exports fragments as one span when the text inside a discontinuous mention changed', () => {
      const { annotations, text } = importThroughSidecar('summit.txt', 'summit.ann');
      const mention = annotations.actors.find((a) => a.name === 'Armenian foreign ministers')!.mentions[0];
      const edited = text.slice(0, mention.start) + 'Armenian and Georgian foreign ministers' + text.slice(mention.end);
      shiftAnchors(
        [...annotations.actors.flatMap((a) => a.mentions), ...annotations.claims.map((c) => c.anchor)],
        [{ offset: mention.start + 13, length: 'Azerbaijani'.length, text: 'Georgian' }],
      );
      const { ann, warnings } = exportBrat(annotations, edited);
      assert.deepEqual(warnings.map((w) => w.code), ['fragments-lost']);
      assert.match(tLine(ann, 'T15'), /^T15\tGroup \d+ \d+\tArmenian and Georgian foreign ministers$/);
    });
  });

  describe('export of annotations made in Newsmark', () => {
    const text = 'Minister Daniel Roca said:\r\n"Unemployment is at its lowest\r\nlevel since 2008." 📉\n';
    const annotations = emptyAnnotations('roca.txt');
    const nameStart = text.indexOf('Daniel Roca');
    const claimStart = text.indexOf('Unemployment');
    const claimEnd = text.indexOf('2008') + 4;
    annotations.actors.push({ id: 'daniel-roca', name: 'Daniel Roca', type: 'person', wikidata: 'Q123', notes: 'Finance minister.', mentions: [anchorAt(text, nameStart, nameStart + 11)] });
    annotations.claims.push({ id: 'c1', anchor: anchorAt(text, claimStart, claimEnd), claimant: 'daniel-roca', status: 'checked', verdict: 'true', sources: [{ url: 'https://stats.example.org/q3' }] });

    it('writes T, N, #, A and R lines, splitting a claim across a line break into fragments', () => {
      const { ann, warnings } = exportBrat(annotations, text);
      assert.deepEqual(warnings, []);
      assert.equal(
        ann,
        [
          'T1\tPerson 9 20\tDaniel Roca',
          'T2\tClaim 29 58;60 76\tUnemployment is at its lowest level since 2008',
          'N1\tReference T1 Wikidata:Q123\tDaniel Roca',
          '#1\tAnnotatorNotes T1\tFinance minister.',
          'A1\tVerdict T2 true',
          'R1\tClaimant Arg1:T2 Arg2:T1',
          '',
        ].join('\n'),
      );
      assert.deepEqual(importBrat(text, ann, { articleFile: 'roca.txt' }).problems, []);
    });

    it('leaves out orphaned anchors with a warning', () => {
      const copy: Annotations = structuredClone(annotations);
      copy.claims[0].anchor.orphaned = true;
      const { ann, warnings } = exportBrat(copy, text);
      assert.doesNotMatch(ann, /Claim/);
      assert.deepEqual(warnings.map((w) => w.code), ['orphaned']);
    });
  });

  describe('bad input', () => {
    const text = read('summit.txt');
    const problems = (ann: string) => {
      const result = importBrat(text, ann, { articleFile: 'summit.txt' });
      assert.equal(result.annotations, undefined, 'nothing is imported from a bad file');
      return result.problems.map((p) => `${p.line}:${p.column} ${p.code}: ${p.message}`);
    };

    it('refuses a text-bound annotation that covers no text, at its line and column in the .ann', () => {
      assert.deepEqual(problems('T1\tPerson 70 85\tNikol Pashinyan\nT2\tPerson 70 70\t\nT3\tClaim 250 250;260 260\t \nT4\tPerson 70 85;86 86\tNikol Pashinyan \n'), [
        '2:11 empty-span: T2: the fragment 70–70 covers no text; Newsmark marks only spans that hold text.',
        '3:10 empty-span: T3: the fragment 250–250 covers no text; Newsmark marks only spans that hold text.',
        '3:10 empty-span: T3: the fragment 260–260 covers no text; Newsmark marks only spans that hold text.',
        '4:11 empty-span: T4: the fragment 86–86 covers no text; Newsmark marks only spans that hold text.',
      ]);
    });

    it('names the line of an unknown line type', () => {
      assert.deepEqual(problems('T1\tPerson 70 85\tNikol Pashinyan\nX1\tSomething T1\n'), [
        '2:1 unknown-line-type: Unknown annotation type "X1": brat lines start with T, R, E, A, M, N, # or *.',
      ]);
    });

    it('names the line whose text does not match its offsets', () => {
      assert.deepEqual(problems('T1\tPerson 70 85\tNikol Pashinyan\nT2\tPerson 71 85\tNikol Pashinyan\n'), [
        '2:17 text-mismatch: T2: the line quotes "Nikol Pashinyan", but the text at 71 85 reads "ikol Pashinyan".',
      ]);
    });

    it('refuses overlapping or touching fragments and offsets past the end', () => {
      assert.deepEqual(problems('T1\tPerson 70 76;74 85\tNikol  Pashinyan\nT2\tPerson 70 76;76 85\tNikol Pashinyan\nT3\tPerson 1100 1105\tx\n'), [
        '1:11 overlapping-fragments: T1: the fragments 70–76 and 74–85 overlap or touch; brat fragments must be apart.',
        '2:11 overlapping-fragments: T2: the fragments 70–76 and 76–85 overlap or touch; brat fragments must be apart.',
        '3:11 offset-out-of-range: T3: the fragment 1100–1105 runs past the end of the text, which has 1056 characters.',
      ]);
    });

    it('reports layout errors, duplicate ids and references to nothing', () => {
      assert.deepEqual(problems('T1 Person 70 85 Nikol Pashinyan\nT2\tPerson 70 85\tNikol Pashinyan\nT2\tPerson 70 85\tNikol Pashinyan\nR1\tClaimant Arg1:T2 Arg2:T9\nE1\tMeet Participant:T2\n'), [
        '1:1 syntax: Expected an id, a tab and the annotation, but the line has no tab: "T1 Person 70 85 Nikol Pashinyan".',
        '3:1 duplicate-id: The id T2 is already used on line 2.',
        '4:1 unknown-reference: R1 refers to T9 as "Arg2", but no line defines T9.',
        '5:4 syntax: E1: an event starts with "TYPE:TRIGGER", such as "Attack:T2".',
      ]);
    });
  });

  describe('conflicting lines', () => {
    const text = read('summit.txt');
    const extra = ['A5\tVerdict T6 true', 'R5\tClaimant Arg1:T6 Arg2:T4', 'A6\tStatus T17 checked', 'A7\tVerdict T6 mostly-false'];
    const ann = read('summit.ann') + extra.join('\n') + '\n';

    it('keeps the first verdict, claimant and status, warns naming both lines, and keeps the others in the notes', () => {
      const result = importBrat(text, ann, { articleFile: 'summit.txt' });
      assert.deepEqual(result.problems, []);
      assert.deepEqual(
        result.warnings.map((w) => `${w.line}:${w.column} ${w.code}: ${w.message}`),
        [
          '40:1 conflicting-verdict: T6 has a second verdict: "true" on line 40 (A5), beside "mostly-false" on line 31 (A1). Newsmark keeps the one on line 31 and adds the other to the claim’s notes.',
          '41:1 conflicting-claimant: T6 has a second claimant: Ilham Aliyev on line 41 (R5), beside Pashinyan on line 27 (R1). Newsmark keeps the one on line 27 and adds the other to the claim’s notes.',
          '42:1 conflicting-status: T17 has a second status: "checked" on line 42 (A6), beside "in-progress" on line 35 (A4). Newsmark keeps the one on line 35 and adds the other to the claim’s notes.',
        ],
      );
      const [c1, , c3] = result.annotations!.claims;
      assert.equal(c1.verdict, 'mostly-false');
      assert.equal(c1.claimant, result.annotations!.actors.find((a) => a.name === 'Pashinyan')!.id);
      assert.equal(c1.notes, 'The official minutes list 12 agreed articles, not 15.\nAlso in brat: Verdict true (A5).\nAlso in brat: Claimant Ilham Aliyev (R5).');
      assert.equal(c3.status, 'in-progress');
      assert.equal(c3.notes, 'Also in brat: Status checked (A6).');
    });

    it('gives the file back unchanged, and writes no note line for what the brat lines already say', () => {
      const pair = importBrat(text, ann, { articleFile: 'summit.txt' });
      const decoded = decodeSidecar(encodeSidecar(pair.annotations!, text), text);
      assert.deepEqual(decoded.problems, []);
      const same = exportBrat(decoded.annotations!, text);
      assert.deepEqual(same.warnings, []);
      assert.equal(same.ann, ann);
      const c1 = decoded.annotations!.claims[0];
      c1.notes = `${c1.notes}\nCalled the press office.`;
      const edited = exportBrat(decoded.annotations!, text).ann;
      assert.doesNotMatch(edited, /^#.*Also in brat/m);
      assert.match(edited, /^#4\tAnnotatorNotes T6\tCalled the press office\.$/m);
      for (const line of extra) {
        assert.match(edited, new RegExp(`^${line}$`, 'm'));
      }
    });
  });

  describe('text brat would misread', () => {
    it('shows bidirectional controls in notes and types it writes, and reads its markers back', () => {
      const pair = importThroughSidecar('summit.txt', 'summit.ann');
      pair.annotations.claims[0].notes = 'Attachment: Invoice\u202Etxt.exe';
      pair.annotations.actors.find((a) => a.name === 'YEREVAN')!.type = 'capital\u2067city';
      const { ann } = exportBrat(pair.annotations, pair.text);
      assert.doesNotMatch(ann, /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
      assert.match(ann, /^#1\tAnnotatorNotes T6\tAttachment: Invoice⟨U\+202E⟩txt\.exe$/m);
      assert.match(ann, /^T19\tCapital⟨U\+2067⟩city 45 52\tYEREVAN$/m);
      assert.equal(importBrat(pair.text, ann, { articleFile: 'summit.txt' }).annotations!.claims[0].notes, 'Attachment: Invoice\u202Etxt.exe');
    });

    it('writes a value holding a line break or tab on one line, so it cannot add lines to the .ann', () => {
      const pair = importThroughSidecar('summit.txt', 'summit.ann');
      pair.annotations.claims[0].verdict = 'false\nT99\tPerson 0 7\tYerevan';
      pair.annotations.actors.find((a) => a.name === 'YEREVAN')!.name = 'Yerevan\r\nT98\tPerson 0 7\tYerevan';
      pair.annotations.actors.find((a) => a.name === 'Yerevan\r\nT98\tPerson 0 7\tYerevan')!.wikidata = 'Q1953';
      const { ann, warnings } = exportBrat(pair.annotations, pair.text);
      assert.doesNotMatch(ann, /^T9[89]\t/m);
      assert.match(ann, /^A1\tVerdict T6 false T99 Person 0 7 Yerevan$/m);
      assert.equal(parseAnn(ann).lines.length, parseAnn(pair.ann).lines.length + 1);
      assert.deepEqual(warnings.map((w) => w.code), ['value-on-one-line', 'value-on-one-line']);
    });
  });
});
