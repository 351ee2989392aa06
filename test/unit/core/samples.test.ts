// Tests that every sidecar shipped in samples/ and the test workspace reads cleanly and is written back byte for byte, and that the broken fixture fails as its README says.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Annotations } from '../../../src/core/model';
import { decodeSidecar, encodeSidecar, SIDECAR_SUFFIX } from '../../../src/core/sidecar';

const ROOT = path.resolve(__dirname, '../../../..');
const SAMPLES = path.join(ROOT, 'samples');
const WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'workspace');

/** The verdict and actor-type ids a fresh install has, from the manifest, so samples never rely on custom settings. */
function configuredDefaults(): { verdicts: string[]; actorTypes: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties;
  const ids = (key: string) => (properties[key].default as { id: string }[]).map((entry) => entry.id);
  return { verdicts: ids('newsmark.verdicts'), actorTypes: ids('newsmark.actorTypes') };
}

function sidecarsIn(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(SIDECAR_SUFFIX))
    .map((name) => path.join(folder, name))
    .sort();
}

/** Files as they are on disk: a CRLF or a BOM is part of the text the offsets count. */
function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

const BROKEN = path.join(WORKSPACE, 'broken.txt.annotations.yaml');
const shipped = [...sidecarsIn(SAMPLES), ...sidecarsIn(WORKSPACE)].filter((file) => file !== BROKEN);

describe('shipped samples and fixtures', () => {
  const options = configuredDefaults();

  it('has the sidecars the samples and the test workspace are meant to have', () => {
    assert.deepEqual(
      shipped.map((file) => path.relative(ROOT, file).split(path.sep).join('/')),
      [
        'samples/brenn-water-rationing.txt.annotations.yaml',
        'samples/csto-exercise.txt.annotations.yaml',
        'samples/measles-vaccine-supply.news.annotations.yaml',
        'samples/riverside-council-election.md.annotations.yaml',
        'test/fixtures/workspace/brenn-water-rationing.txt.annotations.yaml',
        'test/fixtures/workspace/measles-vaccine-supply.news.annotations.yaml',
        'test/fixtures/workspace/riverside-council-election.md.annotations.yaml',
      ],
    );
  });

  for (const file of shipped) {
    const name = path.relative(ROOT, file).split(path.sep).join('/');

    describe(name, () => {
      const source = read(file);
      const articlePath = file.slice(0, -SIDECAR_SUFFIX.length);
      const text = read(articlePath);

      it('names its article and reads against it with no problems', () => {
        const result = decodeSidecar(source, text, options);
        assert.deepEqual(result.problems, []);
        assert.equal(result.stale, false, 'the sha256 must match the article as stored');
        assert.equal(result.annotations?.article.file, path.basename(articlePath));
      });

      it('is written back byte for byte, so opening it in the editor never makes a diff', () => {
        const result = decodeSidecar(source, text, options);
        assert.ok(result.annotations);
        assert.equal(encodeSidecar(result.annotations, text, result.document), source);
        // Also exactly what a fresh save writes: no hand formatting hides in a sample.
        assert.equal(encodeSidecar(result.annotations, text), source);
      });
    });
  }

  it('keeps the workspace copies identical to samples/', () => {
    for (const name of ['brenn-water-rationing.txt', 'riverside-council-election.md', 'measles-vaccine-supply.news']) {
      for (const file of [name, name + SIDECAR_SUFFIX]) {
        assert.ok(fs.readFileSync(path.join(WORKSPACE, file)).equals(fs.readFileSync(path.join(SAMPLES, file))), `${file} differs; run node scripts/make-samples.mjs`);
      }
    }
  });

  describe('together, the samples show every part of the format', () => {
    // Decoded inside each test, so a decoder that breaks fails these tests rather than the loading of the file.
    const all = (): Annotations[] =>
      sidecarsIn(SAMPLES).map((file) => {
        const result = decodeSidecar(read(file), read(file.slice(0, -SIDECAR_SUFFIX.length)));
        assert.ok(result.annotations, file);
        return result.annotations;
      });
    const everyActor = () => all().flatMap((a) => a.actors);
    const everyClaim = () => all().flatMap((a) => a.claims);

    it('has actors of every default type but "other", with aliases, notes and Wikidata ids', () => {
      const actors = everyActor();
      assert.deepEqual([...new Set(actors.map((a) => a.type))].sort(), ['country', 'event', 'location', 'organisation', 'person']);
      assert.ok(actors.some((a) => a.aliases?.length));
      assert.ok(actors.some((a) => a.notes));
      assert.deepEqual(actors.filter((a) => a.wikidata).map((a) => `${a.name} ${a.wikidata}`).sort(), [
        'Armenia Q399',
        'Collective Security Treaty Organization Q189006',
        'Geneva Q71',
        'Kyrgyzstan Q813',
        'Russia Q159',
        'World Health Organization Q7817',
      ]);
    });

    it('has claims in every status, several verdicts, claimants and the article itself as claimant', () => {
      const claims = everyClaim();
      assert.deepEqual([...new Set(claims.map((c) => c.status))].sort(), ['checked', 'in-progress', 'unchecked']);
      assert.deepEqual([...new Set(claims.flatMap((c) => (c.verdict ? [c.verdict] : [])))].sort(), ['false', 'mixed', 'mostly-false', 'true', 'unproven']);
      assert.ok(claims.some((c) => c.claimant) && claims.some((c) => !c.claimant));
      assert.ok(claims.some((c) => c.notes));
      assert.ok(claims.some((c) => c.sources.some((s) => s.url && s.title && s.archived && s.accessed)));
    });

    it('has a CRLF article, non-ASCII names and an emoji inside a claim', () => {
      const brenn = read(path.join(SAMPLES, 'brenn-water-rationing.txt'));
      const [actors, claims] = [everyActor(), everyClaim()];
      assert.ok(brenn.includes('\r\n') && !/[^\r]\n/.test(brenn), 'every line ends in CRLF');
      assert.ok(claims.some((c) => /\p{Extended_Pictographic}/u.test(c.anchor.quote)));
      assert.ok(actors.some((a) => a.name === 'Zoë Aldám') && actors.some((a) => a.name === 'Piotr Wiśniewski'));
    });

    it('keeps the written articles short enough to read at a glance (250–450 words)', () => {
      for (const name of ['brenn-water-rationing.txt', 'riverside-council-election.md', 'measles-vaccine-supply.news']) {
        const words = read(path.join(SAMPLES, name)).split(/\s+/).filter(Boolean).length;
        assert.ok(words >= 250 && words <= 450, `${name} has ${words} words`);
      }
    });
  });

  describe('test/fixtures/workspace/broken.txt', () => {
    const source = read(BROKEN);
    const text = read(path.join(WORKSPACE, 'broken.txt'));
    const problemsOf = (yaml: string) => decodeSidecar(yaml, text, options).problems.map((p) => [p.code, p.severity, p.line, p.column, p.message]);
    const quotedNote = (yaml: string) =>
      yaml.replace('notes: Ministry says: the figures are provisional until the audit.', 'notes: "Ministry says: the figures are provisional until the audit."');

    it('reports the YAML error its README documents, at line 16, column 12', () => {
      assert.deepEqual(problemsOf(source), [
        ['syntax', 'error', 16, 12, 'YAML syntax error: this value contains ": ", which YAML reads as the start of another key. Put the whole value in quotes.'],
      ]);
    });

    it('reports the schema error its README documents, at line 15, column 13, once the note is quoted', () => {
      assert.deepEqual(problemsOf(quotedNote(source)), [['schema', 'error', 15, 13, '"status" of claim 1 must be one of: unchecked, in-progress, checked.']]);
    });

    it('reads cleanly once both lines are fixed, so those two are its only errors', () => {
      assert.deepEqual(problemsOf(quotedNote(source).replace('status: done', 'status: in-progress')), []);
    });
  });

  describe('articles without a sidecar', () => {
    for (const name of ['unicode.txt', 'plain.txt', 'notes.md']) {
      it(`${name} has none, so the tests can create it`, () => {
        assert.ok(fs.existsSync(path.join(WORKSPACE, name)));
        assert.ok(!fs.existsSync(path.join(WORKSPACE, name + SIDECAR_SUFFIX)));
      });
    }

    it('unicode.txt has CRLF endings, decomposed accents, a flag and a ZWJ emoji', () => {
      const text = read(path.join(WORKSPACE, 'unicode.txt'));
      assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text));
      assert.notEqual(text, text.normalize('NFC'));
      assert.ok(text.includes('Dvor\u030Ca\u0301kova\u0301'));
      assert.ok(text.includes('🇦🇲') && text.includes('👩\u200D👩\u200D👧'));
    });
  });
});
