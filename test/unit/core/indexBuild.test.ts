// Tests of building the workspace index from disk: records from the cache or read again, a changed sidecar, a broken one, and stopping half-way.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveIndex } from '../../../src/core/archiveIndex';
import { reattachAnnotations } from '../../../src/core/anchoring';
import { buildIndex, reindexOne } from '../../../src/core/indexBuild';
import { readForIndex } from '../../../src/core/indexReader';
import { placesOf, recordOf } from '../../../src/core/indexRecords';
import { anchorAt, type Annotations, emptyAnnotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar } from '../../../src/core/sidecar';
import { IndexCache, RACY_MARGIN } from '../../../src/core/workspace';

const TEXT = 'Talks in Yerevan.\nNikol Pashinyan met Ilham Aliyev; Pashinyan spoke first.\n';

function writePair(dir: string, name: string, actor = 'Nikol Pashinyan', text = TEXT): { sidecar: string; article: string } {
  const annotations = emptyAnnotations(name);
  const at = text.indexOf(actor);
  annotations.actors.push({ id: 'pm', name: actor, type: 'person', mentions: [anchorAt(text, at, at + actor.length)] });
  writeFileSync(join(dir, name), text);
  const sidecar = join(dir, `${name}.annotations.yaml`);
  writeFileSync(sidecar, encodeSidecar(annotations, text));
  return { sidecar, article: `file://${join(dir, name)}` };
}

/** Sets a file's times well in the past, as for files untouched since a session long ago. */
function age(...paths: string[]): void {
  const then = new Date(Date.now() - 10 * RACY_MARGIN);
  paths.forEach((p) => utimesSync(p, then, then));
}

describe('buildIndex', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'newsmark-index-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads each sidecar once, then takes it from the cache until it changes', async () => {
    const jobs = ['a.txt', 'b.txt', 'c.txt'].map((name) => writePair(dir, name));
    jobs.forEach((j) => age(j.sidecar, j.sidecar.replace('.annotations.yaml', '')));
    const cache = IndexCache.parse(undefined);
    const first = await buildIndex(jobs, cache);
    assert.equal(first.read, 3);
    const record = first.built[0] && 'record' in first.built[0] ? first.built[0].record : undefined;
    assert.deepEqual(record?.actors.map((a) => [a.name, placesOf(record, a)]), [['Nikol Pashinyan', [{ start: [1, 0], end: [1, 15] }]]]);

    const next = IndexCache.parse(cache.serialize());
    assert.equal((await buildIndex(jobs, next)).read, 0, 'nothing changed: all from the cache');

    // One sidecar changes: only it is read again, and its record says what it holds now.
    writePair(dir, 'b.txt', 'Ilham Aliyev');
    const again = await buildIndex(jobs, next);
    assert.equal(again.read, 1);
    const b = again.built[1];
    assert.ok(b && 'record' in b);
    assert.equal(b.record.actors[0].name, 'Ilham Aliyev');
    assert.deepEqual(placesOf(b.record, b.record.actors[0]), [{ start: [1, 20], end: [1, 32] }]);
  });

  it('keeps the record of a sidecar read again only because it was written moments before, when it still says the same', async () => {
    const job = writePair(dir, 'a.txt');
    const cache = IndexCache.parse(undefined);
    const first = (await buildIndex([job], cache)).built[0];
    assert.ok(first && 'record' in first);
    // Just written: its stamp cannot be trusted, so it is read again, but it is the same sidecar.
    const again = await buildIndex([job], cache);
    assert.equal(again.read, 1);
    const same = again.built[0];
    assert.ok(same && 'record' in same);
    assert.equal(same.record, first.record, 'the same record: no change to show');
    // Another actor in a file of the same stamp would be a change; a new stamp is one anyway.
    writePair(dir, 'a.txt', 'Ilham Aliyev');
    const changed = (await buildIndex([job], cache)).built[0];
    assert.ok(changed && 'record' in changed);
    assert.notEqual(changed.record, first.record);
    assert.equal(changed.record.actors[0].name, 'Ilham Aliyev');
  });

  it('reads again a sidecar changed just before the cache was made, even with the same size and time', async () => {
    const job = writePair(dir, 'a.txt');
    const files = [job.sidecar, join(dir, 'a.txt')];
    const moment = new Date(Date.now() - RACY_MARGIN / 3);
    files.forEach((p) => utimesSync(p, moment, moment));
    const cache = IndexCache.parse(undefined);
    await buildIndex([job], cache);
    // Same length, same modification time: only a check of when it was read can catch this.
    writePair(dir, 'a.txt', 'Nikol Pashinyan'.replace('Nikol', 'Nicol'), TEXT.replace('Nikol', 'Nicol'));
    files.forEach((p) => utimesSync(p, moment, moment));
    const again = await buildIndex([job], cache);
    assert.equal(again.read, 1);
    const built = again.built[0];
    assert.ok(built && 'record' in built);
    assert.equal(built.record.actors[0].name, 'Nicol Pashinyan');
  });

  it('leaves out a broken sidecar and one that is gone, and never caches them', async () => {
    const good = writePair(dir, 'good.txt');
    const broken = writePair(dir, 'broken.txt');
    writeFileSync(broken.sidecar, 'newsmark: 1\nactors: [\n');
    const gone = { sidecar: join(dir, 'gone.txt.annotations.yaml'), article: `file://${join(dir, 'gone.txt')}` };
    const cache = IndexCache.parse(undefined);
    const { built } = await buildIndex([good, broken, gone], cache);
    assert.deepEqual(built.map((b) => (b && 'status' in b ? b.status : 'ok')), ['ok', 'unreadable', 'gone']);
    assert.equal(cache.size, 1);
    assert.deepEqual(await reindexOne(broken, cache), { status: 'unreadable' });
  });

  it('stops when cancelled, keeping what it read, and says so', async () => {
    const jobs = Array.from({ length: 80 }, (_, i) => writePair(dir, `a${i}.txt`));
    const cache = IndexCache.parse(undefined);
    let reports = 0;
    const result = await buildIndex(jobs, cache, { workers: 1, cancelled: () => reports >= 2, onProgress: () => reports++ });
    assert.ok(result.cancelled);
    const done = result.built.filter(Boolean).length;
    assert.ok(done > 0 && done < jobs.length, `${done} of ${jobs.length} read`);
    assert.equal(cache.size, done);
  });

  it('reports its progress with counts that end at the total', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => writePair(dir, `a${i}.txt`));
    const seen: { done: number; total: number }[] = [];
    await buildIndex(jobs, IndexCache.parse(undefined), { onProgress: (p) => seen.push(p) });
    assert.deepEqual(seen.at(-1), { done: 40, total: 40, read: 40 });
    assert.ok(seen.every((p, i) => i === 0 || p.done >= seen[i - 1].done));
  });
});

describe('ArchiveIndex', () => {
  const record = (article: string, actors: { id: string; name: string; wikidata?: string; aliases?: string[] }[]) => ({
    article,
    actors: actors.map((a, i) => ({ type: 'person', ...a, from: i, count: 1 })),
    places: Int32Array.from(actors.flatMap((_, i) => [i, 0, i, 5])),
    claims: 0,
    claimGroups: {},
    orphanedMentions: 0,
    orphanedClaims: 0,
  });

  it('finds actors by name or alias through its name index, and forgets an article’s old names when it changes', () => {
    const index = new ArchiveIndex();
    index.setOnDisk('a', record('a', [{ id: 'pm', name: 'Nikol Pashinyan', aliases: ['the premier'] }]));
    index.setOnDisk('b', record('b', [{ id: 'x', name: 'Zoë Aldám' }]));
    assert.deepEqual(index.search('npash', 10).map((s) => s.record.article), ['a']);
    assert.deepEqual(index.search('premier', 10).map((s) => s.actor.name), ['Nikol Pashinyan']);
    assert.deepEqual(index.search('zoe', 10).map((s) => s.record.article), ['b']);
    assert.equal(index.search('a', 1).length, 1, 'at most the limit');
    index.setOnDisk('a', record('a', [{ id: 'pm', name: 'Armen Sargsyan' }]));
    assert.deepEqual(index.search('npash', 10), []);
    assert.deepEqual(index.search('sargs', 10).map((s) => s.record.article), ['a']);
    index.setOnDisk('a', undefined);
    assert.deepEqual(index.search('sargs', 10), []);
  });

  it('shows an open article’s live record over the one on disk, and the disk one again once closed', () => {
    const index = new ArchiveIndex();
    index.setOnDisk('a', record('a', [{ id: 'pm', name: 'Nikol Pashinyan' }]));
    index.setOpen('a', record('a', [{ id: 'pm', name: 'Nikol Pashinyan' }, { id: 'ia', name: 'Ilham Aliyev' }]));
    assert.equal(index.size, 1);
    assert.deepEqual(index.search('aliyev', 10).map((s) => s.actor.id), ['ia']);
    index.setOpen('a', undefined);
    assert.deepEqual(index.search('aliyev', 10), []);
    assert.equal(index.get('a')?.actors.length, 1);
  });

  it('groups the same actor across articles, as groupActors does, and finds an actor’s group', () => {
    const index = new ArchiveIndex();
    index.setOnDisk('a', record('a', [{ id: 'pm', name: 'Nikol Pashinyan', wikidata: 'Q1' }]));
    index.setOnDisk('b', record('b', [{ id: 'p', name: 'Pashinyan', wikidata: 'Q1' }, { id: 'z', name: 'Zoë Aldám' }]));
    index.setOnDisk('c', record('c', [{ id: 'n', name: 'nikol  pashinyan' }]));
    const group = index.groupOf('c', 'n');
    assert.deepEqual(group?.appearances.map((a) => `${a.article}#${a.actor.id}`), ['a#pm', 'b#p', 'c#n']);
    assert.equal(index.groups().length, 2);
    index.setOnDisk('b', record('b', [{ id: 'z', name: 'Zoë Aldám' }]));
    assert.deepEqual(index.groupOf('a', 'pm')?.appearances.map((a) => a.article), ['a', 'c']);
  });
});

describe('readForIndex, the fast read against the full one', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'newsmark-index-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** An article with emoji before and inside its mentions, and its annotations as the editor writes them. */
  const ARTICLE = 'Year of the 🐀 in Yerevan.\nZoë 🐀 Aldám met Ilham Aliyev; Zoë 🐀 Aldám spoke first.\nAliyev said 24% of it was done.\n';
  function annotated(name = 'Zoë 🐀 Aldám'): Annotations {
    const annotations = emptyAnnotations('talks.txt');
    const mention = (who: string, from = 0) => {
      const at = ARTICLE.indexOf(who, from);
      return anchorAt(ARTICLE, at, at + who.length);
    };
    annotations.actors.push(
      { id: 'zoe', name, type: 'person', aliases: ['Zoë'], mentions: [mention('Zoë 🐀 Aldám'), mention('Zoë 🐀 Aldám', 40)] },
      { id: 'aliyev', name: 'Ilham Aliyev', type: 'person', wikidata: 'Q1', mentions: [mention('Ilham Aliyev'), { ...mention('Aliyev said'), orphaned: true }] },
    );
    annotations.claims.push(
      { id: 'c1', anchor: mention('Aliyev said 24% of it was done.'), claimant: 'aliyev', status: 'checked', verdict: 'mostly-true', sources: [{ url: 'https://example.org/a?b=1', accessed: '2026-11-28' }] },
      { id: 'c2', anchor: { ...mention('spoke first'), orphaned: true }, status: 'unchecked', sources: [] },
    );
    return annotations;
  }

  /** The record the index reads from `source`, and the one the full read's annotations give. */
  async function bothRecords(source: string, text = ARTICLE) {
    const sidecar = join(dir, 'talks.txt.annotations.yaml');
    writeFileSync(join(dir, 'talks.txt'), text);
    writeFileSync(sidecar, source);
    const read = await readForIndex({ sidecar, article: 'talks' }, {}, false);
    const full = decodeSidecar(source, text);
    assert.ok(read.status === 'ok' && full.annotations, JSON.stringify(full.problems));
    if (full.stale) {
      reattachAnnotations(text, full.annotations);
    }
    const fast = decodeSidecar(source, text, { dataOnly: true });
    return { indexed: read.record, full: recordOf('talks', full.annotations, text), tookFast: fast.document === undefined };
  }

  const written = encodeSidecar(annotated(), ARTICLE);
  const cases: Record<string, [string, boolean]> = {
    'as the editor writes it': [written, true],
    'with CRLF line breaks': [written.replaceAll('\n', '\r\n'), true],
    'with a byte-order mark': [`\uFEFF${written}`, true],
    'with an "&" in a name, which only the full read takes': [encodeSidecar(annotated('Zoë 🐀 Aldám & Co'), ARTICLE), false],
    'with a tab before a comment, which only the full read takes': [written.replace('claims:\n', 'claims:\t# checked\n'), false],
  };
  for (const [name, [source, fast]] of Object.entries(cases)) {
    it(`gives the full read's record for a sidecar ${name}`, async () => {
      const { indexed, full, tookFast } = await bothRecords(source);
      assert.equal(tookFast, fast);
      assert.deepEqual(indexed, full);
      assert.equal(indexed.places.length, 12);
      assert.deepEqual([indexed.orphanedMentions, indexed.orphanedClaims, indexed.claims], [1, 1, 2]);
    });
  }

  it("gives the full read's record for a sidecar whose article changed, with its mentions found again", async () => {
    const changed = `Breaking: ${ARTICLE}`;
    const { indexed, full, tookFast } = await bothRecords(written, changed);
    assert.equal(tookFast, true);
    assert.deepEqual(indexed, full);
    assert.deepEqual(placesOf(indexed, indexed.actors[0])[0], { start: [1, 0], end: [1, 12] });
  });
});
