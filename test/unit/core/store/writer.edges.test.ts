// The shared write path where an outside change could be lost: no base, a sidecar deleted or changed twice under the write, the question's words, the retry limit.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { reattachAnnotations } from '../../../../src/core/anchoring';
import { anchorAt, type Annotations } from '../../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../../src/core/sidecar';
import { type ConflictQuestion, diskStateOf, nodeSidecarFiles, type SidecarFiles, writeMerged } from '../../../../src/core/store';
import { annotations, ARTICLE, CHANGED, usePair } from './cstoPair';

describe('writeMerged at its edges', () => {
  let article: string;
  let sidecar: string;
  usePair('newsmark-write-edges-', (a, s) => ((article = a), (sidecar = s)));

  /** The sidecar as read and re-attached to the changed article, as `reanchor` has it before writing. */
  async function reanchored() {
    const source = await fs.readFile(sidecar, 'utf8');
    const decoded = decodeSidecar(source, CHANGED);
    assert.ok(decoded.annotations);
    const base = diskStateOf(source, decoded);
    reattachAnnotations(CHANGED, decoded.annotations);
    return { base, ours: decoded.annotations };
  }

  async function saved(): Promise<Annotations> {
    const decoded = decodeSidecar(await fs.readFile(sidecar, 'utf8'), CHANGED);
    assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
    return decoded.annotations;
  }

  /** Files whose next writes are each preceded by one more outside change of the sidecar, in order. */
  function racedBy(...changes: ((a: Annotations) => void)[]): SidecarFiles {
    const node = nodeSidecarFiles(async () => 'mine');
    return {
      ...node,
      async writeSidecar(key, text, expected) {
        const change = changes.shift();
        if (change) {
          const onDisk = decodeSidecar(await fs.readFile(sidecar, 'utf8'), ARTICLE).annotations ?? annotations(ARTICLE);
          change(onDisk);
          await fs.writeFile(sidecar, encodeSidecar(onDisk, ARTICLE));
        }
        return node.writeSidecar(key, text, expected);
      },
    };
  }

  it('merges the sidecar it finds when it was given none to start from, losing none of its annotations', async () => {
    const ours: Annotations = { article: { file: 'csto.txt' }, actors: [{ id: 'csto', name: 'CSTO', type: 'organization', mentions: [anchorAt(CHANGED, CHANGED.indexOf('CSTO'), CHANGED.indexOf('CSTO') + 4)] }], claims: [] };
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, ours });
    assert.ok(outcome.kind === 'written' && outcome.merged);
    const after = await saved();
    assert.deepEqual(after.actors.map((a) => a.id).sort(), ['armenia', 'csto', 'kyrgyzstan']);
    assert.deepEqual(after.claims.map((c) => c.id), ['c1']);
  });

  it('writes the sidecar again, with every annotation, when it was deleted after it was read', async () => {
    const { base, ours } = await reanchored();
    await fs.rm(sidecar);
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'written');
    const after = await saved();
    assert.deepEqual(after.actors.map((a) => a.id), ['kyrgyzstan', 'armenia']);
    assert.equal(after.claims[0].anchor.start, CHANGED.indexOf('Approximately'));
  });

  it('keeps two outside changes, one made before the write and one during it', async () => {
    const { base, ours } = await reanchored();
    await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE, (a) => (a.actors[1].notes = 'Boycott since 2023.')), ARTICLE));
    const files = racedBy((a) => (a.actors[0].wikidata = 'Q813'));
    const outcome = await writeMerged(files, { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.ok(outcome.kind === 'written' && outcome.merged);
    const after = await saved();
    assert.equal(after.actors[1].notes, 'Boycott since 2023.');
    assert.equal(after.actors[0].wikidata, 'Q813');
    assert.equal(after.actors[0].mentions[0].start, CHANGED.indexOf('Kyrgyzstan'));
  });

  it('keeps the answer to a conflict and a change made on disk after it, asking once', async () => {
    const { base, ours } = await reanchored();
    ours.claims[0].verdict = 'true';
    await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE, (a) => (a.claims[0].verdict = 'false')), ARTICLE));
    const questions: ConflictQuestion[] = [];
    const raced = racedBy((a) => (a.actors[0].wikidata = 'Q813'));
    const files: SidecarFiles = { ...raced, ask: async (question) => (questions.push(question), 'mine') };
    const outcome = await writeMerged(files, { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'written');
    const after = await saved();
    assert.equal(after.claims[0].verdict, 'true');
    assert.equal(after.actors[0].wikidata, 'Q813');
    assert.equal(questions.length, 1);
  });

  it('asks in words that name the sidecar and every annotation changed on both sides', async () => {
    const { base, ours } = await reanchored();
    const questions: string[] = [];
    const ask = async (question: ConflictQuestion) => (questions.push(question.message), undefined);
    ours.claims[0].verdict = 'true';
    await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE, (a) => (a.claims[0].verdict = 'false')), ARTICLE));
    await writeMerged(nodeSidecarFiles(ask), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    ours.actors[1].notes = 'Stays away.';
    await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE, (a) => ((a.claims[0].verdict = 'false'), (a.actors[1].notes = 'Boycott.'))), ARTICLE));
    await writeMerged(nodeSidecarFiles(ask), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.deepEqual(questions, [
      'csto.txt.annotations.yaml was changed outside Newsmark, and one annotation was changed both there and here (c1).',
      'csto.txt.annotations.yaml was changed outside Newsmark, and 2 annotations were changed both there and here (armenia, c1).',
    ]);
  });

  it('keeps the article name the annotations already record', async () => {
    const { base, ours } = await reanchored();
    ours.article.file = 'csto-exercise.txt';
    await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal((await saved()).article.file, 'csto-exercise.txt');
  });

  it('tries five times against a sidecar that changes at every attempt, then gives up', async () => {
    const { base, ours } = await reanchored();
    let attempts = 0;
    const files: SidecarFiles = { ...nodeSidecarFiles(), writeSidecar: async () => (attempts++, 'changed') };
    assert.deepEqual(await writeMerged(files, { article, name: 'csto.txt', articleText: CHANGED, base, ours }), { kind: 'contended' });
    assert.equal(attempts, 5);
  });

  it('hands back as the next base exactly what the written sidecar reads as, with the new article’s hash', async () => {
    const { base, ours } = await reanchored();
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.ok(outcome.kind === 'written');
    assert.deepEqual(outcome.disk.annotations, decodeSidecar(await fs.readFile(sidecar, 'utf8'), CHANGED).annotations);
  });

  it('keeps our re-attachment of an orphan when the sidecar on disk, for this same article, changed something else', async () => {
    const orphaned = (a: Annotations) => (a.actors[1].mentions[0].orphaned = true);
    const source = encodeSidecar(annotations(CHANGED, orphaned), CHANGED);
    await fs.writeFile(sidecar, source);
    const decoded = decodeSidecar(source, CHANGED);
    assert.ok(decoded.annotations?.actors[1].mentions[0].orphaned);
    const base = diskStateOf(source, decoded);
    const ours = structuredClone(decoded.annotations);
    // The text of the orphan is where it was, and the user attached the mention to it again.
    delete ours.actors[1].mentions[0].orphaned;
    await fs.writeFile(sidecar, encodeSidecar(annotations(CHANGED, (a) => (orphaned(a), (a.actors[0].notes = 'Host country.'))), CHANGED));
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.ok(outcome.kind === 'written' && outcome.merged);
    const after = await saved();
    assert.equal(after.actors[0].notes, 'Host country.');
    assert.equal(after.actors[1].mentions[0].orphaned, undefined, 'the mention is attached');
    assert.equal(after.actors[1].mentions[0].start, CHANGED.indexOf('Armenia'));
  });

  it('has no state to merge against from a sidecar with errors, whether in its YAML or in its content', () => {
    for (const text of ['newsmark: 1\narticle: [unclosed\n', 'newsmark: 1\nactors: 5\n', 'newsmark: 2\n']) {
      assert.equal(diskStateOf(text, decodeSidecar(text, CHANGED)), undefined, text);
    }
  });

  it('keeps the comments of a sidecar opened for display when it is written', async () => {
    const source = `# Checked against the ministry's release.\n${encodeSidecar(annotations(CHANGED), CHANGED)}`;
    await fs.writeFile(sidecar, source);
    // Opened as the editor opens it: data at once, the comment-keeping document only when a write asks.
    const decoded = decodeSidecar(source, CHANGED, { lazyDocument: true });
    assert.ok(decoded.annotations);
    const base = diskStateOf(source, decoded);
    const ours = structuredClone(decoded.annotations);
    ours.claims[0].status = 'in-progress';
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'written');
    const written = await fs.readFile(sidecar, 'utf8');
    assert.ok(written.startsWith("# Checked against the ministry's release.\n"), written.slice(0, 80));
    assert.match(written, /status: in-progress/);
  });
});
