// The store's decisions against an in-memory disk: when sidecars are written, what is merged, what is asked, and that nothing is lost.

import assert from 'node:assert/strict';
import { conflictKey, resolveConflictIn } from '../../../../src/core/conflicts';
import { anchorAt, type Annotations } from '../../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../../src/core/sidecar';
import { ArticleStore, BlockedError, MOVES_NOTIFY_DELAY_MS, SETTLE_DELAY_MS } from '../../../../src/core/store';
import { MemoryDocument, MemoryHost } from './memoryHost';

const URI = 'file:///news/csto.txt';
const ARTICLE = [
  'Kyrgyzstan hosts the CSTO exercise.',
  'Approximately 2,500 personnel are involved in the exercises.',
  'Armenia stays away; Moscow is wary.',
  '',
].join('\n');

function at(text: string, quote: string) {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return anchorAt(text, start, start + quote.length);
}

/** A sidecar as Newsmark writes it: two actors and one claim on the article. */
function sidecar(text = ARTICLE, change?: (a: Annotations) => void): string {
  const annotations: Annotations = {
    article: { file: 'csto.txt' },
    actors: [
      { id: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country', mentions: [at(text, 'Kyrgyzstan')] },
      { id: 'armenia', name: 'Armenia', type: 'country', mentions: [at(text, 'Armenia')] },
    ],
    claims: [{ id: 'c1', anchor: at(text, 'Approximately 2,500 personnel'), status: 'unchecked', sources: [] }],
  };
  change?.(annotations);
  return encodeSidecar(annotations, text);
}

/** The annotations in the sidecar on the in-memory disk, read back as a user's next session would. */
function onDisk(host: MemoryHost, text = ARTICLE): Annotations {
  const source = host.sidecar(URI);
  assert.ok(source !== undefined, 'no sidecar on disk');
  const decoded = decodeSidecar(source, text);
  assert.ok(decoded.annotations, JSON.stringify(decoded.problems));
  return decoded.annotations;
}

/** Opens the article with this sidecar on disk (null: none). */
async function open(sidecarText: string | null = sidecar()) {
  const host = new MemoryHost();
  if (sidecarText !== null) {
    host.files.set(`${URI}.annotations.yaml`, sidecarText);
  }
  const doc = new MemoryDocument(host, URI, ARTICLE);
  const store = new ArticleStore(host);
  const changes: string[] = [];
  store.onDidChange((uri) => changes.push(uri));
  const session = await store.opened(doc);
  return { host, doc, store, session, changes };
}

/** Lets the settle delay pass and every write finish. */
async function settle(host: MemoryHost, store: ArticleStore): Promise<void> {
  host.clock.advance(SETTLE_DELAY_MS);
  await store.flush();
}

const BROKEN = ['newsmark: 1', 'article:', '  file: csto.txt', 'claims:', '  - id: c1', '    status: maybe', '    anchor: { start: 0, end: 5, quote: Kyrgy }', ''].join('\n');

describe('ArticleStore', () => {
  describe('writing', () => {
    it('writes a change to a clean article at once, with the article name and fingerprint', async () => {
      const { host, doc, store } = await open(null);
      store.update(doc, (a, text) => a.actors.push({ id: 'moscow', name: 'Moscow', type: 'location', mentions: [at(text, 'Moscow')] }));
      await store.flush();
      const saved = onDisk(host);
      assert.deepEqual(
        saved.actors.map((a) => a.id),
        ['moscow'],
      );
      assert.equal(saved.article.file, 'csto.txt');
      assert.equal(decodeSidecar(host.sidecar(URI)!, ARTICLE).stale, false);
    });

    it('writes a change made while a write is under way', async () => {
      const { host, doc, store } = await open();
      const held = host.holdWrites();
      store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
      // The first write has encoded its text and waits on the disk; this change comes in meanwhile.
      await held.arrived;
      store.update(doc, (a) => (a.claims[0].verdict = 'mostly-true'));
      held.release();
      await store.flush();
      const claim = onDisk(host).claims[0];
      assert.equal(claim.status, 'in-progress');
      assert.equal(claim.verdict, 'mostly-true');
      assert.equal(store.get(URI)?.pendingWrite, false);
    });

    it('merges a change made on disk to another annotation, keeping both', async () => {
      const { host, doc, store } = await open();
      host.files.set(`${URI}.annotations.yaml`, sidecar(ARTICLE, (a) => (a.actors[1].wikidata = 'Q399')));
      store.update(doc, (a) => (a.claims[0].verdict = 'mostly-true'));
      await store.flush();
      const saved = onDisk(host);
      assert.equal(saved.actors.find((a) => a.id === 'armenia')?.wikidata, 'Q399');
      assert.equal(saved.claims[0].verdict, 'mostly-true');
      assert.deepEqual(host.questions, []);
      // The merge is what the editor shows too.
      assert.equal(store.get(URI)?.annotations?.actors.find((a) => a.id === 'armenia')?.wikidata, 'Q399');
    });

    it('reads again and merges when the sidecar changes on disk just before the write replaces it', async () => {
      const { host, doc, store } = await open();
      host.duringNextWrite = () => void host.files.set(`${URI}.annotations.yaml`, sidecar(ARTICLE, (a) => (a.actors[0].notes = 'Host country.')));
      store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
      await store.flush();
      const saved = onDisk(host);
      assert.equal(saved.actors[0].notes, 'Host country.');
      assert.equal(saved.claims[0].status, 'in-progress');
      assert.equal(host.writes.length, 1, 'the write based on the old file must not land');
    });

    describe('when the same annotation was changed on disk and here', () => {
      const theirs = sidecar(ARTICLE, (a) => (a.claims[0].verdict = 'false'));
      async function conflict(answer: 'mine' | 'theirs' | undefined) {
        const opened = await open();
        opened.host.answers.push(answer);
        opened.host.files.set(`${URI}.annotations.yaml`, theirs);
        opened.store.update(opened.doc, (a) => (a.claims[0].verdict = 'true'));
        await opened.store.flush();
        assert.equal(opened.host.questions.length, 1);
        assert.deepEqual(opened.host.questions[0].conflicts, ['c1']);
        assert.match(opened.host.questions[0].message, /csto\.txt\.annotations\.yaml was changed outside Newsmark, and one annotation was changed both there and here \(c1\)/);
        return opened;
      }

      it('keeps mine when asked to', async () => {
        const { host, store } = await conflict('mine');
        assert.equal(onDisk(host).claims[0].verdict, 'true');
        assert.equal(store.get(URI)?.annotations?.claims[0].verdict, 'true');
      });

      it('keeps a change made while the question was open', async () => {
        const { host, doc, store } = await open();
        host.answers.push('mine');
        host.whileAsking = () =>
          store.update(doc, (a, text) => a.actors.push({ id: 'moscow', name: 'Moscow', type: 'location', mentions: [at(text, 'Moscow')] }));
        host.files.set(`${URI}.annotations.yaml`, theirs);
        store.update(doc, (a) => (a.claims[0].verdict = 'true'));
        await store.flush();
        const saved = onDisk(host);
        assert.equal(saved.claims[0].verdict, 'true');
        assert.deepEqual(
          saved.actors.map((a) => a.id),
          ['kyrgyzstan', 'armenia', 'moscow'],
        );
      });

      it('takes the version on disk when asked to, here too', async () => {
        const { host, store } = await conflict('theirs');
        assert.equal(onDisk(host).claims[0].verdict, 'false');
        assert.equal(store.get(URI)?.annotations?.claims[0].verdict, 'false');
      });

      it('writes nothing and loses nothing when the user decides later', async () => {
        const { host, doc, store } = await conflict(undefined);
        assert.equal(host.sidecar(URI), theirs, 'the file on disk is left byte for byte');
        assert.equal(host.writes.length, 0);
        assert.equal(store.get(URI)?.annotations?.claims[0].verdict, 'true', 'our change is still shown');
        assert.equal(store.get(URI)?.pendingWrite, true);
        // The next change asks again, and then the choice is written.
        host.answers.push('mine');
        store.update(doc, (a) => (a.claims[0].notes = 'Two sources disagree.'));
        await store.flush();
        assert.equal(host.questions.length, 2);
        assert.equal(onDisk(host).claims[0].verdict, 'true');
        assert.equal(onDisk(host).claims[0].notes, 'Two sources disagree.');
      });
    });
  });

  describe('a sidecar that cannot be read', () => {
    it('is never written, refuses updates, and is reported once per content with line and column', async () => {
      const { host, doc, store, session } = await open(BROKEN);
      assert.equal(session.annotations, undefined);
      assert.ok(session.problems.some((p) => p.severity === 'error' && p.line === 6 && p.column === 13), JSON.stringify(session.problems));
      assert.throws(() => store.update(doc, (a) => a.actors.push()), BlockedError);
      store.changed(doc, doc.edit(0, 0, 'Today '));
      doc.save();
      store.saved(doc);
      await settle(host, store);
      assert.equal(host.sidecar(URI), BROKEN);
      assert.deepEqual(host.writes, []);

      // Seen again unchanged: no second message. Broken another way: a new one.
      await store.sidecarChangedOnDisk(URI);
      assert.equal(host.reports.length, 1);
      const report = host.reports[0];
      assert.equal(report.kind, 'unreadable');
      assert.ok(report.kind === 'unreadable' && report.line === 6 && report.column === 13);
      assert.match(report.message, /^Newsmark cannot read the annotations of csto\.txt: csto\.txt\.annotations\.yaml has a problem \(line 6, column 13: /);
      host.files.set(`${URI}.annotations.yaml`, `${BROKEN}  - oops\n`);
      await store.sidecarChangedOnDisk(URI);
      assert.equal(host.reports.length, 2);
    });

    it('stops a write when the sidecar turned bad on disk, leaving the file and our annotations alone', async () => {
      const { host, doc, store } = await open();
      host.files.set(`${URI}.annotations.yaml`, BROKEN);
      store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
      await store.flush();
      assert.equal(host.sidecar(URI), BROKEN);
      assert.equal(store.get(URI)?.annotations, undefined);
      assert.equal(host.reports.length, 1);
      assert.throws(() => store.update(doc, () => undefined), BlockedError);
    });

    it('treats a file the host cannot read as text as broken', async () => {
      const problem = { code: 'syntax' as const, severity: 'error' as const, message: 'byte 0xE9 is not UTF-8.', offset: 40, length: 1, line: 3, column: 12 };
      const { host, doc, store, session } = await open(null);
      host.files.set(`${URI}.annotations.yaml`, { problems: [problem], fingerprint: 'latin-1' });
      await store.sidecarChangedOnDisk(URI);
      assert.equal(session.annotations, undefined);
      assert.throws(() => store.update(doc, () => undefined), BlockedError);
      assert.deepEqual(host.writes, []);
      assert.ok(host.reports[0].kind === 'unreadable' && host.reports[0].line === 3);
    });

    it('is read again once fixed on disk', async () => {
      const { host, store, changes } = await open(BROKEN);
      host.files.set(`${URI}.annotations.yaml`, sidecar());
      await store.sidecarChangedOnDisk(URI);
      assert.equal(store.get(URI)?.annotations?.claims.length, 1);
      assert.deepEqual(store.get(URI)?.problems, []);
      assert.equal(changes.length, 2);
      // The same mistake made again later is reported again.
      host.files.set(`${URI}.annotations.yaml`, BROKEN);
      await store.sidecarChangedOnDisk(URI);
      assert.equal(host.reports.length, 2);
    });
  });

  describe('following the editor', () => {
    it('tells of moved anchors at each keystroke, and its change listeners once typing pauses or a flush asks', async () => {
      const { host, doc, store, session, changes } = await open();
      const moves: [string, boolean][] = [];
      store.onDidMove((_uri, edits, exact) => moves.push([edits.map((e) => e.text).join(), exact]));
      const before = changes.length;
      const start = session.annotations!.claims[0].anchor.start;
      store.changed(doc, doc.edit(0, 0, 'A'));
      store.changed(doc, doc.edit(1, 0, 'B'));
      assert.deepEqual(moves, [
        ['A', true],
        ['B', true],
      ]);
      assert.equal(session.annotations!.claims[0].anchor.start, start + 2, 'moved at once');
      host.clock.advance(MOVES_NOTIFY_DELAY_MS - 1);
      assert.equal(changes.length, before, 'not while typing goes on');
      host.clock.advance(1);
      assert.equal(changes.length, before + 1);
      store.changed(doc, doc.edit(0, 0, 'C'));
      await settle(host, store);
      assert.equal(changes.length, before + 2, 'a flush tells before the pause is over');
      host.clock.advance(MOVES_NOTIFY_DELAY_MS);
      assert.equal(changes.length, before + 2, 'and only once');
    });

    it('writes a dirty article’s changes only on save, with offsets into the saved text', async () => {
      const { host, doc, store } = await open();
      store.changed(doc, doc.edit(0, 0, 'BREAKING: '));
      store.update(doc, (a, text) => a.actors.push({ id: 'moscow', name: 'Moscow', type: 'location', mentions: [at(text, 'Moscow')] }));
      await settle(host, store);
      assert.deepEqual(host.writes, [], 'unsaved: the sidecar must still match the file on disk');
      doc.save();
      store.saved(doc);
      await store.flush();
      const saved = onDisk(host, doc.text);
      assert.equal(host.writes.length, 1);
      for (const actor of saved.actors) {
        const mention = actor.mentions[0];
        assert.equal(doc.text.slice(mention.start, mention.end), actor.name);
      }
    });

    it('re-attaches against the text on disk when closed without saving, and writes that', async () => {
      const { host, doc, store } = await open();
      store.changed(doc, doc.edit(0, 0, 'Draft intro that is never saved.\n'));
      store.update(doc, (a, text) => a.actors.push({ id: 'moscow', name: 'Moscow', type: 'location', mentions: [at(text, 'Moscow')] }));
      doc.close();
      await store.closed(doc);
      const saved = onDisk(host);
      const moscow = saved.actors.find((a) => a.id === 'moscow')!.mentions[0];
      assert.equal(moscow.start, ARTICLE.indexOf('Moscow'));
      assert.equal(saved.actors[0].mentions[0].start, 0);
      assert.equal(store.get(URI), undefined);
    });

    it('re-attaches every anchor once a whole-text replacement settles', async () => {
      const { host, doc, store } = await open();
      const changed = `UPDATED: Armenia stays away; Moscow is wary.\n${ARTICLE}`;
      store.changed(doc, doc.reloadFromDisk(changed));
      assert.deepEqual(host.writes, []);
      await settle(host, store);
      const saved = onDisk(host, changed);
      // The first "Armenia" is now in the new headline; its context still picks the marked one.
      assert.equal(saved.actors[1].mentions[0].start, changed.indexOf('Armenia', 10 + ARTICLE.length / 2));
      assert.equal(saved.claims[0].anchor.start, changed.indexOf('Approximately'));
      assert.equal(saved.claims[0].anchor.orphaned, undefined);
    });

    it('re-attaches after the editor reloads a file changed by another program (clean, not saved)', async () => {
      const { host, doc, store } = await open();
      const changed = ARTICLE.replace('Kyrgyzstan hosts', 'This week Kyrgyzstan hosts');
      // A reload arrives as an ordinary edit in some editors; what tells it apart is a clean document with a new version.
      store.changed(doc, doc.edit(0, 0, 'This week '));
      host.files.set(URI, changed);
      doc.isDirty = false;
      await settle(host, store);
      assert.equal(onDisk(host, changed).actors[0].mentions[0].start, 'This week '.length);
      assert.equal(store.get(URI)?.savedVersion, doc.version);
    });

    it('does not reload its own write', async () => {
      const { host, doc, store, session, changes } = await open();
      store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
      await store.flush();
      const shown = session.annotations;
      const before = changes.length;
      await store.sidecarChangedOnDisk(URI);
      assert.equal(session.annotations, shown, 'the annotations must not be replaced by a reload');
      assert.equal(changes.length, before);
      assert.equal(host.writes.length, 1);
    });

    it('keeps the annotations shown when the sidecar is deleted on disk, and writes them back on the next change', async () => {
      const { host, doc, store, session } = await open();
      host.files.delete(`${URI}.annotations.yaml`);
      await store.sidecarChangedOnDisk(URI);
      assert.equal(session.annotations?.actors.length, 2);
      store.update(doc, (a) => (a.claims[0].status = 'in-progress'));
      await store.flush();
      const saved = onDisk(host);
      assert.deepEqual(
        saved.actors.map((a) => a.id),
        ['kyrgyzstan', 'armenia'],
      );
      assert.equal(saved.claims[0].status, 'in-progress');
    });

    it('reads a sidecar changed on disk while nothing is pending', async () => {
      const { host, store, session, changes } = await open();
      host.files.set(`${URI}.annotations.yaml`, sidecar(ARTICLE, (a) => (a.claims[0].verdict = 'false')));
      await store.sidecarChangedOnDisk(URI);
      assert.equal(session.annotations?.claims[0].verdict, 'false');
      assert.equal(changes.length, 2);
    });
  });

  describe('updateClaim', () => {
    it('finds the claim by id when the change runs, after a reload replaced the model', async () => {
      const { host, doc, store } = await open();
      const held = store.get(URI)!.annotations!.claims[0];
      host.files.set(`${URI}.annotations.yaml`, sidecar(ARTICLE, (a) => (a.claims[0].notes = 'From the wire.')));
      await store.sidecarChangedOnDisk(URI);
      assert.notEqual(store.get(URI)!.annotations!.claims[0], held);
      store.updateClaim(doc, 'c1', (claim) => (claim.verdict = 'mostly-true'));
      await store.flush();
      assert.equal(onDisk(host).claims[0].verdict, 'mostly-true');
      assert.equal(onDisk(host).claims[0].notes, 'From the wire.');
    });

    it('changes nothing when the claim is gone', async () => {
      const { host, doc, store } = await open();
      assert.equal(
        store.updateClaim(doc, 'c9', () => 'changed'),
        undefined,
      );
      await store.flush();
      assert.deepEqual(host.writes, []);
      assert.equal(store.get(URI)?.pendingWrite, false);
    });
  });

  describe('a merge conflict', () => {
    const conflicted = () =>
      sidecar(ARTICLE, (a) => {
        a.claims[0].verdict = 'mostly-false';
        a.conflicts = [{ kind: 'claim', id: 'c1', field: 'verdict', base: 'mixed', ours: 'mostly-false', theirs: 'false' }];
      });
    const key = conflictKey({ kind: 'claim', id: 'c1', field: 'verdict' });

    it('resolved through the store leaves a sidecar without conflicts: and its warning goes', async () => {
      const { host, doc, store, changes } = await open(conflicted());
      assert.deepEqual(store.get(URI)?.problems.map((p) => p.code), ['merge-conflict']);
      store.update(doc, (a, text) => resolveConflictIn(a, key, 'theirs', text), 'Take theirs: verdict of claim c1');
      await store.flush();
      assert.doesNotMatch(host.sidecar(URI)!, /conflicts/);
      assert.equal(onDisk(host).claims[0].verdict, 'false');
      assert.deepEqual(store.get(URI)?.problems, []);
      // Told after the write too, so the Problems panel drops the warning the sidecar no longer has.
      assert.ok(changes.length >= 2);
    });

    it('is undone with the record back, and redone', async () => {
      const { host, doc, store } = await open(conflicted());
      store.update(doc, (a, text) => resolveConflictIn(a, key, 'ours', text), 'Keep mine: verdict of claim c1');
      await store.flush();
      assert.doesNotMatch(host.sidecar(URI)!, /conflicts/);
      assert.equal(store.undo(doc)?.label, 'Keep mine: verdict of claim c1');
      await store.flush();
      assert.deepEqual(onDisk(host).conflicts?.map((c) => [c.id, c.field, c.theirs]), [['c1', 'verdict', 'false']]);
      assert.deepEqual(store.get(URI)?.problems.map((p) => p.code), ['merge-conflict']);
      store.redo(doc);
      await store.flush();
      assert.equal(onDisk(host).conflicts, undefined);
      assert.equal(onDisk(host).claims[0].verdict, 'mostly-false');
    });

    it('already resolved: the sidecar stays as it is', async () => {
      const { host, doc, store } = await open(conflicted());
      store.update(doc, (a, text) => resolveConflictIn(a, key, 'ours', text), 'Keep mine: verdict of claim c1');
      await store.flush();
      const written = host.sidecar(URI);
      const again = store.update(doc, (a, text) => resolveConflictIn(a, key, 'theirs', text));
      await store.flush();
      assert.ok('problem' in again);
      assert.equal(host.sidecar(URI), written);
      assert.equal(store.undoState(URI).undoFirst, true);
      assert.equal(store.undo(doc)?.label, 'Keep mine: verdict of claim c1', 'the failed attempt is no step of its own');
    });
  });
});
