// Export… and Import brat…: the core's converters, from the editor.

import * as vscode from 'vscode';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat, exportArticle, exportFileName, type ExportSettings } from '../core/exporters';
import { importBrat } from '../core/brat';
import { withoutBom } from '../core/offsets';
import { encodeSidecar, sidecarNameFor } from '../core/sidecar';
import { exportSettingsOf } from '../core/settings';
import { actorTypes, settings } from './config';
import { atomicWrite, readTextIfExists } from './fileio';
import { AnnotationStore, basename, sidecarUriFor } from './store';
import { Command } from './commands/ids';
import { argsUri } from './commands/target';

export interface ExportArgs {
  uri?: string;
  format?: ExportFormat;
  /** Where to write; without it a save dialog asks, next to the article by default. */
  target?: string;
}

export interface ImportArgs {
  /** The brat .ann file; its text is the .txt of the same name beside it. */
  ann?: string;
  /** Replace an existing sidecar without asking. */
  replace?: boolean;
}

/** The exporters' settings as the editor has always given them: with the labels of the actor types in use. */
function exportSettings(): ExportSettings {
  return { ...exportSettingsOf(settings()), actorTypeLabels: Object.fromEntries(actorTypes().map((t) => [t.id, t.label])) };
}

export function registerInterop(store: AnnotationStore): vscode.Disposable {
  const exportCommand = async (args?: ExportArgs) => {
    const uri = argsUri(args);
    if (!uri) {
      void vscode.window.showInformationMessage('Open the article to export first.');
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const entry = await store.load(doc);
    if (!entry?.annotations) {
      void vscode.window.showErrorMessage(
        entry ? `${sidecarNameFor(basename(uri))} has problems to fix before ${basename(uri)} can be exported (see the Problems panel).` : `${basename(uri)} is not an article.`,
      );
      return undefined;
    }
    let format = args?.format;
    if (format === undefined) {
      const picked = await vscode.window.showQuickPick(
        EXPORT_FORMATS.map((f) => ({ label: EXPORT_FORMAT_LABELS[f], description: exportFileName(basename(uri), f), format: f })),
        { title: `Export the annotations of ${basename(uri)}` },
      );
      if (!picked) {
        return undefined;
      }
      format = picked.format;
    } else if (!EXPORT_FORMATS.includes(format)) {
      void vscode.window.showErrorMessage(`"${format}" is not an export format (${EXPORT_FORMATS.join(', ')}).`);
      return undefined;
    }
    const folder = uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) });
    let target = args?.target ? vscode.Uri.file(args.target) : undefined;
    if (!target) {
      target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, exportFileName(basename(uri), format)), title: EXPORT_FORMAT_LABELS[format] });
      if (!target) {
        return undefined;
      }
    }
    const { content, warnings } = exportArticle(format, uri.toString(), entry.annotations, doc.getText(), exportSettings());
    await atomicWrite(target, content);
    const note = warnings.length ? ` with ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}: ${warnings.map((w) => w.message).join(' ')}` : '';
    void vscode.window.showInformationMessage(`Exported ${basename(uri)} to ${basename(target)}${note}`, 'Open').then((choice) => {
      if (choice) {
        void vscode.window.showTextDocument(target);
      }
    });
    return target.fsPath;
  };

  const importCommand = async (args?: ImportArgs) => {
    let annUri = args?.ann ? vscode.Uri.file(args.ann) : undefined;
    if (!annUri) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'brat annotations': ['ann'] }, title: 'Import brat annotations' });
      annUri = picked?.[0];
      if (!annUri) {
        return undefined;
      }
    }
    const txtUri = annUri.with({ path: annUri.path.replace(/\.ann$/, '.txt') });
    const [ann, text] = await Promise.all([readTextIfExists(annUri), readTextIfExists(txtUri)]);
    if (ann === undefined || text === undefined) {
      void vscode.window.showErrorMessage(`brat keeps the text beside the annotations: ${basename(txtUri)} and ${basename(annUri)} must both exist in the same folder.`);
      return undefined;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === txtUri.toString());
    if (open?.isDirty) {
      void vscode.window.showErrorMessage(`Save or revert ${basename(txtUri)} first: brat offsets refer to the text on disk.`);
      return undefined;
    }
    const article = withoutBom(text);
    const result = importBrat(article, ann, { articleFile: basename(txtUri), mapping: settings().brat });
    if (!result.annotations) {
      const shown = result.problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`).join(' ');
      void vscode.window.showErrorMessage(`Nothing was imported: ${basename(annUri)} has ${result.problems.length === 1 ? 'a problem' : `${result.problems.length} problems`}. ${shown}`);
      return undefined;
    }
    const sidecar = sidecarUriFor(txtUri);
    if ((await readTextIfExists(sidecar)) !== undefined && !args?.replace) {
      const choice = await vscode.window.showWarningMessage(`${basename(txtUri)} already has annotations in ${basename(sidecar)}. Replace them with the brat annotations?`, { modal: true }, 'Replace');
      if (choice !== 'Replace') {
        return undefined;
      }
    }
    await atomicWrite(sidecar, encodeSidecar(result.annotations, article));
    const actors = result.annotations.actors.length;
    const claims = result.annotations.claims.length;
    void vscode.window.showInformationMessage(`Imported ${actors} ${actors === 1 ? 'actor' : 'actors'} and ${claims} ${claims === 1 ? 'claim' : 'claims'} from ${basename(annUri)}.`);
    if (result.warnings.length) {
      // A second verdict or claimant on one claim: kept in the claim's notes, but the fact-checker should know.
      const shown = result.warnings.slice(0, 3).map((w) => `line ${w.line}: ${w.message}`).join(' ');
      void vscode.window.showWarningMessage(`${basename(annUri)} gives some claims two values: ${shown}`);
    }
    await vscode.window.showTextDocument(txtUri);
    return sidecar.fsPath;
  };

  return vscode.Disposable.from(vscode.commands.registerCommand(Command.Export, exportCommand), vscode.commands.registerCommand(Command.ImportBrat, importCommand));
}
