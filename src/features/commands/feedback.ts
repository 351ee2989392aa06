// What a command tells the user it did: a status-bar message that fades, remembered so tests can read what the user saw.

import * as vscode from 'vscode';

/** How long a confirmation stays in the status bar. */
const SHOWN_MS = 4000;
/** How many confirmations are remembered. */
const KEPT = 50;

export class Feedback {
  private readonly said: string[] = [];
  /** Sidecars already reported unreadable: said once, not on every command, until they read again. */
  private readonly unreadable = new Set<string>();

  /** The latest confirmations, oldest first. */
  get recent(): readonly string[] {
    return this.said;
  }

  get last(): string | undefined {
    return this.said[this.said.length - 1];
  }

  /** A change was made: say so in the status bar. */
  done(message: string): void {
    this.remember(message);
    vscode.window.setStatusBarMessage(`$(check) ${message}`, SHOWN_MS);
  }

  /** Nothing was done, and the user should know why. */
  info(message: string): void {
    this.remember(message);
    void vscode.window.showInformationMessage(message);
  }

  warn(message: string): void {
    this.remember(message);
    void vscode.window.showWarningMessage(message);
  }

  error(message: string): void {
    this.remember(message);
    void vscode.window.showErrorMessage(message);
  }

  /** A command could not change an article whose sidecar cannot be read; the first time, offer to open it. */
  blocked(message: string, article: vscode.Uri, sidecar: vscode.Uri): void {
    const key = sidecar.toString();
    if (this.unreadable.has(key)) {
      vscode.window.setStatusBarMessage(`$(error) ${message}`, SHOWN_MS);
      return;
    }
    this.unreadable.add(key);
    this.remember(message);
    void vscode.window.showErrorMessage(message, 'Open Sidecar').then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand('newsmark.openSidecar', { uri: article.toString() });
      }
    });
  }

  /** The sidecar reads again: a later problem is reported afresh. */
  readable(sidecar: vscode.Uri): void {
    this.unreadable.delete(sidecar.toString());
  }

  private remember(message: string): void {
    this.said.push(message);
    if (this.said.length > KEPT) {
      this.said.shift();
    }
  }
}
