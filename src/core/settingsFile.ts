// The command-line tool's settings: what a .newsmark.json may hold (the editor's newsmark.* settings) and how it is read.

import { type BratMapping, DEFAULT_BRAT_MAPPING } from './brat';
import type { ExportSettings } from './exporters';
import { cleanAnnotator } from './provenance';
import { verdictScaleFrom } from './verdicts';

export interface Settings extends ExportSettings {
  actorTypes?: string[];
  /** Who is annotating, recorded as `by` on what they mark; unset: git's user.name or user.email. */
  annotator?: string;
}

/** Settings that cannot be used; the message names the file and the setting. */
export class ConfigError extends Error {}

export const SETTINGS_FILE = '.newsmark.json';

/** The editor settings the command-line tool reads, named without their "newsmark." prefix. */
const SETTING_NAMES = [
  'actorTypes',
  'verdicts',
  'verdictScale',
  'brat.mapping',
  'export.claimReview.author',
  'export.claimReview.url',
  'export.w3c.creator',
  'export.w3c.baseIri',
  'annotator',
] as const;
type SettingName = (typeof SETTING_NAMES)[number];

/** Throws the message that names the file and the setting. */
type Fail = (key: string, what: string) => never;

/** The values of a .newsmark.json by setting name, however each was written. */
type Values = Map<SettingName, unknown>;

/**
 * The settings in a .newsmark.json. Each may be written as in VS Code's settings.json
 * ("newsmark.export.claimReview.url"), without the prefix, or nested
 * ({ "export": { "claimReview": { "url": … } } }), so settings can be copied either way.
 */
export function readSettings(raw: Record<string, unknown>, where: string): Settings {
  const fail: Fail = (key, what) => {
    throw new ConfigError(`${where}: "${key}" ${what}.`);
  };
  const values = collectValues(raw, fail);
  const scale = readScale(values, where, fail);
  const { actorTypes, actorTypeLabels } = readActorTypes(values.get('actorTypes'), fail);
  const mapping = readBratMapping(object('brat.mapping', values.get('brat.mapping'), fail), fail);
  const author = readAgent(values, 'export.claimReview.author', ['Organization', 'Person'] as const, fail);
  const creator = readAgent(values, 'export.w3c.creator', ['Person', 'Organization', 'Software'] as const, fail);
  return {
    scale,
    actorTypes,
    annotator: cleanAnnotator(text('annotator', values.get('annotator'), fail)),
    actorTypeLabels,
    brat: mapping,
    claimReview: {
      author: author && { name: author.name, ...(author.type ? { type: author.type } : {}), ...(author.url ? { url: author.url } : {}) },
      url: text('export.claimReview.url', values.get('export.claimReview.url'), fail),
    },
    w3c: {
      baseIri: text('export.w3c.baseIri', values.get('export.w3c.baseIri'), fail),
      creator: creator && { type: creator.type ?? 'Organization', name: creator.name, ...((creator.id ?? creator.url) ? { id: creator.id ?? creator.url } : {}) },
    },
  };
}

/** Each setting's value by its name without the prefix, from any of the three ways of writing it. */
function collectValues(raw: Record<string, unknown>, fail: Fail): Values {
  const values: Values = new Map();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const name = (prefix + key).replace(/^newsmark\./, '');
      if ((SETTING_NAMES as readonly string[]).includes(name)) {
        values.set(name as SettingName, value);
      } else if (SETTING_NAMES.some((n) => n.startsWith(`${name}.`)) || name === 'newsmark') {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          fail(prefix + key, 'must be an object');
        }
        walk(value as Record<string, unknown>, name === 'newsmark' ? '' : `${name}.`);
      } else if (key !== '$schema') {
        fail(prefix + key, `is not a Newsmark setting (${SETTING_NAMES.join(', ')})`);
      }
    }
  };
  walk(raw, '');
  return values;
}

function object(key: string, value: unknown, fail: Fail): Record<string, unknown> {
  if (value === undefined) {
    return {};
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(key, 'must be an object');
}

// As in the editor, an empty text or object means "not set".
function text(key: string, value: unknown, fail: Fail): string | undefined {
  return value === undefined || value === '' ? undefined : typeof value === 'string' ? value : fail(key, 'must be text');
}

function readScale(values: Values, where: string, fail: Fail): Settings['scale'] {
  const scaleSettings = object('verdictScale', values.get('verdictScale'), fail);
  const { scale, problems } = verdictScaleFrom({ verdicts: values.get('verdicts'), bestRating: scaleSettings.bestRating, worstRating: scaleSettings.worstRating });
  if (problems.length) {
    throw new ConfigError(`${where}: ${problems.map((p) => p.message).join(' ')}`);
  }
  return scale;
}

/** The actor types as ids, each with its label (the id where none is given). */
function readActorTypes(types: unknown, fail: Fail): Pick<Settings, 'actorTypes' | 'actorTypeLabels'> {
  if (types === undefined) {
    return { actorTypes: undefined, actorTypeLabels: undefined };
  }
  if (!Array.isArray(types)) {
    fail('actorTypes', 'must be a list');
  }
  const actorTypes: string[] = [];
  const actorTypeLabels: Record<string, string> = {};
  for (const t of types as unknown[]) {
    const id = typeof t === 'string' ? t : t && typeof t === 'object' ? (t as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') {
      fail('actorTypes', 'must list type ids, or objects with an "id" and a "label"');
    }
    actorTypes.push(id as string);
    const label = t && typeof t === 'object' ? (t as { label?: unknown }).label : undefined;
    actorTypeLabels[id as string] = typeof label === 'string' ? label : (id as string);
  }
  return { actorTypes, actorTypeLabels };
}

function readBratMapping(brat: Record<string, unknown>, fail: Fail): Partial<BratMapping> {
  const mapping: Partial<BratMapping> = {};
  for (const [key, value] of Object.entries(brat)) {
    const name = `brat.mapping.${key}`;
    if (key === 'claimTypes') {
      mapping.claimTypes = Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fail(name, 'must be a list of text');
    } else if (key === 'actorTypes') {
      const map = object(name, value, fail);
      Object.entries(map).forEach(([k, v]) => typeof v === 'string' || fail(`${name}.${k}`, 'must be text'));
      mapping.actorTypes = map as Record<string, string>;
    } else if (key === 'verdictAttribute' || key === 'statusAttribute' || key === 'claimantRelation' || key === 'wikidataDatabase') {
      mapping[key] = text(name, value, fail) ?? fail(name, 'must not be empty');
    } else {
      fail(name, `is not a brat mapping setting (${Object.keys(DEFAULT_BRAT_MAPPING).join(', ')})`);
    }
  }
  return mapping;
}

/** A ClaimReview author or W3C creator: a name, required once anything is set, and a type of `kinds`. */
function readAgent<T extends string>(values: Values, key: SettingName, kinds: readonly T[], fail: Fail) {
  const o = object(key, values.get(key), fail);
  if (Object.keys(o).length === 0) {
    return undefined;
  }
  const name = text(`${key}.name`, o.name, fail) ?? fail(`${key}.name`, 'is required');
  const type = text(`${key}.type`, o.type, fail) as T | undefined;
  if (type !== undefined && !kinds.includes(type)) {
    fail(`${key}.type`, `must be one of ${kinds.join(', ')}`);
  }
  return { name, type, url: text(`${key}.url`, o.url, fail), id: text(`${key}.id`, o.id, fail) };
}
