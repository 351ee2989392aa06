// One article's session where the user could lose work without being told: failed and contended writes, a sidecar deleted on disk, an article opened with unsaved edits.

import assert from 'node:assert/strict';
import { anchorAt, type Annotations } from '../../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../../src/core/sidecar';
import { ArticleStore, BlockedError, SETTLE_DELAY_MS } from '../../../../src/core/store';
import { MemoryDocument, MemoryHost } from './memoryHost';

const URI = 'file:///news/csto.txt';
const SIDECAR = `${URI}.annotations.yaml`;
const ARTICLE = ['Kyrgyzstan hosts the CSTO exercise.', 'Approximately 2,500 personnel are involved in the exercises.', 'Armenia stays away; Moscow is wary.', ''].join('\n');

function at(text: string, quote: string) {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return anchorAt(text, start, start + quote.length);
}

function sidecar(text = ARTICLE): string {
  const annotations: Annotations = {
    article: { file: 'csto.txt' },
    actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [at(text, 'Armenia')] }],
    claims: [{ id: 'c1', anchor: at(text, 'Approximately 2,500 personnel'), status: 'unchecked', sources: [] }],
  };
  return encodeSidecar(annotations, text);
}

function onDisk(host: MemoryHost): Annotations {
  const decoded = decodeSidecar(host.sidecar(URI)!, ARTICLE);
  assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
  return decoded.annotations;
}

async function open(sidecarText: string | null = sidecar()) {
  const host = new MemoryHost();
  if (sidecarText !== null) {
    host.files.set(SIDECAR, sidecarText);
  }
  const doc = new MemoryDocument(host, URI, ARTICLE);
  const store = new ArticleStore(host);
  const session = await store.opened(doc);
  return { host, doc, store, session };
}

describe('ArticleSession', () => {
  it('tells the user when a write fails, naming the article and the reason, and keeps the change', async () => {
    const { host, doc, store, session } = await open();
    host.writeSidecar = async () => {
      throw new Error('the file is read-only, so it was not changed.');
    };
    store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
    await store.flush();
    assert.deepEqual(host.reports, [{ kind: 'write-failed', article: URI, message: 'Newsmark could not save the annotations of csto.txt: the file is read-only, so it was not changed.' }]);
    assert.equal(session.annotations?.claims[0].status, 'in-progress');
  });

  it('tells the user when the sidecar kept changing on disk through every attempt to write it', async () => {
    const { host, doc, store } = await open();
    host.writeSidecar = async () => 'changed';
    store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
    await store.flush();
    assert.deepEqual(
      host.reports.map((r) => r.kind === 'write-failed' && r.message),
      ['Newsmark could not save the annotations of csto.txt: csto.txt.annotations.yaml kept changing on disk while Newsmark was writing it; try again.'],
    );
  });

  it('tells the user when the write made on closing an article with unsaved changes fails', async () => {
    const { host, doc, store } = await open();
    store.changed(doc, doc.edit(0, 0, 'Draft. '));
    store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
    host.writeSidecar = async () => {
      throw new Error('the disk is full.');
    };
    doc.close();
    await store.closed(doc);
    assert.deepEqual(host.reports.map((r) => r.kind === 'write-failed' && r.message), ['Newsmark could not save the annotations of csto.txt: the disk is full.']);
  });

  it('keeps the annotations shown when the sidecar is deleted on disk, and writes them back with the next change', async () => {
    const { host, doc, store, session } = await open();
    host.files.delete(SIDECAR);
    await store.sidecarChangedOnDisk(URI);
    assert.deepEqual(session.annotations?.claims.map((c) => c.id), ['c1']);
    assert.deepEqual(host.reports, []);
    store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
    await store.flush();
    const saved = onDisk(host);
    assert.deepEqual([saved.actors[0].id, saved.claims[0].status], ['armenia', 'in-progress']);
  });

  it('reads the sidecar of an article opened with unsaved edits against its text on disk, then follows the edits', async () => {
    const host = new MemoryHost();
    host.files.set(SIDECAR, sidecar());
    const doc = new MemoryDocument(host, URI, ARTICLE);
    doc.edit(0, 0, 'Draft intro. ');
    const store = new ArticleStore(host);
    const session = await store.opened(doc);
    assert.deepEqual(session.problems, []);
    const mention = session.annotations!.actors[0].mentions[0];
    assert.equal(doc.text.slice(mention.start, mention.end), 'Armenia');
    assert.deepEqual(host.writes, [], 'unsaved: the sidecar must still match the file on disk');
  });

  it('opens an article without a sidecar with no annotations and no problems', async () => {
    const { session } = await open(null);
    assert.deepEqual(session.problems, []);
    assert.deepEqual([session.annotations?.actors, session.annotations?.claims], [[], []]);
  });

  it('leaves the undo keys to the last annotation change when the editor reports a change of nothing', async () => {
    const { doc, store } = await open();
    store.update(doc, (a) => (a.claims[0].status = 'in-progress'), 'Set status');
    assert.equal(store.undoState(URI).undoFirst, true);
    // Editors report a save or a change of the dirty state as a change with no edits in it.
    store.changed(doc, []);
    assert.equal(store.undoState(URI).undoFirst, true);
  });

  it('keeps an unsaved annotation change when the sidecar changes on disk, and saves both', async () => {
    const { host, doc, store, session } = await open();
    store.changed(doc, doc.edit(ARTICLE.length, 0, 'More soon.\n'));
    store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
    host.files.set(SIDECAR, sidecar().replace('    type: country', '    type: country\n    wikidata: Q399'));
    await store.sidecarChangedOnDisk(URI);
    assert.equal(session.annotations?.claims[0].status, 'in-progress', 'the unsaved change is still shown');
    doc.save();
    store.saved(doc);
    host.clock.advance(SETTLE_DELAY_MS);
    await store.flush();
    const saved = decodeSidecar(host.sidecar(URI)!, doc.text).annotations!;
    assert.deepEqual([saved.claims[0].status, saved.actors[0].wikidata], ['in-progress', 'Q399']);
  });

  it('brings a sidecar written for an older version of the article up to date when the article is opened', async () => {
    const older = `Earlier: ${ARTICLE}`;
    const { host, store } = await open(sidecar(older));
    await store.flush();
    const decoded = decodeSidecar(host.sidecar(URI)!, ARTICLE);
    assert.equal(decoded.stale, false, 'rewritten for the article as it is');
    assert.equal(decoded.annotations?.actors[0].mentions[0].start, ARTICLE.indexOf('Armenia'));
  });

  it('refuses an undo or a redo of annotation changes while the sidecar cannot be read', async () => {
    const { doc, store } = await open('newsmark: 1\narticle: [unclosed\n');
    assert.throws(() => store.undo(doc), BlockedError);
    assert.throws(() => store.redo(doc), BlockedError);
  });

  it('refuses a change to an article whose sidecar cannot be read, saying why in words', async () => {
    const { doc, store } = await open('newsmark: 1\narticle: [unclosed\n');
    assert.throws(
      () => store.update(doc, () => undefined),
      (err: unknown) => err instanceof BlockedError && err.message === 'The annotations of csto.txt cannot change until its sidecar is fixed.',
    );
  });
});
