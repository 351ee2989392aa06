// Tests that the one description of the settings matches the manifest, and that the editor and .newsmark.json read the same values alike.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_ACTOR_TYPES, problemText, readOptions, SETTING_DEFAULTS, SETTING_NAMES, type SettingName } from '../../../src/core/settings';
import { readSettings, settingsForFiles } from '../../../src/core/settingsFile';
import { DEFAULT_VERDICT_SCALE } from '../../../src/core/verdicts';

const ROOT = path.resolve(__dirname, '../../../..');

/** The manifest's settings by name without the "newsmark." prefix. */
function manifestSettings(): Record<string, { default: unknown }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key.replace(/^newsmark\./, ''), value]));
}

/** What VS Code's getConfiguration('newsmark') gives: the user's value, else the manifest's default. */
function editorGet(user: Record<string, unknown>): (name: SettingName) => unknown {
  const manifest = manifestSettings();
  return (name) => (name in user ? user[name] : manifest[name]?.default);
}

/** The editor's reading of the same values, in the shape the command-line tool works with. */
function readByEditor(user: Record<string, unknown>) {
  const { settings, problems } = readOptions(editorGet(user));
  return { settings: settingsForFiles(settings), problems: problems.map((p) => problemText(p)) };
}

describe('settings', () => {
  it('describes every setting of the manifest, with the same default', () => {
    const manifest = manifestSettings();
    for (const [name, setting] of Object.entries(manifest)) {
      assert.ok(name in SETTING_DEFAULTS, `newsmark.${name} is in package.json but not in the core's description`);
      assert.deepEqual(SETTING_DEFAULTS[name as SettingName], setting.default, `newsmark.${name} has another default in package.json`);
    }
  });

  it('reads no setting the manifest does not declare', () => {
    const manifest = manifestSettings();
    assert.deepEqual(SETTING_NAMES.filter((name) => !(name in manifest)), []);
  });

  it('gives the editor the manifest defaults when nothing is set, and says nothing', () => {
    const { settings, problems } = readOptions(editorGet({}));
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.actorTypes, DEFAULT_ACTOR_TYPES);
    assert.deepEqual(settings.scale, DEFAULT_VERDICT_SCALE);
    assert.equal(settings.annotator, undefined);
    assert.equal(settings.lint['source-no-archive'], 'hint');
    assert.equal(settings.lint['unknown-claimant'], 'error');
    assert.deepEqual([settings.decorations, settings.codeLens, settings.askForSourceOnVerdict, settings.suggestionsOnOpen], [true, true, true, false]);
    assert.deepEqual(settings.claimReview, { author: undefined, url: undefined });
  });

  describe('the editor and .newsmark.json read the same values alike', () => {
    const values = {
      actorTypes: [{ id: 'person', label: 'Person' }, { id: 'party', label: 'Political party', color: 'charts.red' }, 'ministry'],
      verdicts: [
        { id: 'true', label: 'Correct', ratingValue: 3 },
        { id: 'mostly-false', label: 'Misleading', ratingValue: 1 },
      ],
      verdictScale: { bestRating: 3, worstRating: 1 },
      annotator: '  Ana   Petrosyan ',
      'brat.mapping': { claimTypes: ['Claim', 'Assertion'], verdictAttribute: 'Rating' },
      'export.claimReview.author': { name: 'Factcheck Desk', url: 'https://factcheck.example.org/' },
      'export.claimReview.url': 'https://factcheck.example.org/{article}#{claim}',
      'export.w3c.creator': { type: 'Person', name: 'Ana Petrosyan', id: 'https://factcheck.example.org/ana' },
      'export.w3c.baseIri': 'https://factcheck.example.org/annotations/',
    };

    it('gives the same settings from the file, written flat, prefixed or nested, as from the editor', () => {
      const { settings, problems } = readByEditor(values);
      assert.deepEqual(problems, []);
      assert.deepEqual(readSettings(values, '.newsmark.json'), settings);
      const prefixed = Object.fromEntries(Object.entries(values).map(([k, v]) => [`newsmark.${k}`, v]));
      assert.deepEqual(readSettings(prefixed, '.newsmark.json'), settings);
      const { 'export.claimReview.author': author, 'export.claimReview.url': url, 'export.w3c.creator': creator, 'export.w3c.baseIri': baseIri, 'brat.mapping': mapping, ...rest } = values;
      const nested = { ...rest, brat: { mapping }, export: { claimReview: { author, url }, w3c: { creator, baseIri } } };
      assert.deepEqual(readSettings(nested, '.newsmark.json'), settings);
      assert.deepEqual(settings.actorTypes, ['person', 'party', 'ministry']);
      assert.deepEqual(settings.actorTypeLabels, { person: 'Person', party: 'Political party', ministry: 'ministry' });
      assert.equal(settings.annotator, 'Ana Petrosyan');
      assert.equal(settings.scale.bestRating, 3);
    });

    for (const [name, bad, said] of [
      ['annotator', 7, '"annotator" must be text.'],
      ['verdictScale', { bestRating: 2, worstRating: 2 }, 'bestRating and worstRating must differ.'],
      ['verdicts', [{ id: 'Pants on fire', label: 'Pants on fire', ratingValue: 0 }], 'Verdict 1 needs an id (lower-case letters, digits and "-"), a label and a numeric ratingValue.'],
      ['export.w3c.creator', { type: 'Robot', name: 'Newsmark' }, '"export.w3c.creator.type" must be one of Person, Organization, Software.'],
      ['export.claimReview.author', { url: 'https://factcheck.example.org/' }, '"export.claimReview.author.name" is required.'],
      ['brat.mapping', { claimType: 'Claim' }, '"brat.mapping.claimType" is not a brat mapping setting (claimTypes, actorTypes, verdictAttribute, statusAttribute, claimantRelation, wikidataDatabase).'],
      ['actorTypes', [{ label: 'No id' }], '"actorTypes" must list type ids, or objects with an "id" and a "label".'],
    ] as const) {
      it(`refuses a bad ${name} in the file with the words the editor warns with, and the editor uses its default`, () => {
        assert.throws(() => readSettings({ ...values, [name]: bad }, '.newsmark.json'), { message: `.newsmark.json: ${said}` });
        const { settings, problems } = readByEditor({ ...values, [name]: bad });
        assert.deepEqual(problems, [said]);
        const fine = readByEditor(values).settings;
        const defaulted = readByEditor({ ...values, [name]: SETTING_DEFAULTS[name] }).settings;
        // Only the bad setting falls back to its default; the others keep what the user set.
        assert.deepEqual(settings, defaulted);
        assert.notDeepEqual(settings, fine);
      });
    }
  });

  describe('settings only the editor reads', () => {
    it('uses the default for a value of the wrong kind and names the setting', () => {
      const { settings, problems } = readOptions(editorGet({ 'decorations.enabled': 'yes', 'lint.checked-no-verdict': 'loud', 'codeLens.enabled': false }));
      assert.equal(settings.decorations, true);
      assert.equal(settings.lint['checked-no-verdict'], 'warning');
      assert.equal(settings.codeLens, false);
      assert.deepEqual(
        problems.map((p) => problemText(p, 'newsmark.')),
        ['"newsmark.decorations.enabled" must be true or false.', '"newsmark.lint.checked-no-verdict" must be one of error, warning, info, hint, off.'],
      );
    });

    it('keeps the verdicts when only their range is wrong, and the range when only a verdict is', () => {
      const verdicts = [{ id: 'correct', label: 'Correct', ratingValue: 2 }];
      const range = readOptions(editorGet({ verdicts, verdictScale: { bestRating: 'high' } }));
      assert.deepEqual(range.settings.scale, { verdicts, bestRating: 5, worstRating: 1 });
      assert.deepEqual(range.problems.map((p) => p.setting), ['verdictScale']);
      const verdict = readOptions(editorGet({ verdicts: [...verdicts, { id: 'correct', label: 'Again', ratingValue: 1 }], verdictScale: { bestRating: 2, worstRating: 1 } }));
      assert.deepEqual(verdict.settings.scale, { ...DEFAULT_VERDICT_SCALE, bestRating: 2, worstRating: 1 });
      assert.deepEqual(verdict.problems.map((p) => p.setting), ['verdicts']);
    });

    it('is not read from .newsmark.json, which says which settings it takes', () => {
      assert.throws(() => readSettings({ 'newsmark.decorations.enabled': false }, '.newsmark.json'), /"newsmark\.decorations\.enabled" is not a Newsmark setting \(actorTypes, verdicts, /);
    });
  });
});
