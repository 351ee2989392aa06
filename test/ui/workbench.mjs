// The UI suite's fixture and user actions: a fresh workspace and window per scenario, driven through keyboard and mouse.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'mocha';
import { parse } from 'yaml';
import { REPO_ROOT, buildUrl } from '../harness/codeserver.mjs';
import { DECORATIONS_CHANGED, HIGHLIGHTS_AT, HIGHLIGHT_AT, TEXT_BOX, clean, escapeRe, position } from './page.mjs';

export { offsetOf, position } from './page.mjs';

/** The real article fact-checkers annotate; samples/ also holds its annotated sidecar. */
export const ARTICLE = 'csto-exercise.txt';
export const SAMPLES = path.join(REPO_ROOT, 'samples');
export const ARTICLE_TEXT = fs.readFileSync(path.join(SAMPLES, ARTICLE), 'utf8');
/** The article's sidecar, as samples/ holds it annotated. */
export const SIDECAR = `${ARTICLE}.annotations.yaml`;

/** The orphaned anchors of a sidecar read as YAML: mentions first, then claims. */
export const orphans = (sidecar) => [...sidecar.actors.flatMap((a) => a.mentions), ...sidecar.claims.map((c) => c.anchor)].filter((a) => a.orphaned);

/**
 * The rows listed beneath a view's Orphaned group, which comes last; none while it is absent.
 * The group's row is listed before its children, so a check of orphans waits for these rows.
 */
export const orphanRows = (rows) => {
  const group = rows.findIndex((row) => row.label === 'Orphaned');
  return group < 0 ? [] : rows.slice(group + 1);
};

/**
 * User settings for every scenario. Word wrap keeps the article's long paragraphs on screen,
 * where the mouse can reach them; a short hover delay keeps scenarios quick without changing
 * what the hover shows.
 */
export const UI_SETTINGS = {
  'editor.wordWrap': 'on',
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': false,
  'files.autoSave': 'off',
  'workbench.colorTheme': 'Default Dark Modern',
  'window.confirmBeforeClose': 'never',
  // Named, so that no machine's git user (or its absence, which asks) changes what the tests see.
  'newsmark.annotator': 'UI Tester',
};

/** What the runner provides: the server's port, a browser, where workspaces and screenshots go. */
let session = null;

export function configure(value) {
  session = value;
}

const LONG = 30_000;

/**
 * Registers hooks that give every scenario of the calling `describe` a fresh workspace (the files
 * named by `files`, copied from samples/ or given as text) and a workbench window on it with
 * `open` already in the editor. Returns a holder whose `wb` is the scenario's Workbench.
 * With `annotator: false` the scenario starts without newsmark.annotator in the user settings, as
 * someone who never set it; the settings are put back as they were after it.
 */
export function useWorkbench({ files = [ARTICLE], open = ARTICLE, annotator = true } = {}) {
  const holder = { wb: null };
  let counter = 0;
  let settingsBefore = null;
  beforeEach(async function () {
    if (!session) throw new Error('the UI suite runs through test/harness/run-ui.mjs, which starts code-server');
    this.timeout(120_000);
    if (!annotator) {
      settingsBefore = fs.readFileSync(session.userSettings, 'utf8');
      const settings = JSON.parse(settingsBefore);
      delete settings['newsmark.annotator'];
      fs.writeFileSync(session.userSettings, JSON.stringify(settings, null, 2));
    }
    const slug = this.currentTest.fullTitle().replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
    const workspace = path.join(session.workspaces, `${String(++counter).padStart(2, '0')}-${slug}`);
    fs.mkdirSync(workspace, { recursive: true });
    for (const file of typeof files === 'function' ? files() : files) {
      if (typeof file === 'string') fs.copyFileSync(path.join(SAMPLES, file), path.join(workspace, file));
      else fs.writeFileSync(path.join(workspace, file.name), file.text);
    }
    holder.wb = await Workbench.launch(workspace);
    if (open) await holder.wb.openFile(open);
  });
  afterEach(async function () {
    const wb = holder.wb;
    holder.wb = null;
    if (!wb) return;
    if (this.currentTest?.state === 'failed') await wb.screenshot(this.currentTest.fullTitle());
    await wb.close();
  });
  afterEach(() => {
    if (settingsBefore !== null) fs.writeFileSync(session.userSettings, settingsBefore);
    settingsBefore = null;
  });
  return holder;
}

/** Polls `probe` until it returns something truthy, and returns that; fails naming `what` after `timeout`. */
export async function waitFor(probe, what, { timeout = LONG, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let error;
  for (;;) {
    try {
      last = await probe();
      error = undefined;
      if (last) return last;
    } catch (err) {
      error = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${error ? ` (${error.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export class Workbench {
  static async launch(workspace) {
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    if (session.verbose) page.on('console', (m) => process.stderr.write(`[browser:${m.type()}] ${m.text()}\n`));
    const url = buildUrl({ port: session.port, workspace, extensionDevelopmentPath: REPO_ROOT });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const wb = new Workbench(context, page, workspace);
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item a[aria-label^="Newsmark"]').waitFor({ timeout: 60_000 });
    return wb;
  }

  constructor(context, page, workspace) {
    this.context = context;
    this.page = page;
    this.workspace = workspace;
  }

  async close() {
    await this.context.close().catch(() => {});
  }

  async screenshot(title) {
    const file = path.join(session.screenshots, `${title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`);
    await this.page.screenshot({ path: file }).catch(() => {});
    console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
  }

  path(name) {
    return path.join(this.workspace, name);
  }

  // ---- the editor -------------------------------------------------------------------------

  get editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), as a user does, and waits for the article's status-bar count. */
  async openFile(name, { article = true } = {}) {
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput;
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.editor.locator('.view-lines').waitFor();
    if (article) await this.statusBarItem().waitFor();
  }

  async focusEditor() {
    await this.editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line, column = 1) {
    await this.page.keyboard.press('Control+G');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** Selects the n-th occurrence of `text` in the article as on disk: Go to Line, then Shift+Right. */
  async selectText(text, occurrence = 0, source = ARTICLE_TEXT) {
    const { line, column } = position(source, text, occurrence);
    await this.goTo(line, column);
    for (let i = 0; i < text.length; i++) await this.page.keyboard.press('Shift+ArrowRight');
  }

  /** Selects the n-th occurrence of `text` in the article and types `typed` over it. */
  async typeOver(text, typed, occurrence = 0) {
    await this.selectText(text, occurrence);
    await this.page.keyboard.type(typed);
  }

  /** Types `typed` at the end of the line before the one holding `text`, saves, and answers the article as saved. */
  async appendToLineBefore(text, typed) {
    const { line } = position(ARTICLE_TEXT, text);
    await this.goTo(line - 1, 1);
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(typed);
    await this.save();
    return this.readFile(ARTICLE);
  }

  /** Double-clicks the n-th visible occurrence of `text` in the editor, which selects the word under the mouse. */
  async doubleClickWord(text, occurrence = 0) {
    const box = await this.textBox(text, occurrence);
    await this.page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** The on-screen box of the n-th occurrence of `text` across the editor's rendered lines. */
  async textBox(text, occurrence = 0) {
    return waitFor(
      () =>
        this.editor.locator('.view-lines').evaluate(
          TEXT_BOX,
          { text, occurrence },
        ),
      `“${text}” on screen`,
    );
  }

  /**
   * The decorations drawn under the n-th occurrence of `text`: VS Code paints a background or
   * border decoration as a "cdr" overlay box beneath the line, with a class "ced-…" per type.
   * Returns the classes of every such box that covers the text's centre.
   */
  async highlightsAt(text, occurrence = 0) {
    const box = await this.textBox(text, occurrence);
    return this.page.evaluate(HIGHLIGHTS_AT, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }

  async isHighlighted(text, occurrence = 0) {
    return (await this.highlightsAt(text, occurrence)).length > 0;
  }

  /** Waits until the n-th occurrence of `text` is highlighted (or, with `false`, no longer is). */
  async waitForHighlight(text, occurrence = 0, wanted = true) {
    await waitFor(async () => (await this.isHighlighted(text, occurrence)) === wanted, `“${text}” to be ${wanted ? '' : 'no longer '}highlighted`);
  }

  /**
   * Milliseconds from just before `press()` until `predicate(arg)` holds in the page, checked on
   * every animation frame, i.e. until the user could see it. For the figures the runner prints.
   */
  async timeUntil(press, predicate, arg) {
    const start = performance.now();
    await press();
    await this.page.waitForFunction(predicate, arg, { polling: 'raf', timeout: LONG });
    return performance.now() - start;
  }

  /** Milliseconds from `press()` until a decoration is drawn under the n-th occurrence of `text`. */
  async timeToHighlight(press, text, occurrence = 0) {
    const box = await this.textBox(text, occurrence);
    return this.timeUntil(press, HIGHLIGHT_AT, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }

  /** Milliseconds from `press()` until the decorations under the n-th occurrence of `text` change. */
  async timeToRedecorate(press, text, occurrence = 0) {
    const box = await this.textBox(text, occurrence);
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const before = (await this.page.evaluate(HIGHLIGHTS_AT, point)).sort().join(' ');
    return this.timeUntil(press, DECORATIONS_CHANGED, { ...point, before });
  }

  /** Milliseconds from `press()` until a CodeLens reads `title`. */
  async timeToCodeLens(press, title) {
    return this.timeUntil(
      press,
      (wanted) => [...document.querySelectorAll('.codelens-decoration a')].some((a) => a.textContent.replace(/\u00a0/g, ' ').includes(wanted)),
      title,
    );
  }

  /** Whether the editor's rendered lines contain `text` (spaces as the user sees them). */
  async editorShows(text) {
    const shown = await this.editor.locator('.view-lines').evaluate((el) => el.textContent);
    return clean(shown).includes(text);
  }

  /** Presses `keys` (at most `times` times, as a user would keep pressing) until the editor shows `text`. */
  async pressUntilShown(keys, text, times = 5) {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(keys);
      try {
        await waitFor(() => this.editorShows(text), `the editor to show “${text}”`, { timeout: 2000 });
        return i + 1;
      } catch {
        /* one more press */
      }
    }
    throw new Error(`the editor did not show “${text}” after ${times} presses of ${keys}`);
  }

  /** Deletes a whole line with Ctrl+Shift+K (Delete Line) and waits until `gone` is no longer shown. */
  async deleteLine(line, gone) {
    await this.goTo(line, 1);
    await this.page.keyboard.press('Control+Shift+K');
    await waitFor(async () => !(await this.editorShows(gone)), `line ${line} to be deleted`);
  }

  async pressChord(key) {
    await this.page.keyboard.press('Control+Alt+KeyM');
    await this.page.keyboard.press(key);
  }

  async save() {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  async undo() {
    await this.page.keyboard.press('Control+Z');
  }

  async redo() {
    await this.page.keyboard.press('Control+Shift+Z');
  }

  // ---- the command palette and quick picks -------------------------------------------------

  get quickInput() {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Runs a command by its palette title (F1, type, Enter), e.g. "Newsmark: Mark Actor". */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ state: 'visible' });
    await this.page.keyboard.type(title);
    // Enter before the list has filtered would run whatever was first.
    await this.page
      .locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) })
      .waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** The rows of the open quick pick: label, description, detail, and whether it is focused. */
  async quickPickItems() {
    await this.quickInput.waitFor({ state: 'visible' });
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    return rows.evaluateAll((els) =>
      els.map((el) => ({
        label: (el.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
        description: (el.querySelector('.label-description')?.textContent ?? '').trim(),
        // Rows are recycled: a hidden detail may still hold an earlier row's text.
        detail: [...el.querySelectorAll('.quick-input-list-label-meta .monaco-icon-label')]
          .filter((d) => d.style.display !== 'none')
          .map((d) => d.textContent.trim())
          .join(''),
        focused: el.classList.contains('focused'),
      })),
    );
  }

  /**
   * Waits until the quick input on screen has a title matching `title` (text or RegExp) and returns
   * the title. Pickers follow each other in one widget, so a step must wait for its own title
   * before typing: keys sent in between reach the editor and overwrite the selection.
   */
  async expectQuickInput(title) {
    const el = this.page.locator('.quick-input-widget .quick-input-title', { hasText: title });
    await el.waitFor({ state: 'visible' });
    await this.quickInput.waitFor({ state: 'visible' });
    return clean(await el.textContent());
  }

  async quickInputMessage() {
    return clean(await this.page.locator('.quick-input-widget .quick-input-message').textContent());
  }

  /** Picks the row labelled `label` (text or RegExp): types `filter` if given, then moves to the row and presses Enter. */
  async pickItem(label, { filter } = {}) {
    await this.quickInput.waitFor({ state: 'visible' });
    if (filter !== undefined) await this.typeInQuickPick(filter);
    const matcher = typeof label === 'string' ? new RegExp(`^${escapeRe(label)}$`) : label;
    const row = this.page.locator('.quick-input-list .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: matcher }),
    });
    await row.first().waitFor();
    // Arrow keys, as a user does; the focused row is what Enter accepts.
    const focusedLabel = () =>
      this.page
        .locator('.quick-input-list .monaco-list-row.focused')
        .evaluate((el) => el.querySelector('.label-name')?.textContent ?? '')
        .catch(() => '');
    for (let i = 0; !matcher.test(clean(await focusedLabel())); i++) {
      if (i === 50) throw new Error(`could not move to “${label}” in the quick pick`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
  }

  /** Types into the focused quick pick or input box (replacing nothing; clear first with `clear`). */
  async typeInQuickPick(text, { clear = false } = {}) {
    await this.quickInput.waitFor({ state: 'visible' });
    if (clear) {
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Backspace');
    }
    await this.page.keyboard.type(text);
  }

  async quickInputValue() {
    return this.quickInput.inputValue();
  }

  async enter() {
    await this.page.keyboard.press('Enter');
  }

  async escape() {
    await this.page.keyboard.press('Escape');
  }

  async quickInputClosed() {
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  // ---- the Newsmark views -------------------------------------------------------------------

  /** Opens the Newsmark container in the activity bar (a click, unless it is already showing). */
  async showNewsmark() {
    const pane = this.pane('Actors');
    if (await pane.isVisible()) return;
    await this.page.locator('.activitybar .action-item a[aria-label^="Newsmark"]').click();
    await pane.waitFor();
  }

  pane(viewName) {
    return this.page.locator('.part.sidebar .pane', {
      has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRe(viewName)}$`, 'i') }),
    });
  }

  /** Rows of a view as the user reads them: "label description", with depth and expansion. */
  async treeRows(viewName) {
    await this.showNewsmark();
    const rows = this.pane(viewName).locator('.monaco-list-row');
    // A scrolled view repeats its parent rows at the top (sticky scroll); those are not rows of their own.
    return rows.evaluateAll((els) =>
      els.filter((el) => !el.closest('.monaco-tree-sticky-container')).map((el) => {
        const label = (el.querySelector('.label-name')?.textContent ?? '').trim();
        const description = (el.querySelector('.label-description')?.textContent ?? '').trim();
        return {
          text: description ? `${label} ${description}` : label,
          label,
          description,
          level: Number(el.getAttribute('aria-level')),
          expanded: el.getAttribute('aria-expanded'),
        };
      }),
    );
  }

  /** Waits until `check(rows)` accepts the rows of a view; returns them. */
  async waitForRows(viewName, check, what = `the ${viewName} view to update`) {
    let rows = [];
    try {
      return await waitFor(async () => {
        rows = await this.treeRows(viewName);
        return check(rows) ? rows : null;
      }, what);
    } catch (err) {
      err.message += `\n  ${viewName} rows: ${JSON.stringify(rows.map((r) => r.text))}`;
      throw err;
    }
  }

  /** The welcome text a view shows when it has nothing to list. */
  async viewMessage(viewName) {
    await this.showNewsmark();
    return clean(await this.pane(viewName).locator('.welcome-view-content').textContent().catch(() => ''));
  }

  treeRow(viewName, text) {
    const matcher = typeof text === 'string' ? new RegExp(`^${escapeRe(text)}$`) : text;
    return this.pane(viewName)
      .locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: matcher }) })
      .first();
  }

  async clickTreeRow(viewName, text) {
    await this.showNewsmark();
    await this.treeRow(viewName, text).click();
  }

  /** Expands a row by clicking its twistie (a click on the label runs the row's command instead). */
  async expandTreeRow(viewName, text) {
    await this.showNewsmark();
    const row = this.treeRow(viewName, text);
    if ((await row.getAttribute('aria-expanded')) === 'true') return;
    await row.locator('.monaco-tl-twistie').click();
    await this.page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await row.elementHandle());
  }

  async rightClickTreeRow(viewName, text) {
    await this.showNewsmark();
    await this.treeRow(viewName, text).click({ button: 'right' });
    await this.page.locator('.monaco-menu .action-item').first().waitFor();
  }

  /** The labels of the open context menu. */
  async contextMenuItems() {
    const items = this.page.locator('.monaco-menu .action-item:not(.disabled) .action-label:not(.separator)');
    await items.first().waitFor();
    return (await items.allTextContents()).map(clean).filter(Boolean);
  }

  async clickContextMenuItem(label) {
    const item = this.page.locator('.monaco-menu .action-item .action-label', { hasText: new RegExp(`^${escapeRe(label)}$`) });
    const menu = this.page.locator('.monaco-menu');
    // A menu ignores a click that comes too soon after it opened (it guards against the
    // right-click's own release), so click again, as a user would, while it stays open.
    for (let i = 0; i < 3; i++) {
      await item.click();
      if (await menu.waitFor({ state: 'detached', timeout: 2000 }).then(() => true, () => false)) return;
    }
    throw new Error(`the context menu stayed open after clicking “${label}”`);
  }

  // ---- hovers, notifications, status bar ----------------------------------------------------

  /**
   * Moves the mouse onto the n-th occurrence of `text` in the editor and returns the hover's
   * text once it `shows` what is expected: a problem's part of the hover comes first, and the
   * hover's own part is added to it when its provider answers.
   */
  async hoverAt(text, shows, occurrence = 0) {
    await this.page.mouse.move(0, 0);
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ state: 'hidden' }).catch(() => {});
    // The mouse rests on the word, moving within it now and then as a hand does: the editor
    // shows a hover only after the mouse has moved over it. The word is found again at each
    // try: a CodeLens that arrives meanwhile moves the lines below it down.
    await waitFor(async () => {
      const box = await this.textBox(text, occurrence);
      const y = box.y + box.height / 2;
      for (const dx of [0.3, 0.5, 0.7]) {
        await this.page.mouse.move(box.x + box.width * dx, y, { steps: 2 });
        if (await hover.waitFor({ state: 'visible', timeout: 1500 }).then(() => true, () => false)) return true;
      }
      return false;
    }, `a hover over “${text}”`);
    let said = '';
    try {
      return await waitFor(async () => {
        said = await this.hoverText();
        return shows.test(said) ? said : null;
      }, `the hover over “${text}” to show ${shows}`);
    } catch (err) {
      err.message += `\n  hover: ${said}`;
      throw err;
    }
  }

  async hoverText() {
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ state: 'visible' });
    return clean(await hover.innerText());
  }

  /** The messages of the notifications on screen (toasts). */
  async notifications() {
    const messages = this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message');
    return (await messages.allInnerTexts()).map(clean);
  }

  /** Waits for a notification whose message matches `pattern`; returns its text. */
  async waitForNotification(pattern) {
    let seen = [];
    try {
      return await waitFor(async () => {
        seen = await this.notifications();
        return seen.find((m) => (typeof pattern === 'string' ? m.includes(pattern) : pattern.test(m)));
      }, `a notification ${pattern}`);
    } catch (err) {
      err.message += `\n  notifications: ${JSON.stringify(seen)}`;
      throw err;
    }
  }

  /** Clicks a button of the modal dialog on screen. */
  async clickDialogButton(button) {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    await dialog.locator('.monaco-button', { hasText: button }).first().click();
    await dialog.waitFor({ state: 'detached' });
  }

  async dialogMessage() {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    return clean(await dialog.innerText());
  }

  /** Clicks a button of the notification whose message matches `pattern`. */
  async clickNotificationButton(pattern, button) {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: pattern });
    await toast.locator('.monaco-button', { hasText: button }).first().click();
  }

  /** Clicks a link in the message of the notification matching `pattern`. */
  async clickNotificationLink(pattern, link) {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: pattern });
    await toast.locator('.notification-list-item-message a', { hasText: link }).first().click();
  }

  /** The Newsmark status-bar item ("3 actors · 1 claim · 1 unchecked"). */
  statusBarItem() {
    return this.page.locator('.part.statusbar .statusbar-item', { hasText: /\d+ actors? · \d+ claims? · \d+ unchecked/ });
  }

  async statusBarText() {
    return clean(await this.statusBarItem().textContent());
  }

  /** Every item of the status bar, as text (transient messages such as "Marked …" included). */
  async statusBar() {
    return (await this.page.locator('.part.statusbar .statusbar-item').allTextContents()).map(clean).filter(Boolean);
  }

  /** CodeLens titles shown in the editor. */
  async codeLenses() {
    return (await this.editor.locator('.codelens-decoration a').allTextContents()).map(clean);
  }

  // ---- files on disk ------------------------------------------------------------------------

  sidecarPath(article = ARTICLE) {
    return this.path(`${article}.annotations.yaml`);
  }

  /** The sidecar as parsed YAML, or undefined while it does not exist. */
  readSidecar(article = ARTICLE) {
    const file = this.sidecarPath(article);
    return fs.existsSync(file) ? parse(fs.readFileSync(file, 'utf8')) : undefined;
  }

  /** Polls the sidecar until `check(parsed)` accepts it (writes are atomic, so a read never sees half a file). */
  async waitForSidecar(check, what = 'the sidecar to be written', article = ARTICLE) {
    let last;
    try {
      return await waitFor(() => {
        last = this.readSidecar(article);
        return last && check(last) ? last : null;
      }, what);
    } catch (err) {
      err.message += `\n  sidecar: ${JSON.stringify(last)}`;
      throw err;
    }
  }

  /** The user settings as VS Code keeps them on disk, in settings.json. */
  userSettings() {
    return JSON.parse(fs.readFileSync(session.userSettings, 'utf8'));
  }

  readFile(name) {
    return fs.readFileSync(this.path(name), 'utf8');
  }

  writeFile(name, text) {
    fs.writeFileSync(this.path(name), text);
  }

  /**
   * Writes `text` to `name` from outside the workbench, as another program would, and waits until
   * `seen` says the workbench noticed. The file watcher of a window that has just opened may not
   * be listening yet, and a change made before it listens is never reported; so the same text is
   * written again (a new modification time) each few seconds until it is noticed, as a user would
   * save again from the other program.
   */
  async writeFileUntil(name, text, seen, what) {
    const deadline = Date.now() + LONG;
    for (;;) {
      this.writeFile(name, text);
      try {
        return await waitFor(seen, what, { timeout: Math.min(5000, Math.max(0, deadline - Date.now())) });
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
  }
}
