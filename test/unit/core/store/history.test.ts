// Undo and redo as a fact-checker meets them: text undo brings annotations back attached, and annotation changes undo and redo by themselves.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { anchorAt, type Annotations, anchorState } from '../../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../../src/core/sidecar';
import { ArticleStore, SETTLE_DELAY_MS, UNDO_LIMIT } from '../../../../src/core/store';
import { MemoryDocument, MemoryHost } from './memoryHost';

const URI = 'file:///news/csto.txt';
const LINE = 'Armenia stays away; Moscow says Armenia is wary of the alliance.\n';
const ARTICLE = ['Kyrgyzstan hosts the CSTO exercise.\n', LINE, 'Approximately 2,500 personnel are involved in the exercises.\n'].join('');
const LINE_START = ARTICLE.indexOf(LINE);

function at(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  assert.ok(start >= 0, quote);
  return anchorAt(text, start, start + quote.length);
}

function sidecar(): string {
  const annotations: Annotations = {
    article: { file: 'csto.txt' },
    actors: [
      { id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country', mentions: [at(ARTICLE, 'Kyrgyzstan')] },
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [at(ARTICLE, 'Armenia'), at(ARTICLE, 'Armenia', LINE_START + 10)] },
    ],
    claims: [{ id: 'c1', anchor: at(ARTICLE, 'Approximately 2,500 personnel'), status: 'unchecked', sources: [] }],
  };
  return encodeSidecar(annotations, ARTICLE);
}

async function open(sidecarText = sidecar(), text = ARTICLE) {
  const host = new MemoryHost();
  host.files.set(`${URI}.annotations.yaml`, sidecarText);
  const doc = new MemoryDocument(host, URI, text);
  const store = new ArticleStore(host);
  const session = await store.opened(doc);
  return { host, doc, store, session };
}

async function settle(host: MemoryHost, store: ArticleStore): Promise<void> {
  host.clock.advance(SETTLE_DELAY_MS);
  await store.flush();
}

function onDisk(host: MemoryHost, text: string): Annotations {
  const decoded = decodeSidecar(host.sidecar(URI)!, text);
  assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
  return decoded.annotations;
}

/** The state of each Armenia mention, as the views show it. */
function armenia(annotations: Annotations, text: string): string[] {
  return annotations.actors.find((a) => a.id === 'armenia')!.mentions.map((m) => `${anchorState(m, text)}@${m.start}`);
}

const ATTACHED = [`attached@${LINE_START}`, `attached@${ARTICLE.indexOf('Armenia', LINE_START + 10)}`];

describe('undo', () => {
  describe('of text edits', () => {
    it('brings back the mentions of a deleted line, attached where they were, and writes them so', async () => {
      const { host, doc, store, session } = await open();
      store.changed(doc, doc.edit(LINE_START, LINE.length, ''));
      assert.deepEqual(
        armenia(session.annotations!, doc.text).map((s) => s.split('@')[0]),
        ['orphaned', 'orphaned'],
      );
      // The editor's undo puts the line back as one edit, and the document is clean again.
      store.changed(doc, doc.edit(LINE_START, 0, LINE));
      assert.deepEqual(armenia(session.annotations!, doc.text), ATTACHED);
      await settle(host, store);
      assert.deepEqual(armenia(onDisk(host, ARTICLE), ARTICLE), ATTACHED);
    });

    it('orphans them again on redo, and attaches them again on the next undo', async () => {
      const { doc, store, session } = await open();
      store.changed(doc, doc.edit(LINE_START, LINE.length, ''));
      store.changed(doc, doc.edit(LINE_START, 0, LINE));
      store.changed(doc, doc.edit(LINE_START, LINE.length, ''));
      assert.ok(session.annotations!.actors[1].mentions.every((m) => m.orphaned));
      store.changed(doc, doc.edit(LINE_START, 0, LINE));
      assert.deepEqual(armenia(session.annotations!, doc.text), ATTACHED);
    });

    it('writes them attached when the deletion had been saved and the undo is saved', async () => {
      const { host, doc, store } = await open();
      store.changed(doc, doc.edit(LINE_START, LINE.length, ''));
      doc.save();
      store.saved(doc);
      await settle(host, store);
      assert.ok(onDisk(host, doc.text).actors[1].mentions.every((m) => m.orphaned), 'the saved deletion orphans them on disk');
      store.changed(doc, doc.edit(LINE_START, 0, LINE));
      await settle(host, store);
      doc.save();
      store.saved(doc);
      await store.flush();
      assert.deepEqual(armenia(onDisk(host, ARTICLE), ARTICLE), ATTACHED);
    });

    it('puts back a mention whose inside was typed over, with the span it had', async () => {
      const { doc, store, session } = await open();
      const start = ARTICLE.indexOf('Kyrgyzstan');
      store.changed(doc, doc.edit(start + 3, 4, 'XX'));
      assert.equal(anchorState(session.annotations!.actors[0].mentions[0], doc.text), 'changed');
      store.changed(doc, doc.edit(start + 3, 2, 'gyzs'));
      const mention = session.annotations!.actors[0].mentions[0];
      assert.deepEqual([mention.start, mention.end, anchorState(mention, doc.text)], [start, start + 'Kyrgyzstan'.length, 'attached']);
    });

    it('leaves a mention marked after the deletion where it is, moved by the undo', async () => {
      const { doc, store, session } = await open();
      store.changed(doc, doc.edit(LINE_START, LINE.length, ''));
      store.update(doc, (a, text) => a.actors.push({ id: 'personnel', name: 'personnel', type: 'other', mentions: [at(text, 'personnel')] }));
      store.changed(doc, doc.edit(LINE_START, 0, LINE));
      const personnel = session.annotations!.actors.find((a) => a.id === 'personnel')!.mentions[0];
      assert.equal(anchorState(personnel, doc.text), 'attached');
      assert.deepEqual(armenia(session.annotations!, doc.text), ATTACHED);
    });

    it('finds an orphan again once its text is back with its context, even with no record of the deletion', async () => {
      // A reloaded window has no record of the edits; the sidecar holds the orphans.
      const first = await open();
      first.store.changed(first.doc, first.doc.edit(LINE_START, LINE.length, ''));
      first.doc.save();
      first.store.saved(first.doc);
      await settle(first.host, first.store);
      const shortened = first.doc.text;
      const { host, doc, store, session } = await open(first.host.sidecar(URI)!, shortened);
      assert.ok(session.annotations!.actors[1].mentions.every((m) => m.orphaned));
      store.changed(doc, doc.edit(LINE_START, 0, LINE));
      await settle(host, store);
      assert.deepEqual(armenia(session.annotations!, doc.text), ATTACHED);
    });

    it('does not move an orphan to a copy of its passage far from where it was', async () => {
      const far = `${ARTICLE}${'Filler text about other things. '.repeat(200)}\n${ARTICLE}`;
      const encoded = (() => {
        const annotations: Annotations = {
          article: { file: 'csto.txt' },
          actors: [{ id: 'armenia', name: 'Armenia', type: 'country', mentions: [at(far, 'Armenia'), at(far, 'Armenia', LINE_START + 10)] }],
          claims: [],
        };
        return encodeSidecar(annotations, far);
      })();
      const { host, doc, store, session } = await open(encoded, far);
      store.changed(doc, doc.edit(LINE_START, LINE.length, ''));
      store.changed(doc, doc.edit(doc.text.length, 0, 'Updated.\n'));
      await settle(host, store);
      assert.deepEqual(
        session.annotations!.actors[0].mentions.map((m) => m.orphaned),
        [true, true],
      );
    });

    it('finds a deleted word again as soon as it is typed back in its place, a letter at a time', async () => {
      const { host, doc, store, session } = await open();
      const start = ARTICLE.indexOf('Armenia', LINE_START + 10);
      store.changed(doc, doc.edit(start, 'Armenia'.length, ''));
      await settle(host, store);
      assert.deepEqual(armenia(session.annotations!, doc.text)[1], `orphaned@${start}`);
      [...'Armenia'].forEach((letter, i) => store.changed(doc, doc.edit(start + i, 0, letter)));
      await settle(host, store);
      assert.deepEqual(armenia(session.annotations!, doc.text), ATTACHED);
    });

    it('leaves an orphan orphaned when its quote comes back without its context', async () => {
      const { host, doc, store, session } = await open();
      store.changed(doc, doc.edit(LINE_START, LINE.length, ''));
      store.changed(doc, doc.edit(LINE_START, 0, 'Armenia declined.\n'));
      await settle(host, store);
      assert.ok(session.annotations!.actors[1].mentions.every((m) => m.orphaned));
    });
  });

  describe('of text edits in an editor that tells the text\'s length', () => {
    /** The document as an editor that can tell its length shows it, counting how often its whole text is built. */
    function telling(doc: MemoryDocument) {
      const view = {
        reads: 0,
        uri: doc.uri,
        name: doc.name,
        get text() {
          view.reads++;
          return doc.text;
        },
        get length() {
          return doc.text.length;
        },
        get version() {
          return doc.version;
        },
        get isDirty() {
          return doc.isDirty;
        },
        get isClosed() {
          return doc.isClosed;
        },
      };
      return view;
    }

    /** The article opened in an editor that tells its length. */
    async function openTelling() {
      const host = new MemoryHost();
      host.files.set(`${URI}.annotations.yaml`, sidecar());
      const doc = new MemoryDocument(host, URI, ARTICLE);
      const view = telling(doc);
      const store = new ArticleStore(host);
      const session = await store.opened(view);
      return { doc, view, store, session };
    }

    it('follows typing without building the text, and an undo still brings the deleted mentions back attached', async () => {
      const { doc, view, store, session } = await openTelling();
      const read = view.reads;
      const typedAt = ARTICLE.indexOf('exercise.');
      for (const letter of 'joint ') {
        store.changed(view, doc.edit(typedAt + 'joint '.indexOf(letter), 0, letter));
      }
      store.changed(view, doc.edit(LINE_START + 'joint '.length, LINE.length, ''));
      assert.deepEqual(
        armenia(session.annotations!, doc.text).map((s) => s.split('@')[0]),
        ['orphaned', 'orphaned'],
      );
      store.changed(view, doc.edit(LINE_START + 'joint '.length, 0, LINE));
      assert.equal(view.reads, read, 'the whole text was built while typing');
      assert.deepEqual(
        armenia(session.annotations!, doc.text),
        ATTACHED.map((s) => s.replace(/\d+$/, (n) => String(Number(n) + 'joint '.length))),
      );
    });

    it('takes the editor\'s text when its length disagrees with the text made from the edits, and is in step again after', async () => {
      const { doc, view, store } = await openTelling();
      // The line breaks became CRLF with no edit reported, as a change of line endings can be.
      doc.text = ARTICLE.replace(/\n/g, '\r\n');
      const read = view.reads;
      const end = doc.text.length;
      store.changed(view, doc.edit(end, 0, 'x'));
      assert.equal(view.reads, read + 1, 'the text made from the edits was taken although its length disagreed');
      store.changed(view, doc.edit(end + 1, 0, 'y'));
      store.changed(view, doc.edit(end, 2, ''));
      assert.equal(view.reads, read + 1, 'the text was built again once in step');
    });
  });

  describe('of annotation changes', () => {
    const markMoscow = (a: Annotations, text: string) => {
      a.actors.push({ id: 'moscow', name: 'Moscow', type: 'location', mentions: [at(text, 'Moscow')] });
    };

    it('removes a marked actor from the sidecar on undo and brings it back on redo', async () => {
      const { host, doc, store } = await open();
      store.update(doc, markMoscow, 'Mark Actor “Moscow”');
      await store.flush();
      assert.ok(onDisk(host, ARTICLE).actors.some((a) => a.id === 'moscow'));
      assert.equal(store.undo(doc)?.label, 'Mark Actor “Moscow”');
      await store.flush();
      assert.deepEqual(
        onDisk(host, ARTICLE).actors.map((a) => a.id),
        ['kyrgyzstan', 'armenia'],
      );
      assert.equal(store.redo(doc)?.label, 'Mark Actor “Moscow”');
      await store.flush();
      const moscow = onDisk(host, ARTICLE).actors.find((a) => a.id === 'moscow')!;
      assert.equal(anchorState(moscow.mentions[0], ARTICLE), 'attached');
    });

    it('names a change its caller did not name by what it changed', async () => {
      const { doc, store } = await open();
      store.updateClaim(doc, 'c1', (claim) => (claim.verdict = 'false'));
      assert.equal(store.undoState(URI).nextUndo, 'Set Verdict of “Approximately 2,500 personnel”');
      store.update(doc, (a) => a.actors.splice(1, 1));
      assert.equal(store.undoState(URI).nextUndo, 'Remove actor “Armenia”');
    });

    it('puts a removed actor back in its place, with its mentions', async () => {
      const { doc, store, session } = await open();
      const before = structuredClone(session.annotations!.actors);
      store.update(doc, (a) => a.actors.splice(0, 1));
      store.undo(doc);
      assert.deepEqual(session.annotations!.actors, before);
    });

    it('keeps text edits made since: undoing a verdict leaves the claim where the text moved it', async () => {
      const { doc, store, session } = await open();
      store.updateClaim(doc, 'c1', (claim) => (claim.verdict = 'false'));
      store.changed(doc, doc.edit(0, 0, 'BREAKING: '));
      store.undo(doc);
      const claim = session.annotations!.claims[0];
      assert.equal(claim.verdict, undefined);
      assert.equal(anchorState(claim.anchor, doc.text), 'attached');
      assert.equal(claim.anchor.start, doc.text.indexOf('Approximately'));
    });

    it('finds a removed mention again in the edited text when undone after typing', async () => {
      const { doc, store, session } = await open();
      store.update(doc, (a) => a.actors.splice(0, 1));
      store.changed(doc, doc.edit(0, 0, 'BREAKING: '));
      store.undo(doc);
      const mention = session.annotations!.actors[0].mentions[0];
      assert.equal(doc.text.slice(mention.start, mention.end), 'Kyrgyzstan');
    });

    it('undoes only what the change touched, leaving other annotations as they are now', async () => {
      const { doc, store, session } = await open();
      store.update(doc, markMoscow);
      store.update(doc, (a) => (a.claims[0].status = 'checked'));
      store.undo(doc);
      store.undo(doc);
      assert.equal(session.annotations!.claims[0].status, 'unchecked');
      assert.ok(!session.annotations!.actors.some((a) => a.id === 'moscow'));
      assert.equal(store.undo(doc), undefined, 'nothing left to undo');
    });

    it('records nothing for a change that changed nothing', async () => {
      const { doc, store } = await open();
      store.update(doc, () => undefined);
      assert.deepEqual(store.undoState(URI), { undoFirst: false, redoFirst: false, nextUndo: undefined, nextRedo: undefined });
    });

    it('gives the undo keys to the text as soon as the text is edited, and back on the next annotation change', async () => {
      const { doc, store } = await open();
      store.update(doc, markMoscow);
      assert.equal(store.undoState(URI).undoFirst, true);
      store.changed(doc, doc.edit(0, 0, 'x'));
      assert.equal(store.undoState(URI).undoFirst, false);
      assert.equal(store.undoState(URI).nextUndo, 'Mark Actor “Moscow”', 'the command still reaches it');
      store.update(doc, (a) => (a.claims[0].status = 'checked'));
      store.undo(doc);
      assert.deepEqual(
        [store.undoState(URI).undoFirst, store.undoState(URI).redoFirst],
        [true, true],
      );
      store.changed(doc, doc.edit(0, 1, ''));
      assert.equal(store.undoState(URI).redoFirst, false);
    });

    it('forgets the redo once a new change is made', async () => {
      const { doc, store } = await open();
      store.update(doc, markMoscow);
      store.undo(doc);
      store.update(doc, (a) => (a.claims[0].status = 'checked'));
      assert.equal(store.redo(doc), undefined);
    });

    it(`keeps the last ${UNDO_LIMIT} changes`, async () => {
      const { doc, store, session } = await open();
      for (let i = 0; i <= UNDO_LIMIT; i++) {
        store.updateClaim(doc, 'c1', (claim) => (claim.notes = `note ${i}`));
      }
      let undone = 0;
      while (store.undo(doc)) {
        undone++;
      }
      assert.equal(undone, UNDO_LIMIT);
      assert.equal(session.annotations!.claims[0].notes, 'note 0');
    });
  });

  describe('keys', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../package.json'), 'utf8')) as {
      contributes: { keybindings: { command: string; key: string; mac?: string; when?: string; args?: unknown }[] };
    };
    const undoKeys = /^(ctrl|cmd)\+(z|shift\+z|y)$/;

    it('take Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Cmd on a Mac) from the text only while an annotation change is the latest thing to undo or redo', () => {
      const bound = manifest.contributes.keybindings.filter((k) => undoKeys.test(k.key));
      assert.deepEqual(bound.map((k) => [k.key, k.mac]).sort(), [
        ['ctrl+shift+z', 'cmd+shift+z'],
        ['ctrl+y', 'cmd+y'],
        ['ctrl+z', 'cmd+z'],
      ]);
      for (const key of bound) {
        const context = key.command === 'newsmark.undoAnnotation' ? 'newsmark.canUndoAnnotation' : 'newsmark.canRedoAnnotation';
        assert.equal(key.when, `editorTextFocus && ${context}`, key.key);
        // Tells a key press from the palette, so a press that beats the context key goes to the text.
        assert.deepEqual(key.args, { keyboard: true });
      }
    });
  });
});
