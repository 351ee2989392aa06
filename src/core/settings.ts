// Newsmark's settings described once: each option's name, default and validation, for the editor and .newsmark.json alike.

import { type BratMapping, DEFAULT_BRAT_MAPPING } from './brat';
import type { ExportSettings } from './exporters';
import { DEFAULT_LINT_SEVERITIES, LINT_RULES, LINT_SEVERITIES, type LintRule, type LintSeverity } from './lint';
import { cleanAnnotator } from './provenance';
import { DEFAULT_VERDICT_SCALE, type VerdictScale, verdictScaleFrom } from './verdicts';

/** A kind of actor the fact-checker can mark; `color` is a theme colour id and `icon` a codicon. */
export interface ActorType {
  id: string;
  label: string;
  color?: string;
  icon?: string;
}

export const DEFAULT_ACTOR_TYPES: readonly ActorType[] = Object.freeze([
  { id: 'person', label: 'Person', color: 'newsmark.actor.person', icon: 'person' },
  { id: 'organisation', label: 'Organisation', color: 'newsmark.actor.organisation', icon: 'organization' },
  { id: 'country', label: 'Country', color: 'newsmark.actor.country', icon: 'globe' },
  { id: 'location', label: 'Location', color: 'newsmark.actor.location', icon: 'location' },
  { id: 'event', label: 'Event', color: 'newsmark.actor.event', icon: 'calendar' },
  { id: 'other', label: 'Other', color: 'newsmark.actor.other', icon: 'symbol-misc' },
]);

const LINT_DEFAULTS: Readonly<Record<LintRule, LintSeverity>> = DEFAULT_LINT_SEVERITIES;

/** Every option by its name without the "newsmark." prefix, with its default; package.json declares the same. */
export const SETTING_DEFAULTS = Object.freeze({
  actorTypes: DEFAULT_ACTOR_TYPES,
  verdicts: DEFAULT_VERDICT_SCALE.verdicts,
  verdictScale: { bestRating: DEFAULT_VERDICT_SCALE.bestRating, worstRating: DEFAULT_VERDICT_SCALE.worstRating },
  'decorations.enabled': true,
  askForSourceOnVerdict: true,
  annotator: '',
  ...(Object.fromEntries(LINT_RULES.map((rule) => [`lint.${rule}`, LINT_DEFAULTS[rule]])) as Record<`lint.${LintRule}`, LintSeverity>),
  'codeLens.enabled': true,
  'suggestions.onOpen': false,
  'brat.mapping': DEFAULT_BRAT_MAPPING,
  'export.claimReview.author': {},
  'export.claimReview.url': '',
  'export.w3c.creator': {},
  'export.w3c.baseIri': '',
});

export type SettingName = keyof typeof SETTING_DEFAULTS;
export const SETTING_NAMES = Object.keys(SETTING_DEFAULTS) as SettingName[];

/** The options the command-line tool reads from .newsmark.json; the others only change what the editor shows. */
export const FILE_SETTING_NAMES: readonly SettingName[] = [
  'actorTypes',
  'verdicts',
  'verdictScale',
  'brat.mapping',
  'export.claimReview.author',
  'export.claimReview.url',
  'export.w3c.creator',
  'export.w3c.baseIri',
  'annotator',
];

/** The settings once read: every value checked, the default in place of any that could not be used. */
export interface NewsmarkSettings extends Omit<ExportSettings, 'actorTypeLabels'> {
  /** Unset only where nothing gave a value (a .newsmark.json without them): then any type is accepted. */
  actorTypes?: readonly ActorType[];
  /** Who is annotating, recorded as `by` on what they mark; unset: git's user.name or user.email. */
  annotator?: string;
  decorations: boolean;
  codeLens: boolean;
  askForSourceOnVerdict: boolean;
  suggestionsOnOpen: boolean;
  lint: Record<LintRule, LintSeverity>;
}

/** A value that could not be used: `key` is the setting, or the part of it, that is wrong. */
export interface SettingProblem {
  setting: SettingName;
  key?: string;
  message: string;
}

/** The problem in a sentence; `prefix` is "newsmark." where settings are written with it. */
export function problemText(problem: SettingProblem, prefix = ''): string {
  return problem.key === undefined ? problem.message : `"${prefix}${problem.key}" ${problem.message}.`;
}

class Invalid extends Error {
  constructor(readonly key: string, readonly what: string) {
    super(what);
  }
}

/** Stops reading one option: the caller records the problem and keeps that option's default. */
type Fail = (key: string, what: string) => never;
const fail: Fail = (key, what) => {
  throw new Invalid(key, what);
};

/**
 * Reads every option from `get` (the editor's configuration, or a .newsmark.json by name),
 * checking each the same way. An option that cannot be used is reported and its default used.
 */
export function readOptions(get: (name: SettingName) => unknown): { settings: NewsmarkSettings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  // Unset, an option is `otherwise` (the editor always has a value; a .newsmark.json may leave it out); wrong, its default.
  const read = <T>(name: SettingName, parse: (value: unknown) => T, otherwise: T): T => {
    const value = get(name);
    try {
      return value === undefined ? otherwise : parse(value);
    } catch (e) {
      if (!(e instanceof Invalid)) {
        throw e;
      }
      problems.push({ setting: name, key: e.key, message: e.what });
      return parse(SETTING_DEFAULTS[name]);
    }
  };
  const flag = (name: SettingName) => read(name, (v) => (typeof v === 'boolean' ? v : fail(name, 'must be true or false')), SETTING_DEFAULTS[name] as boolean);
  const settings: NewsmarkSettings = {
    actorTypes: read('actorTypes', readActorTypes, undefined),
    scale: readScale(get('verdicts'), get('verdictScale'), problems),
    annotator: read('annotator', (v) => cleanAnnotator(text('annotator', v)), undefined),
    decorations: flag('decorations.enabled'),
    codeLens: flag('codeLens.enabled'),
    askForSourceOnVerdict: flag('askForSourceOnVerdict'),
    suggestionsOnOpen: flag('suggestions.onOpen'),
    lint: Object.fromEntries(LINT_RULES.map((rule) => [rule, read(`lint.${rule}`, (v) => severity(`lint.${rule}`, v), LINT_DEFAULTS[rule])])) as Record<LintRule, LintSeverity>,
    brat: read('brat.mapping', readBratMapping, {}),
    claimReview: {
      author: read('export.claimReview.author', readAuthor, undefined),
      url: read('export.claimReview.url', (v) => text('export.claimReview.url', v), undefined),
    },
    w3c: {
      baseIri: read('export.w3c.baseIri', (v) => text('export.w3c.baseIri', v), undefined),
      creator: read('export.w3c.creator', readCreator, undefined),
    },
  };
  return { settings, problems };
}

/** What the exporters need, in the shape they take. */
export function exportSettingsOf(settings: NewsmarkSettings): ExportSettings {
  const { scale, brat, claimReview, w3c, actorTypes } = settings;
  return { scale, actorTypeLabels: actorTypes && Object.fromEntries(actorTypes.map((t) => [t.id, t.label])), brat, claimReview, w3c };
}

function object(key: string, value: unknown): Record<string, unknown> {
  if (value === undefined) {
    return {};
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(key, 'must be an object');
}

// As in the editor, an empty text or object means "not set".
function text(key: string, value: unknown): string | undefined {
  return value === undefined || value === '' ? undefined : typeof value === 'string' ? value : fail(key, 'must be text');
}

function severity(key: string, value: unknown): LintSeverity {
  return (LINT_SEVERITIES as readonly unknown[]).includes(value) ? (value as LintSeverity) : fail(key, `must be one of ${LINT_SEVERITIES.join(', ')}`);
}

/** The verdicts and their range; whichever of the two is wrong is reported and left at its default. */
function readScale(verdicts: unknown, range: unknown, problems: SettingProblem[]): VerdictScale {
  let bounds: Record<string, unknown> = {};
  try {
    bounds = object('verdictScale', range);
  } catch (e) {
    problems.push({ setting: 'verdictScale', key: 'verdictScale', message: (e as Invalid).what });
  }
  const first = verdictScaleFrom({ verdicts, bestRating: bounds.bestRating, worstRating: bounds.worstRating });
  if (first.problems.length === 0) {
    return first.scale;
  }
  const badRange = first.problems.some((p) => p.code === 'invalid-range');
  const badVerdicts = first.problems.some((p) => p.code !== 'invalid-range');
  problems.push(...first.problems.map((p) => ({ setting: p.code === 'invalid-range' ? ('verdictScale' as const) : ('verdicts' as const), message: p.message })));
  return verdictScaleFrom({
    verdicts: badVerdicts ? undefined : verdicts,
    bestRating: badRange ? undefined : bounds.bestRating,
    worstRating: badRange ? undefined : bounds.worstRating,
  }).scale;
}

/** The actor types, each an id alone or an object with an id; the label is the id where none is given. */
function readActorTypes(types: unknown): ActorType[] {
  if (!Array.isArray(types)) {
    return fail('actorTypes', 'must be a list');
  }
  return types.map((t: unknown) => {
    const item = (t && typeof t === 'object' ? t : { id: t }) as Partial<Record<keyof ActorType, unknown>>;
    if (typeof item.id !== 'string') {
      return fail('actorTypes', 'must list type ids, or objects with an "id" and a "label"');
    }
    return {
      id: item.id,
      label: typeof item.label === 'string' ? item.label : item.id,
      ...(typeof item.color === 'string' ? { color: item.color } : {}),
      ...(typeof item.icon === 'string' ? { icon: item.icon } : {}),
    };
  });
}

function readBratMapping(value: unknown): Partial<BratMapping> {
  const mapping: Partial<BratMapping> = {};
  for (const [key, entry] of Object.entries(object('brat.mapping', value))) {
    const name = `brat.mapping.${key}`;
    if (key === 'claimTypes') {
      mapping.claimTypes = Array.isArray(entry) && entry.every((v) => typeof v === 'string') ? entry : fail(name, 'must be a list of text');
    } else if (key === 'actorTypes') {
      const map = object(name, entry);
      Object.entries(map).forEach(([k, v]) => typeof v === 'string' || fail(`${name}.${k}`, 'must be text'));
      mapping.actorTypes = map as Record<string, string>;
    } else if (key === 'verdictAttribute' || key === 'statusAttribute' || key === 'claimantRelation' || key === 'wikidataDatabase') {
      mapping[key] = text(name, entry) ?? fail(name, 'must not be empty');
    } else {
      fail(name, `is not a brat mapping setting (${Object.keys(DEFAULT_BRAT_MAPPING).join(', ')})`);
    }
  }
  return mapping;
}

function readAuthor(value: unknown): ExportSettings['claimReview']['author'] {
  const author = readAgent('export.claimReview.author', value, ['Organization', 'Person'] as const);
  return author && { name: author.name, ...(author.type ? { type: author.type } : {}), ...(author.url ? { url: author.url } : {}) };
}

function readCreator(value: unknown): ExportSettings['w3c']['creator'] {
  const creator = readAgent('export.w3c.creator', value, ['Person', 'Organization', 'Software'] as const);
  return creator && { type: creator.type ?? 'Organization', name: creator.name, ...((creator.id ?? creator.url) ? { id: creator.id ?? creator.url } : {}) };
}

/** A ClaimReview author or W3C creator: a name, required once anything is set, and a type of `kinds`. */
function readAgent<T extends string>(key: string, value: unknown, kinds: readonly T[]) {
  const o = object(key, value);
  if (Object.keys(o).length === 0) {
    return undefined;
  }
  const name = text(`${key}.name`, o.name) ?? fail(`${key}.name`, 'is required');
  const type = text(`${key}.type`, o.type) as T | undefined;
  if (type !== undefined && !kinds.includes(type)) {
    fail(`${key}.type`, `must be one of ${kinds.join(', ')}`);
  }
  return { name, type, url: text(`${key}.url`, o.url), id: text(`${key}.id`, o.id) };
}
