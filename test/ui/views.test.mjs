// The Newsmark views as a user works them: rows by type and status, clicks that reveal text, right-click menus, removing.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { ARTICLE, ARTICLE_TEXT, SIDECAR, position, useWorkbench } from './workbench.mjs';

describe('The Actors and Assertions views', () => {
  const s = useWorkbench({ files: [ARTICLE, SIDECAR] });

  it('lists the actors by type, and a click on a mention selects its text in the article', async () => {
    const { wb } = s;
    const rows = await wb.waitForRows('Actors', (r) => r.length >= 8);
    assert.deepEqual(rows.map((r) => [r.level, r.text]), [
      [1, 'Person 1'],
      [2, 'Nikol Pashinyan 2 mentions'],
      [1, 'Organisation 1'],
      [2, 'Collective Security Treaty Organization 11 mentions'],
      [1, 'Country 3'],
      [2, 'Armenia 11 mentions'],
      [2, 'Kyrgyzstan 9 mentions'],
      [2, 'Russia 7 mentions'],
    ]);
    await wb.expandTreeRow('Actors', 'Russia');
    const expanded = await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Moscow'));
    const mentions = expanded.filter((r) => r.level === 3).map((r) => r.text);
    // Two mentions on one line are told apart by their column and the words around them.
    assert.deepEqual(mentions, [
      'Russia line 4:84 · …Growing Rift with Russia In a significant …',
      'Russia line 6:83 · …stan, Kyrgyzstan, Russia, and Tajikistan, …',
      'Russia line 6:239 · …storically one of Russia’s closest allies,…',
      'Russia line 9:79 · …rts, particularly Russia. Moscow, which tr…',
      'Moscow line 9:87 · …ticularly Russia. Moscow, which traditiona…',
      'Russia line 10:360 · …onships with both Russia and the wider CST…',
      'Russia line 11:129 · …or powers such as Russia, China, and the U…',
    ]);

    await wb.clickTreeRow('Actors', 'Moscow');
    const { line, column } = position(ARTICLE_TEXT, 'Moscow');
    await wb.page.locator('.part.statusbar .statusbar-item', { hasText: `Ln ${line}, Col ${column + 6} (6 selected)` }).waitFor();
  });

  it('offers an actor’s actions on right-click, and Add Note from the menu writes the note', async () => {
    const { wb } = s;
    await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Russia'));
    await wb.rightClickTreeRow('Actors', 'Russia');
    const items = await wb.contextMenuItems();
    for (const expected of ['Add Note', 'Merge Actors…', 'Set Wikidata Id…', 'Open Sidecar']) {
      assert.ok(items.includes(expected), `${expected} is missing from ${JSON.stringify(items)}`);
    }
    await wb.clickContextMenuItem('Add Note');
    await wb.expectQuickInput('Notes on Russia');
    await wb.typeInQuickPick('Leads the CSTO; hosts its secretariat.');
    await wb.enter();
    await wb.waitForSidecar((y) => y.actors.find((a) => a.id === 'russia').notes === 'Leads the CSTO; hosts its secretariat.');
    const hover = await wb.hoverAt('Moscow', /Russia — Country/);
    assert.match(hover, /Russia — Country/);
    assert.match(hover, /Also called: Moscow/);
    assert.match(hover, /Notes: Leads the CSTO; hosts its secretariat\./);
  });

  it('removes a mention from its row’s menu, and an actor from its row after the user confirms', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Moscow');
    await wb.expandTreeRow('Actors', 'Russia');
    await wb.waitForRows('Actors', (r) => r.some((row) => row.label === 'Moscow'));
    await wb.rightClickTreeRow('Actors', 'Moscow');
    const remove = (await wb.contextMenuItems()).find((i) => i.startsWith('Remove'));
    assert.ok(remove, 'the mention’s menu offers to remove it');
    await wb.clickContextMenuItem(remove);
    await wb.waitForSidecar((y) => y.actors.find((a) => a.id === 'russia').mentions.length === 6);
    assert.ok(wb.readSidecar().actors.find((a) => a.id === 'russia').mentions.every((m) => m.quote === 'Russia'));
    await wb.waitForHighlight('Moscow', 0, false);
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Russia 6 mentions'));

    await wb.rightClickTreeRow('Actors', 'Russia');
    await wb.clickContextMenuItem((await wb.contextMenuItems()).find((i) => i.startsWith('Remove')));
    assert.match(await wb.dialogMessage(), /Remove the actor Russia with its 6 mentions\?/);
    await wb.clickDialogButton('Remove');
    await wb.waitForSidecar((y) => !y.actors.some((a) => a.id === 'russia'));
    await wb.waitForHighlight('Russia', 0, false);
    const rows = await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Country 2'));
    assert.ok(!rows.some((r) => r.label === 'Russia'));
    await wb.statusBarItem().filter({ hasText: '4 actors' }).waitFor();
  });

  it('removes the mark at the cursor with Ctrl+Alt+M Backspace', async () => {
    const { wb } = s;
    await wb.waitForHighlight('Kyrgyzstan');
    const { line, column } = position(ARTICLE_TEXT, 'Kyrgyzstan');
    await wb.goTo(line, column + 3);
    await wb.pressChord('Backspace');
    await wb.waitForHighlight('Kyrgyzstan', 0, false);
    assert.equal(await wb.isHighlighted('Kyrgyzstan', 1), true, 'the other mentions stay');
    const sidecar = await wb.waitForSidecar((y) => y.actors.find((a) => a.id === 'kyrgyzstan').mentions.length === 8);
    assert.ok(!sidecar.actors.find((a) => a.id === 'kyrgyzstan').mentions.some((m) => m.start === 65));
    await wb.waitForRows('Actors', (r) => r.some((row) => row.text === 'Kyrgyzstan 8 mentions'));
  });

  it('groups claims by status and verdict, with each claim’s claimant and sources beneath it', async () => {
    const { wb } = s;
    const rows = await wb.waitForRows('Assertions', (r) => r.length >= 4);
    assert.deepEqual(rows.map((r) => [r.level, r.text.slice(0, 30)]), [
      [1, 'Unchecked 1'],
      [2, 'Approximately 2,500 personnel '],
      [1, 'Checked · True 1'],
      [2, 'a defense alliance comprising '],
    ]);
    await wb.expandTreeRow('Assertions', /^a defense alliance/);
    await wb.clickTreeRow('Assertions', /^a defense alliance/);
    const expanded = await wb.waitForRows('Assertions', (r) => r.some((row) => row.label.startsWith('Claimant')));
    assert.deepEqual(expanded.filter((r) => r.level === 3).map((r) => r.text), [
      'Claimant: the article itself',
      'Collective Security Treaty Organization: member states (Wikidata) 2024-09-02',
    ]);
    // The click also took the editor to the claim.
    const { line } = position(ARTICLE_TEXT, 'a defense alliance');
    await wb.page.locator('.part.statusbar .statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+ \\(94 selected\\)`) }).waitFor();
  });
});
