// The write path the editor and the command line share, on a real folder through the Node host, as `reanchor` would use it.

import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { reattachAnnotations } from '../../../../src/core/anchoring';
import type { Annotations } from '../../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../../src/core/sidecar';
import { diskStateOf, nodeSidecarFiles, type SidecarFiles, writeMerged } from '../../../../src/core/store';
import { annotations, ARTICLE, CHANGED, usePair } from './cstoPair';

describe('writeMerged', () => {
  let article: string;
  let sidecar: string;
  usePair('newsmark-write-', (a, s) => ((article = a), (sidecar = s)));

  /** What `reanchor` does before it writes: read the pair and find every anchor again. */
  async function reanchored() {
    const source = await fs.readFile(sidecar, 'utf8');
    const decoded = decodeSidecar(source, CHANGED);
    assert.ok(decoded.annotations && decoded.stale);
    const base = diskStateOf(source, decoded);
    reattachAnnotations(CHANGED, decoded.annotations);
    return { source, base, ours: decoded.annotations };
  }

  async function saved(): Promise<Annotations> {
    const decoded = decodeSidecar(await fs.readFile(sidecar, 'utf8'), CHANGED);
    assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
    assert.equal(decoded.stale, false);
    return decoded.annotations;
  }

  it('writes re-attached anchors when nobody else touched the sidecar', async () => {
    const { base, ours } = await reanchored();
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'written');
    assert.equal((await saved()).claims[0].anchor.start, CHANGED.indexOf('Approximately'));
  });

  it('keeps an edit made to the sidecar while it ran, merged with the moved anchors', async () => {
    const { base, ours } = await reanchored();
    // A colleague adds a note in their editor, against the old article text.
    await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE, (a) => (a.actors[1].notes = 'Boycott since 2023.')), ARTICLE));
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'written');
    assert.ok(outcome.kind === 'written' && outcome.merged);
    const after = await saved();
    assert.equal(after.actors[1].notes, 'Boycott since 2023.');
    assert.equal(after.actors[1].mentions[0].start, CHANGED.indexOf('Armenia'));
    assert.equal(after.claims[0].anchor.start, CHANGED.indexOf('Approximately'));
  });

  it('refuses a real conflict without a user to ask, leaving the file byte for byte', async () => {
    const { base, ours } = await reanchored();
    ours.claims[0].verdict = 'true';
    const theirs = encodeSidecar(annotations(ARTICLE, (a) => (a.claims[0].verdict = 'false')), ARTICLE);
    await fs.writeFile(sidecar, theirs);
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.deepEqual(outcome, { kind: 'undecided', conflicts: ['c1'] });
    assert.equal(await fs.readFile(sidecar, 'utf8'), theirs);
  });

  it('obeys the answer when there is someone to ask', async () => {
    const { base, ours } = await reanchored();
    ours.claims[0].verdict = 'true';
    await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE, (a) => (a.claims[0].verdict = 'false')), ARTICLE));
    const files = nodeSidecarFiles(async (question) => {
      assert.deepEqual(question.conflicts, ['c1']);
      return 'theirs';
    });
    await writeMerged(files, { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    const after = await saved();
    assert.equal(after.claims[0].verdict, 'false');
    assert.equal(after.claims[0].anchor.start, CHANGED.indexOf('Approximately'), 'their version is re-attached to the new article too');
  });

  it('reads and merges again when the sidecar changes between its read and the rename', async () => {
    const { base, ours } = await reanchored();
    const node = nodeSidecarFiles();
    let raced = false;
    const racing: SidecarFiles = {
      ...node,
      async writeSidecar(key, text, expected) {
        if (!raced) {
          raced = true;
          await fs.writeFile(sidecar, encodeSidecar(annotations(ARTICLE, (a) => (a.actors[0].wikidata = 'Q813')), ARTICLE));
        }
        return node.writeSidecar(key, text, expected);
      },
    };
    const outcome = await writeMerged(racing, { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'written');
    const after = await saved();
    assert.equal(after.actors[0].wikidata, 'Q813');
    assert.equal(after.actors[0].mentions[0].start, CHANGED.indexOf('Kyrgyzstan'));
  });

  it('gives up, writing nothing, when the sidecar changes at every attempt', async () => {
    const { source, base, ours } = await reanchored();
    const files: SidecarFiles = { ...nodeSidecarFiles(), writeSidecar: async () => 'changed' };
    const outcome = await writeMerged(files, { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.deepEqual(outcome, { kind: 'contended' });
    assert.equal(await fs.readFile(sidecar, 'utf8'), source);
  });

  it('stops at a sidecar that turned unreadable, and leaves it alone', async () => {
    const { base, ours } = await reanchored();
    const broken = 'newsmark: 1\narticle: [unclosed\n';
    await fs.writeFile(sidecar, broken);
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'unreadable');
    assert.ok(outcome.kind === 'unreadable' && outcome.problems.some((p) => p.code === 'syntax' && p.line === 2 && p.column === 10));
    assert.equal(await fs.readFile(sidecar, 'utf8'), broken);
  });

  it('creates a missing sidecar, naming the article', async () => {
    await fs.rm(sidecar);
    const ours: Annotations = { article: { file: '' }, actors: [], claims: [] };
    await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, ours });
    assert.equal((await saved()).article.file, 'csto.txt');
  });
  it('reports a sidecar that is not UTF-8 at its line and column, and leaves it byte for byte', async () => {
    const { base, ours } = await reanchored();
    const latin1 = Buffer.concat([Buffer.from(encodeSidecar(annotations(ARTICLE), ARTICLE)), Buffer.from('# Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    await fs.writeFile(sidecar, latin1);
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    assert.equal(outcome.kind, 'unreadable');
    const problem = outcome.kind === 'unreadable' ? outcome.problems[0] : undefined;
    assert.equal(problem?.code, 'encoding');
    assert.equal(problem?.line, latin1.toString('latin1').split('\n').length - 1);
    assert.equal(problem?.column, 6);
    assert.deepEqual(await fs.readFile(sidecar), latin1);
  });

  it('keeps a CRLF sidecar CRLF, and takes what it wrote as the base so the next write merges nothing', async () => {
    const crlf = encodeSidecar(annotations(ARTICLE), ARTICLE).replace(/\n/g, '\r\n');
    await fs.writeFile(sidecar, crlf);
    const { base, ours } = await reanchored();
    const outcome = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours });
    const onDisk = await fs.readFile(sidecar, 'utf8');
    assert.ok(onDisk.includes('\r\n') && !/[^\r]\n/.test(onDisk), 'every line break stays CRLF');
    assert.ok(outcome.kind === 'written');
    assert.equal(outcome.disk.text, onDisk);
    ours.actors[0].notes = 'Host country.';
    const next = await writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base: outcome.disk, ours });
    assert.ok(next.kind === 'written' && !next.merged, 'our own write is not an outside change');
  });

  it('refuses a read-only sidecar with a message, writing nothing', async () => {
    const { source, base, ours } = await reanchored();
    await fs.chmod(sidecar, 0o444);
    await assert.rejects(writeMerged(nodeSidecarFiles(), { article, name: 'csto.txt', articleText: CHANGED, base, ours }), /read-only/);
    assert.equal(await fs.readFile(sidecar, 'utf8'), source);
  });
});
