// "Newsmark: Set Up Git for Sidecars": the repository's .gitattributes and git config, pointing the merge driver at this extension's command line.

import { join } from 'node:path';
import * as vscode from 'vscode';
import { GitError } from '../../core/git';
import { setUpGit } from '../../core/gitSetup';
import { Command } from './ids';
import type { CommandContext } from './target';

/** The driver as git should run it: this extension's own command line, so nothing needs installing. */
function driverCommand(): string {
  // The bundle is dist/extension.js and the command line dist/cli.js beside it.
  return `node "${join(__dirname, 'cli.js')}" merge-sidecar %O %A %B %P`;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active && vscode.workspace.getWorkspaceFolder(active);
  if (folder) {
    return folder.uri;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    return folders[0]?.uri;
  }
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Set up git for the sidecars of which folder?' }))?.uri;
}

export function gitCommands(ctx: CommandContext) {
  return {
    [Command.SetUpGit]: async (): Promise<string[] | undefined> => {
      const folder = await pickFolder();
      if (!folder || folder.scheme !== 'file') {
        ctx.feedback.info('Open a folder inside a git repository to set up git for its sidecars.');
        return undefined;
      }
      try {
        const { done } = await setUpGit(folder.fsPath, driverCommand());
        ctx.feedback.info(`Git is set up to merge sidecars per annotation. ${done.join(' ')}`);
        return done;
      } catch (err) {
        if (err instanceof GitError) {
          ctx.feedback.error(err.message);
          return undefined;
        }
        throw err;
      }
    },
  };
}
