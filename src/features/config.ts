// Newsmark's settings, read in one place: checked by the core's description of them, kept until they change.

import * as vscode from 'vscode';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '../core/model';
import { type ActorType, type NewsmarkSettings, problemText, readOptions, type SettingProblem } from '../core/settings';
import type { Verdict } from '../core/verdicts';

const FALLBACK_TYPES: ActorType[] = [{ id: 'other', label: 'Other', color: 'newsmark.actor.other', icon: 'symbol-misc' }];

let cached: NewsmarkSettings | undefined;
/** The configuration change the cache was last dropped for: every listener sees the same event, and it is dropped once. */
let droppedFor: vscode.ConfigurationChangeEvent | undefined;
/** Problems already shown, so that a change to another setting does not repeat them. */
let shown = new Set<string>();

/** The settings, read and checked once per change rather than on each use (the linter asks for each finding). */
export function settings(): NewsmarkSettings {
  if (!cached) {
    const config = vscode.workspace.getConfiguration('newsmark');
    const { settings, problems } = readOptions((name) => config.get(name));
    cached = settings;
    report(problems);
  }
  return cached;
}

/** Each setting that cannot be used is said once, in a warning naming it; its default is used meanwhile. */
function report(problems: readonly SettingProblem[]): void {
  const messages = problems.map((p) => `Newsmark setting ${p.key === undefined ? `"newsmark.${p.setting}": ` : ''}${problemText(p, 'newsmark.')} Its default is used until it is fixed.`);
  messages.filter((m) => !shown.has(m)).forEach((m) => void vscode.window.showWarningMessage(m));
  shown = new Set(messages);
}

function refresh(e: vscode.ConfigurationChangeEvent): boolean {
  if (!e.affectsConfiguration('newsmark')) {
    return false;
  }
  if (e !== droppedFor) {
    droppedFor = e;
    cached = undefined;
  }
  return true;
}

/** Drops the kept settings whenever a Newsmark setting changes; registered first, before any surface reads them. */
export function registerSettings(): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration(refresh);
}

export function actorTypes(): readonly ActorType[] {
  const types = settings().actorTypes;
  return types?.length ? types : FALLBACK_TYPES;
}

export function verdicts(): readonly Verdict[] {
  return settings().scale.verdicts;
}

/** The annotator's name from newsmark.annotator; undefined when it is empty. */
export function annotatorSetting(): string | undefined {
  return settings().annotator;
}

/** Keeps the annotator's name in the user's settings: it is the person's, whatever folder they open. */
export async function rememberAnnotator(name: string): Promise<void> {
  await vscode.workspace.getConfiguration('newsmark').update('annotator', name, vscode.ConfigurationTarget.Global);
  cached = undefined;
}

export function actorTypeLabel(id: string): string {
  return actorTypes().find((t) => t.id === id)?.label ?? id;
}

export function verdictLabel(id: string | undefined): string | undefined {
  if (id === undefined) {
    return undefined;
  }
  return verdicts().find((v) => v.id === id)?.label ?? id;
}

export function statusLabel(status: ClaimStatus): string {
  return CLAIM_STATUS_LABELS[status] ?? status;
}

/** The codicon of an actor type, in the type's colour, for views and pickers. */
export function actorTypeIcon(type: string): vscode.ThemeIcon {
  const setting = actorTypes().find((t) => t.id === type);
  return new vscode.ThemeIcon(setting?.icon ?? 'symbol-misc', setting?.color ? new vscode.ThemeColor(setting.color) : undefined);
}

/** Fires when a Newsmark setting changes, after the kept settings are dropped so the listener reads the new ones. */
export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (refresh(e)) {
      listener();
    }
  });
}
