// Tests of what the sidecar writer puts in the file: the order of keys it adds, how it writes merge records, moved and reworded anchors, and what of a hand-edited sidecar it keeps.

import assert from 'node:assert/strict';
import { sha256 } from '../../../src/core/hash';
import { anchorAt, type Annotations, type Mention } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';
import { encodeSidecarState } from '../../../src/core/sidecarWriter';
import { ARTICLE, SIDECAR } from './codecFixture';

const HEAD = ['newsmark: 1', 'article:', '  file: csto.txt', `  sha256: ${sha256(ARTICLE)}`];
const ARMENIA = ['actors:', '  - id: armenia', '    name: Armenia', '    type: country'];
const MENTION = '{ start: 36, end: 43, quote: Armenia, prefix: "yzstan hosts the CSTO exercise.\\n", suffix: " stays away.\\n" }';

function annotations(): Annotations {
  return { article: { file: 'csto.txt' }, actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [] }], claims: [] };
}

/** SIDECAR as Newsmark writes it back: with the article's hash and the mention's context. */
const WRITTEN = [...HEAD, ...ARMENIA, '    mentions:', `      - ${MENTION}`, 'claims: []', ''].join('\n');

/** SIDECAR as read, with `edit` made to its annotations and written back over its document. */
function rewritten(source: string, edit: (a: Annotations) => void): string {
  const read = decodeSidecar(source, ARTICLE);
  assert.ok(read.annotations, JSON.stringify(read.problems));
  edit(read.annotations);
  return encodeSidecar(read.annotations, ARTICLE, read.document);
}

describe('sidecar writer', () => {
  it('writes a merge record after the format version, its keys in their order and unset ones left out', () => {
    const a = annotations();
    a.conflicts = [{ theirs: 'checked', ours: 'unchecked', base: undefined, field: 'status', id: 'c1', kind: 'claim', evidence: { ours: { notes: 'first call' } } }];
    const conflict = ['conflicts:', '  - kind: claim', '    id: c1', '    field: status', '    ours: unchecked', '    theirs: checked', '    evidence:', '      ours:', '        notes: first call'];
    assert.equal(encodeSidecar(a, ARTICLE), [HEAD[0], ...conflict, ...HEAD.slice(1), ...ARMENIA, '    mentions: []', 'claims: []', ''].join('\n'));
  });

  it('puts a key added to a merge record at its place among the keys written before', () => {
    const source = WRITTEN.replace('newsmark: 1\n', 'newsmark: 1\nconflicts:\n  - kind: claim\n    id: c1\n    field: status\n    theirs: checked\n');
    const written = rewritten(source, (a) => (a.conflicts![0].ours = 'unchecked'));
    assert.equal(written, source.replace('    field: status\n', '    field: status\n    ours: unchecked\n'));
  });

  it('writes a claim\'s keys in their order, whatever order they were set in', () => {
    const a = annotations();
    a.claims.push({ extra: { desk: 1 }, notSameAs: ['c3'], sameAs: 'c2', notes: 'n', sources: [], status: 'unchecked', anchor: anchorAt(ARTICLE, 0, 10), id: 'c1' });
    const claim = ['claims:', '  - id: c1', '    anchor: { start: 0, end: 10, quote: Kyrgyzstan, prefix: "", suffix: " hosts the CSTO exercise.\\nArmeni" }', '    status: unchecked', '    notes: n', '    sameAs: c2', '    notSameAs:', '      - c3', '    extra:', '      desk: 1'];
    assert.equal(encodeSidecar(a, ARTICLE), [...HEAD, ...ARMENIA, '    mentions: []', ...claim, ''].join('\n'));
  });

  it('writes two mentions that start at the same place shorter first', () => {
    const a = annotations();
    a.actors[0].mentions = [anchorAt(ARTICLE, 36, 49), anchorAt(ARTICLE, 36, 43)];
    const longer = '{ start: 36, end: 49, quote: Armenia stays, prefix: "yzstan hosts the CSTO exercise.\\n", suffix: " away.\\n" }';
    assert.equal(encodeSidecar(a, ARTICLE), [...HEAD, ...ARMENIA, '    mentions:', `      - ${MENTION}`, `      - ${longer}`, 'claims: []', ''].join('\n'));
  });

  it('writes an emptied list "[]" after its key, as a new sidecar has it, whether it was empty when read or not', () => {
    const emptied = [...HEAD, ...ARMENIA, '    mentions: []', 'claims: []', ''].join('\n');
    for (const source of [WRITTEN, emptied]) {
      const read = decodeSidecar(source, ARTICLE);
      assert.ok(read.annotations, JSON.stringify(read.problems));
      const a = read.annotations;
      let state = encodeSidecarState(a, ARTICLE, read.document);
      a.actors[0].mentions = [anchorAt(ARTICLE, 36, 43)];
      state = encodeSidecarState(a, ARTICLE, state);
      assert.equal(state.text, WRITTEN);
      a.actors[0].mentions = [];
      state = encodeSidecarState(a, ARTICLE, state);
      assert.equal(state.text, emptied);
      assert.equal(state.text, encodeSidecar(a, ARTICLE));
    }
  });

  it('writes again an orphaned mention whose quote, context, state or time was changed in place', () => {
    const a = annotations();
    const mention = { ...anchorAt(ARTICLE, 36, 43), orphaned: true, quote: 'Armenia', prefix: 'p', suffix: 's', by: 'desk', at: '2026-12-01T10:00:00Z' };
    a.actors[0].mentions = [mention];
    let state = encodeSidecarState(a, ARTICLE);
    const line = () => state.text.split('\n').find((l) => l.startsWith('      - '));
    assert.equal(line(), '      - { start: 36, end: 43, quote: Armenia, prefix: p, suffix: s, orphaned: true, by: desk, at: 2026-12-01T10:00:00Z }');
    const steps: [() => void, string][] = [
      [() => (mention.quote = 'Armenians'), 'quote: Armenians, prefix: p, suffix: s, orphaned: true, by: desk, at: 2026-12-01T10:00:00Z'],
      [() => (mention.prefix = 'q'), 'quote: Armenians, prefix: q, suffix: s, orphaned: true, by: desk, at: 2026-12-01T10:00:00Z'],
      [() => (mention.suffix = 't'), 'quote: Armenians, prefix: q, suffix: t, orphaned: true, by: desk, at: 2026-12-01T10:00:00Z'],
      [() => (mention.at = '2026-12-02T10:00:00Z'), 'quote: Armenians, prefix: q, suffix: t, orphaned: true, by: desk, at: 2026-12-02T10:00:00Z'],
    ];
    for (const [change, expected] of steps) {
      change();
      state = encodeSidecarState(a, ARTICLE, state);
      assert.equal(line(), `      - { start: 36, end: 43, ${expected} }`);
    }
    mention.orphaned = false;
    mention.quote = 'Armenia';
    state = encodeSidecarState(a, ARTICLE, state);
    assert.equal(line(), `      - { start: 36, end: 43, quote: Armenia, prefix: "yzstan hosts the CSTO exercise.\\n", suffix: " stays away.\\n", by: desk, at: 2026-12-02T10:00:00Z }`);
  });

  it('writes what a full write would after any one field of any mention is changed in place, to a value or to nothing', () => {
    const a = annotations();
    const mentions: Mention[] = [
      { ...anchorAt(ARTICLE, 0, 10), by: 'desk', at: '2026-12-01T10:00:00Z' },
      { ...anchorAt(ARTICLE, 36, 43), orphaned: true, by: 'desk', at: '2026-12-01T10:00:00Z' },
      anchorAt(ARTICLE, 44, 49),
    ];
    a.actors[0].mentions = mentions;
    let state = encodeSidecarState(a, ARTICLE);
    // Each change alone, to each mention in turn: the first, whose place is the start of the record of fields.
    // Orphaned first, so that the quote and context written are the mention's own; a quote then
    // set to the maker's name, and context set alike on each mention, read as another field would.
    const changes: [string, (m: Mention) => void][] = [
      ['orphaned set', (m) => (m.orphaned = true)],
      ['prefix', (m) => (m.prefix = 'p')],
      ['suffix', (m) => (m.suffix = 's')],
      ['by set', (m) => (m.by = 'night desk')],
      ['quote', (m) => (m.quote = 'night desk')],
      ['at set', (m) => (m.at = '2026-12-02T10:00:00Z')],
      ['start', (m) => (m.start -= 1)],
      ['end', (m) => (m.end += 1)],
      ['orphaned unset', (m) => delete m.orphaned],
      ['orphaned false', (m) => (m.orphaned = false)],
      ['by unset', (m) => delete m.by],
      ['at unset', (m) => delete m.at],
    ];
    for (const [name, change] of changes) {
      for (const [i, m] of mentions.entries()) {
        change(m);
        state = encodeSidecarState(a, ARTICLE, state);
        assert.equal(state.text, encodeSidecar(a, ARTICLE), `${name}, mention ${i + 1}`);
      }
    }
  });

  it('keeps each claim\'s comment with it when the claims change places and one of them changes', () => {
    const a = annotations();
    a.claims = ['c1', 'c2', 'c3'].map((id, i) => ({ id, anchor: anchorAt(ARTICLE, 36 + i, 43), status: 'unchecked' as const, sources: [] }));
    const commented = encodeSidecar(a, ARTICLE).replace(/^( {2}- id: (c\d))$/gm, '$1 # about $2');
    const read = decodeSidecar(commented, ARTICLE);
    assert.ok(read.annotations, JSON.stringify(read.problems));
    const claims = read.annotations.claims;
    let state = encodeSidecarState(read.annotations, ARTICLE, read.document);
    // c2 stays where it is and changes; c1 and c3 change places unchanged.
    read.annotations.claims = [claims[2], claims[1], claims[0]];
    claims[1].status = 'checked';
    state = encodeSidecarState(read.annotations, ARTICLE, state);
    const lines = state.text.split('\n');
    for (const id of ['c1', 'c2', 'c3']) {
      assert.ok(lines.includes(`  - id: ${id} # about ${id}`), state.text);
    }
    assert.deepEqual(decodeSidecar(state.text, ARTICLE).annotations?.claims.map((c) => [c.id, c.status]), [['c3', 'unchecked'], ['c2', 'checked'], ['c1', 'unchecked']]);
    assert.equal(state.text, encodeSidecar(read.annotations, ARTICLE, read.document));
  });

  it('writes a sidecar anew over one whose YAML could not be read', () => {
    const broken = decodeSidecar(SIDECAR.replace('name: Armenia', 'name: "Armenia'), ARTICLE);
    assert.ok(broken.document && broken.document.errors.length > 0);
    const a = annotations();
    assert.equal(encodeSidecar(a, ARTICLE, broken.document), encodeSidecar(a, ARTICLE));
  });

  it('puts the format version back at the top of a sidecar that lost it', () => {
    const read = decodeSidecar(SIDECAR.replace('newsmark: 1\n', ''), ARTICLE);
    assert.deepEqual(read.problems.map((p) => p.message), ['The sidecar is missing "newsmark".']);
    const written = encodeSidecar(annotations(), ARTICLE, read.document);
    assert.equal(written.split('\n')[0], 'newsmark: 1');
  });

  describe('keeps what a hand edit wrote', () => {
    const EXTRA = `${WRITTEN}extra:\n  note: ~\n  tags: [ a, b ]\n  list: [ a, ~ ]\n`;
    const status = (a: Annotations) => (a.actors[0].type = 'person');

    it('an empty value written "~", a list in brackets and an empty item, when something else changes', () => {
      assert.equal(rewritten(EXTRA, status), EXTRA.replace('type: country', 'type: person'));
    });

    it('a list in brackets when an item is added to it', () => {
      assert.equal(
        rewritten(EXTRA, (a) => (a.extra!.tags as string[]).push('c')),
        EXTRA.replace('tags: [ a, b ]', 'tags: [ a, b, c ]'),
      );
    });

    it('a mention quoted its own way while it stays where it is', () => {
      const source = WRITTEN.replace('quote: Armenia,', "quote: 'Armenia',");
      assert.equal(rewritten(source, status), source.replace('type: country', 'type: person'));
    });
  });

  it('writes a value that became a list as a list, and one that became a number as a number', () => {
    const source = `${WRITTEN}extra:\n  tags: one\n  size: { a: 1 }\n`;
    const written = rewritten(source, (a) => {
      a.extra!.tags = ['one', 'two'];
      a.extra!.size = 5;
    });
    assert.equal(written, `${WRITTEN}extra:\n  tags:\n    - one\n    - two\n  size: 5\n`);
  });

  it('writes a key added to a map of extra data after the keys already there', () => {
    const source = `${WRITTEN}extra:\n  b: 1\n  a: 2\n`;
    assert.equal(
      rewritten(source, (a) => (a.extra!.c = 3)),
      `${source}  c: 3\n`,
    );
  });

  it('writes each value that changed its kind as the new kind, write after write', () => {
    const a = annotations();
    a.extra = { list: [], map: { a: 1 }, gone: { a: 1 }, text: { a: 1 } };
    let state = encodeSidecarState(a, ARTICLE);
    a.extra = { list: {}, map: null, gone: 'x', text: 'y' };
    state = encodeSidecarState(a, ARTICLE, state);
    assert.match(state.text, /\nextra:\n {2}list: \{\}\n {2}map: null\n {2}gone: x\n {2}text: y\n$/);
    a.extra = { list: [], map: { a: 1 }, gone: { a: 1 }, text: { a: 1 } };
    state = encodeSidecarState(a, ARTICLE, state);
    assert.match(state.text, /\nextra:\n {2}list: \[\]\n {2}map:\n {4}a: 1\n {2}gone:\n {4}a: 1\n {2}text:\n {4}a: 1\n$/);
    assert.equal(state.text, encodeSidecar(a, ARTICLE));
  });

  it('writes a note of several lines as a "|" block, and one of only spaces in quotes', () => {
    const a = annotations();
    a.actors[0].notes = 'Minister since 2021.\nAgain in 2024.';
    a.extra = { pad: '   ' };
    const written = encodeSidecar(a, ARTICLE);
    assert.match(written, /\n {4}notes: \|-\n {6}Minister since 2021\.\n {6}Again in 2024\.\n/);
    assert.match(written, /\nextra:\n {2}pad: " {3}"\n$/);
    assert.equal(decodeSidecar(written, ARTICLE).annotations!.extra!.pad, '   ');
  });
});
