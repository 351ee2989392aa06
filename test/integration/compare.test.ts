// Comparing two annotators in a real VS Code: the differences and agreement of another sidecar, and taking theirs.

import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { type Annotations, anchorAt } from '../../src/core/model';
import { encodeSidecar } from '../../src/core/sidecar';
import { activateNewsmark, openArticle, settle, sidecarPath, workspaceFile, writeArticle } from './helpers';

const TEXT = ['Drills near the border', '', 'Russia sent 1,200 troops to Belarus, the ministry said. Armenia did not take part.', ''].join('\n');
const at = (quote: string) => anchorAt(TEXT, TEXT.indexOf(quote), TEXT.indexOf(quote) + quote.length);

function annotations(verdict: string, armeniaType: string): Annotations {
  return {
    article: { file: 'compare-drills.txt' },
    actors: [
      { id: 'russia', name: 'Russia', type: 'country', mentions: [at('Russia')] },
      { id: 'armenia', name: 'Armenia', type: armeniaType, mentions: [at('Armenia')] },
    ],
    claims: [{ id: 'c1', anchor: at('Russia sent 1,200 troops to Belarus'), status: 'checked', verdict, sources: [] }],
  };
}

describe('Comparing annotations', () => {
  it('lists the other annotator’s differences with agreement figures, and takes theirs into my sidecar', async () => {
    await activateNewsmark();
    const file = writeArticle('compare-drills.txt', TEXT);
    fs.writeFileSync(sidecarPath(file), encodeSidecar(annotations('false', 'country'), TEXT));
    const theirs = annotations('mostly-false', 'location');
    theirs.actors.push({ id: 'belarus', name: 'Belarus', type: 'country', mentions: [at('Belarus')] });
    const colleague = workspaceFile('colleague-drills.yaml');
    fs.writeFileSync(colleague, encodeSidecar(theirs, TEXT));
    await openArticle(file);

    const result = await vscode.commands.executeCommand<{ differences: number; figures: string }>('newsmark.compareWith', { file: vscode.Uri.file(colleague) });
    assert.ok(result, 'the comparison was made');
    // Their Belarus, their type for Armenia, their verdict.
    assert.equal(result.differences, 3);
    assert.match(result.figures, /^Mentions 80% · types κ/);

    const span = (q: string) => `${TEXT.indexOf(q)}-${TEXT.indexOf(q) + q.length}`;
    const said = await vscode.commands.executeCommand<string>('newsmark.takeTheirs', `different-verdict:${span('Russia sent 1,200 troops to Belarus')}:${span('Russia sent 1,200 troops to Belarus')}`);
    assert.match(said ?? '', /their verdict mostly-false/);
    await vscode.commands.executeCommand('newsmark.takeTheirs', `only-theirs:mention:${span('Belarus')}`);
    for (let waited = 0; waited < 5000; waited += 100) {
      const data = parse(fs.readFileSync(sidecarPath(file), 'utf8'));
      if (data.claims[0].verdict === 'mostly-false' && data.actors.some((a: { id: string }) => a.id === 'belarus')) {
        await vscode.commands.executeCommand('newsmark.stopComparing');
        return;
      }
      await settle(100);
    }
    assert.fail(`my sidecar did not take theirs:\n${fs.readFileSync(sidecarPath(file), 'utf8')}`);
  });
});
