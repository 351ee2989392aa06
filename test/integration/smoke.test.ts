// Smoke test: the extension is installed in the VS Code under test, activates, and sees the fixture workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('Newsmark in VS Code', () => {
  it('activates with a workspace folder open', async () => {
    const ext = vscode.extensions.getExtension('newsmark.newsmark');
    assert.ok(ext, 'extension newsmark.newsmark is not loaded');
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length > 0, 'no workspace folder is open');
  });
});
