// Newsmark's settings, read in one place: actor types, the verdict scale and who is annotating.

import * as vscode from 'vscode';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '../core/model';
import { cleanAnnotator } from '../core/provenance';

export interface ActorTypeSetting {
  id: string;
  label: string;
  color?: string;
  icon?: string;
}

export interface VerdictSetting {
  id: string;
  label: string;
  ratingValue: number;
  color?: string;
}

const FALLBACK_TYPES: ActorTypeSetting[] = [{ id: 'other', label: 'Other', color: 'newsmark.actor.other', icon: 'symbol-misc' }];

export function actorTypes(): ActorTypeSetting[] {
  const types = vscode.workspace.getConfiguration('newsmark').get<ActorTypeSetting[]>('actorTypes');
  return Array.isArray(types) && types.length ? types.filter((t) => t && typeof t.id === 'string') : FALLBACK_TYPES;
}

export function verdicts(): VerdictSetting[] {
  const scale = vscode.workspace.getConfiguration('newsmark').get<VerdictSetting[]>('verdicts');
  return Array.isArray(scale) ? scale.filter((v) => v && typeof v.id === 'string') : [];
}

/** The annotator's name from newsmark.annotator; undefined when it is empty. */
export function annotatorSetting(): string | undefined {
  const name = vscode.workspace.getConfiguration('newsmark').get<unknown>('annotator');
  return typeof name === 'string' ? cleanAnnotator(name) : undefined;
}

/** Keeps the annotator's name in the user's settings: it is the person's, whatever folder they open. */
export function rememberAnnotator(name: string): Thenable<void> {
  return vscode.workspace.getConfiguration('newsmark').update('annotator', name, vscode.ConfigurationTarget.Global);
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

/** Fires when a Newsmark setting changes. */
export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('newsmark')) {
      listener();
    }
  });
}
