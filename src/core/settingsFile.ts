// The command-line tool's settings: what a .newsmark.json may hold (the editor's newsmark.* settings) and how it is read.

import type { ExportSettings } from './exporters';
import { exportSettingsOf, FILE_SETTING_NAMES, type NewsmarkSettings, problemText, readOptions, type SettingName } from './settings';

export interface Settings extends ExportSettings {
  actorTypes?: string[];
  /** Who is annotating, recorded as `by` on what they mark; unset: git's user.name or user.email. */
  annotator?: string;
}

/** Settings that cannot be used; the message names the file and the setting. */
export class ConfigError extends Error {}

export const SETTINGS_FILE = '.newsmark.json';

/** Throws the message that names the file and the setting. */
type Fail = (key: string, what: string) => never;

/** The values of a .newsmark.json by setting name, however each was written. */
type Values = Map<SettingName, unknown>;

/**
 * The settings in a .newsmark.json, checked as the editor checks its own. Each may be written
 * as in VS Code's settings.json ("newsmark.export.claimReview.url"), without the prefix, or
 * nested ({ "export": { "claimReview": { "url": … } } }), so settings can be copied either way.
 */
export function readSettings(raw: Record<string, unknown>, where: string): Settings {
  const values = collectValues(raw, (key, what) => {
    throw new ConfigError(`${where}: "${key}" ${what}.`);
  });
  const { settings, problems } = readOptions((name) => values.get(name));
  if (problems.length) {
    throw new ConfigError(`${where}: ${problems.map((p) => problemText(p)).join(' ')}`);
  }
  return settingsForFiles(settings);
}

/** What the command-line tool works with: the exporters' settings, the actor type ids and who is annotating. */
export function settingsForFiles(settings: NewsmarkSettings): Settings {
  return { ...exportSettingsOf(settings), actorTypes: settings.actorTypes?.map((t) => t.id), annotator: settings.annotator };
}

/** Each setting's value by its name without the prefix, from any of the three ways of writing it. */
function collectValues(raw: Record<string, unknown>, fail: Fail): Values {
  const values: Values = new Map();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const name = (prefix + key).replace(/^newsmark\./, '');
      if ((FILE_SETTING_NAMES as readonly string[]).includes(name)) {
        values.set(name as SettingName, value);
      } else if (FILE_SETTING_NAMES.some((n) => n.startsWith(`${name}.`)) || name === 'newsmark') {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          fail(prefix + key, 'must be an object');
        }
        walk(value as Record<string, unknown>, name === 'newsmark' ? '' : `${name}.`);
      } else if (key !== '$schema') {
        fail(prefix + key, `is not a Newsmark setting (${FILE_SETTING_NAMES.join(', ')})`);
      }
    }
  };
  walk(raw, '');
  return values;
}

