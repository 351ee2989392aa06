// Who is annotating: the setting newsmark.annotator, else the repository's git user, else asked once; and the stamp each change carries.

import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { gitUser } from '../core/git';
import { type Clock, cleanAnnotator, type Stamp, stampOf, systemClock } from '../core/provenance';
import { annotatorSetting, onDidChangeSettings, rememberAnnotator } from './config';

export class Annotator implements vscode.Disposable {
  /** git's answer per folder: one git run per folder and session, not one per mark. */
  private readonly fromGit = new Map<string, Promise<string | undefined>>();
  /** The question asked and not yet answered, so that two commands at once ask once. */
  private asking: Promise<string | undefined> | undefined;
  /** The user dismissed the question: not asked again until the editor restarts. */
  private declined = false;
  private readonly listener: vscode.Disposable;

  constructor(private readonly clock: Clock = systemClock) {
    // git's user may have been set meanwhile too; asking it again costs one run.
    this.listener = onDidChangeSettings(() => this.fromGit.clear());
  }

  /** The stamp for a change made now to the article at `uri`: who (when known) and when. */
  async stamp(uri: vscode.Uri): Promise<Stamp> {
    return stampOf(await this.name(uri), this.clock);
  }

  /** Stamps for changes made later, each at its own time, by the annotator found now (for a picker open a while). */
  async stamper(uri: vscode.Uri): Promise<() => Stamp> {
    const name = await this.name(uri);
    return () => stampOf(name, this.clock);
  }

  /** The annotator's name, or undefined when no one is known and the user would not say. */
  async name(uri: vscode.Uri): Promise<string | undefined> {
    return annotatorSetting() ?? (await this.gitName(uri)) ?? (await this.ask());
  }

  private gitName(uri: vscode.Uri): Promise<string | undefined> {
    // A folder's git configuration is the repository's to set; in a workspace not trusted, git is not run for it.
    if (uri.scheme !== 'file' || !vscode.workspace.isTrusted) {
      return Promise.resolve(undefined);
    }
    const folder = dirname(uri.fsPath);
    let found = this.fromGit.get(folder);
    if (!found) {
      found = gitUser(folder).then(cleanAnnotator, () => undefined);
      this.fromGit.set(folder, found);
    }
    return found;
  }

  private ask(): Promise<string | undefined> {
    if (this.declined) {
      return Promise.resolve(undefined);
    }
    this.asking ??= this.question().finally(() => (this.asking = undefined));
    return this.asking;
  }

  private async question(): Promise<string | undefined> {
    const answer = await vscode.window.showInputBox({
      title: 'Who is annotating?',
      prompt: 'Your name is recorded with each annotation you make and each verdict you give, so a team can see who did what. It is kept in the setting newsmark.annotator.',
      placeHolder: 'Your name',
      ignoreFocusOut: true,
      validateInput: (value) => (cleanAnnotator(value) ? undefined : 'Type your name, or press Escape to annotate without one.'),
    });
    const name = cleanAnnotator(answer);
    if (!name) {
      this.declined = true;
      return undefined;
    }
    await rememberAnnotator(name);
    return name;
  }

  dispose(): void {
    this.listener.dispose();
  }
}
