// Claims checked before: the archive of the workspace's checked claims and imported fact-checks, Find Similar Claims, reuse, and the "checked before" marker.

import * as vscode from 'vscode';
import { decodeFactChecks, encodeFactChecks, FACT_CHECKS_FILE, type FactCheck, MAX_FACT_CHECK_BYTES, mergeFactChecks, readFactChecks } from '../core/factChecks';
import { actorNamesOf, archiveArticle, archiveFactChecks, ClaimArchive, type ClaimMatch, detailOf, offersFor, rejectMatch, reuseMatch } from '../core/match';
import { count, snippet } from '../core/text';
import type { Annotations, Claim } from '../core/model';
import { claimAt } from '../core/operations';
import { markReviewed } from '../core/provenance';
import type { Annotator } from './annotator';
import { Command } from './commands/ids';
import { verdictLabel, verdicts } from './config';
import { atomicWrite, readTextIfExists } from './fileio';
import { AnnotationStore, basename } from './store';
import type { WorkspaceIndex } from './workspaceIndex';

/** How long the archive waits after a change before it is brought up to date, so a burst of edits rebuilds once. */
const REFRESH_DELAY_MS = 300;

/**
 * What the commands act on: a tree item or ids; `match` (an archive key) and `action` answer
 * the pickers, for keyboard-free callers such as a CodeLens or a test.
 */
type ClaimArgs =
  | { uri?: string | vscode.Uri; claim?: string | { id: string }; article?: { uri: vscode.Uri }; match?: string; action?: 'reuse' | 'reject' }
  | undefined;

/**
 * The archive, kept current: each article's claims are replaced when its annotations change
 * (a signature of its claims tells which did), and the fact-checks file is read again when
 * it changes on disk.
 */
class Archive {
  private archive: ClaimArchive | undefined;
  private readonly signatures = new Map<string, string>();
  private factChecks: string | undefined;
  private actorsSignature = '';
  /** Counts the changes made to the archive, so what depends on it is refreshed only when it changed. */
  version = 0;

  constructor(private readonly index: WorkspaceIndex) {}

  invalidateFactChecks(): void {
    this.factChecks = undefined;
  }

  /**
   * Whether the archive can be read without indexing the workspace first. Markers and the
   * offer after marking a claim wait for the index to exist (the views, symbol search or
   * Find Similar Claims build it), so opening an article never costs a workspace scan.
   */
  get ready(): boolean {
    return this.index.isBuilt;
  }

  /** The archive with every article as it is now; builds the workspace index the first time. */
  async current(): Promise<ClaimArchive> {
    const articles = await this.index.articles();
    // The matcher reads actor names as features; a new actor name means a new archive.
    const actors = actorNamesOf(articles);
    const actorsSignature = JSON.stringify(actors);
    if (!this.archive || actorsSignature !== this.actorsSignature) {
      this.archive = new ClaimArchive(actors);
      this.actorsSignature = actorsSignature;
      this.signatures.clear();
      this.factChecks = undefined;
      this.version++;
    }
    const archive = this.archive;
    const seen = new Set<string>();
    for (const a of articles) {
      const path = relativePath(a.uri);
      seen.add(path);
      const signature = JSON.stringify(a.annotations.claims.map((c) => [c.id, c.anchor.quote, c.verdict, c.sources, c.anchor.orphaned]));
      if (this.signatures.get(path) !== signature) {
        archiveArticle(archive, { path, annotations: a.annotations });
        this.signatures.set(path, signature);
        this.version++;
      }
    }
    for (const path of [...this.signatures.keys()]) {
      if (!seen.has(path)) {
        archive.removeArticle(path);
        this.signatures.delete(path);
        this.version++;
      }
    }
    await this.refreshFactChecks(archive);
    return archive;
  }

  private async refreshFactChecks(archive: ClaimArchive): Promise<void> {
    const file = factChecksUri();
    const source = file ? await readTextIfExists(file).catch(() => undefined) : undefined;
    if (source === this.factChecks) {
      return;
    }
    if (this.factChecks !== undefined) {
      for (const f of decodeFactChecks(this.factChecks).factChecks) {
        archive.remove(f.url);
      }
    }
    this.factChecks = source;
    this.version++;
    if (source !== undefined) {
      archiveFactChecks(archive, decodeFactChecks(source).factChecks);
    }
  }
}

function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

function factChecksUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, FACT_CHECKS_FILE);
}

function shortDate(iso: string | undefined): string | undefined {
  if (!iso) {
    return undefined;
  }
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The verdict of a match in the user's words: this scale's label, or the review's own rating. */
function verdictWords(match: ClaimMatch): string | undefined {
  const detail = detailOf(match.claim);
  return (match.claim.source === 'workspace' ? verdictLabel(match.claim.verdict) : undefined) ?? detail.rating ?? match.claim.verdict;
}

/** "checked before: Mostly false, 3 May 2024" */
export function checkedBeforeText(match: ClaimMatch): string {
  const parts = [verdictWords(match), shortDate(detailOf(match.claim).checked)].filter(Boolean);
  return `checked before${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

interface MatchItem extends vscode.QuickPickItem {
  match: ClaimMatch;
}

function matchItem(match: ClaimMatch): MatchItem {
  const detail = detailOf(match.claim);
  const where = match.claim.source === 'fact-check' ? `${detail.checkedBy ?? 'published fact-check'} · ${match.claim.article}` : match.claim.article;
  const sources = count(detail.sources.length, 'source');
  return {
    label: `${Math.round(match.score * 100)}% · ${match.claim.text}`,
    description: [verdictWords(match), shortDate(detail.checked)].filter(Boolean).join(', ') || 'no verdict yet',
    detail: [where, sources, detail.claimant ? `claimed by ${detail.claimant}` : undefined].filter(Boolean).join(' · '),
    match,
  };
}

/** What other surfaces read of the archive: the "checked before" text of a claim, once the archive is built. */
export interface SimilarClaims extends vscode.Disposable {
  /** "checked before: Mostly false, 3 May 2024" when a match with a verdict is offered for the claim; cached until the next refresh. */
  checkedBefore(uri: vscode.Uri, claim: Claim): string | undefined;
  /** Fires after a refresh, when what checkedBefore answers may have changed. */
  readonly onDidChange: vscode.Event<void>;
}

/** The best offer with a verdict for a claim, which is what a "checked before" marker shows. */
function bestWithVerdict(current: ClaimArchive, uri: vscode.Uri, claim: Claim): ClaimMatch | undefined {
  return claim.anchor.orphaned ? undefined : offersFor(current, relativePath(uri), claim).find((m) => m.claim.verdict !== undefined);
}

/** The article and claim a command acts on: its arguments (a tree item or ids), else the claim at the cursor. */
async function claimTarget(store: AnnotationStore, args: ClaimArgs): Promise<{ doc: vscode.TextDocument; claim: Claim } | undefined> {
  const uri = args?.article?.uri ?? (typeof args?.uri === 'string' ? vscode.Uri.parse(args.uri) : args?.uri) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const entry = await store.load(doc);
  if (!entry?.annotations) {
    return undefined;
  }
  const id = typeof args?.claim === 'string' ? args.claim : args?.claim?.id;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const claim = id !== undefined ? entry.annotations.claims.find((c) => c.id === id) : editor ? claimAt(entry.annotations, doc.offsetAt(editor.selection.active)) : undefined;
  return claim && { doc, claim };
}

/** The match the user takes for the same claim: the one `args` names, else the one picked. */
async function pickMatch(matches: ClaimMatch[], claim: Claim, args: ClaimArgs): Promise<MatchItem | undefined> {
  const items = matches.map(matchItem);
  return args?.match !== undefined
    ? items.find((i) => i.match.claim.key === args.match)
    : await vscode.window.showQuickPick(items, {
        title: `Checked before? “${snippet(claim.anchor.quote)}”`,
        placeHolder: 'Pick the claim that is the same as this one (the score says how alike they are)',
        matchOnDescription: true,
        matchOnDetail: true,
      });
}

/** Reuses the verdict and sources of the match, or records that it is not the same claim, as the user chooses. */
async function actOnMatch(store: AnnotationStore, annotator: Annotator, doc: vscode.TextDocument, claim: Claim, match: ClaimMatch, action: 'reuse' | 'reject' | undefined): Promise<void> {
  const reuse = 'Reuse Verdict and Sources';
  const reject = 'Not the Same Claim';
  const choice =
    action !== undefined ? { reuse, reject }[action] : await vscode.window.showQuickPick([reuse, reject], { title: `“${snippet(match.claim.text)}”`, placeHolder: checkedBeforeText(match) });
  if (choice === reuse) {
    const ids = verdicts().map((v) => v.id);
    const stamp = await annotator.stamp(doc.uri);
    const result = store.updateClaim(doc, claim.id, (c) => {
      const verdict = c.verdict;
      const reused = reuseMatch(c, match.claim, ids);
      // A verdict taken over is this annotator's review of the claim.
      if (c.verdict !== verdict) {
        markReviewed(c, stamp);
      }
      return reused;
    });
    if (result) {
      const what = [result.verdictTaken ? `verdict ${verdictWords(match)}` : undefined, result.sourcesAdded ? count(result.sourcesAdded, 'source') : undefined].filter(Boolean);
      void vscode.window.showInformationMessage(`Claim ${claim.id} now repeats the claim checked before${what.length ? `, with its ${what.join(' and ')}` : ''}.`);
    }
  } else if (choice === reject) {
    store.updateClaim(doc, claim.id, (c) => rejectMatch(c, match.claim.key));
    void vscode.window.setStatusBarMessage('Newsmark: that claim will not be offered again for this one.', 4000);
  }
}

/** Find Similar Claims: the claim's offers from the archive, one picked, and its verdict reused or the match rejected. */
async function findSimilar(store: AnnotationStore, annotator: Annotator, archive: Archive, args?: ClaimArgs): Promise<ClaimMatch | undefined> {
  const found = await claimTarget(store, args);
  if (!found) {
    void vscode.window.showInformationMessage('Put the cursor in a claim, or pick one in the Assertions view, to look for where it was checked before.');
    return undefined;
  }
  const { doc, claim } = found;
  const matches = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Looking for similar claims' }, async () =>
    offersFor(await archive.current(), relativePath(doc.uri), claim),
  );
  if (!matches.length) {
    void vscode.window.showInformationMessage(`No claim in the workspace or the imported fact-checks looks like “${snippet(claim.anchor.quote)}”.`);
    return undefined;
  }
  const picked = await pickMatch(matches, claim, args);
  if (!picked) {
    return undefined;
  }
  await actOnMatch(store, annotator, doc, claim, picked.match, args?.action);
  return picked.match;
}

/** The fact-checks of a ClaimReview file the user picked, or undefined when it is too large or cannot be read (the user is told). */
async function readImportedFactChecks(picked: vscode.Uri): Promise<FactCheck[] | undefined> {
  const stat = await vscode.workspace.fs.stat(picked);
  if (stat.size > MAX_FACT_CHECK_BYTES) {
    void vscode.window.showErrorMessage(`${basename(picked)} is larger than ${MAX_FACT_CHECK_BYTES / 1024 / 1024} MB; nothing was imported.`);
    return undefined;
  }
  const read = readFactChecks((await readTextIfExists(picked)) ?? '');
  if (read.problems.length) {
    const p = read.problems[0];
    void vscode.window.showErrorMessage(`${basename(picked)}, line ${p.line}, column ${p.column}: ${p.message} Nothing was imported.`);
    return undefined;
  }
  return read.factChecks;
}

/** Import Fact-Checks: a ClaimReview file merged into the workspace's fact-checks file; answers how many it held. */
async function importFactChecks(archive: Archive, file?: vscode.Uri): Promise<number | undefined> {
  const target = factChecksUri();
  if (!target) {
    void vscode.window.showInformationMessage('Open a folder first: imported fact-checks are kept in the workspace.');
    return undefined;
  }
  const picked = file ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Import Fact-Checks', filters: { 'ClaimReview JSON': ['json', 'jsonld'] } }))?.[0];
  if (!picked) {
    return undefined;
  }
  const imported = await readImportedFactChecks(picked);
  if (!imported) {
    return undefined;
  }
  const existingSource = await readTextIfExists(target);
  const existing = existingSource === undefined ? { factChecks: [], problems: [] } : decodeFactChecks(existingSource);
  if (existing.problems.length) {
    const p = existing.problems[0];
    void vscode.window.showErrorMessage(`${FACT_CHECKS_FILE}, line ${p.line}: ${p.message} Fix it first; nothing was imported.`);
    return undefined;
  }
  const merged = mergeFactChecks(existing.factChecks, imported);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await atomicWrite(target, encodeFactChecks(merged.factChecks));
  archive.invalidateFactChecks();
  void vscode.window.showInformationMessage(`Imported ${count(imported.length, 'fact-check')} into ${FACT_CHECKS_FILE}: ${merged.added} new, ${merged.updated} updated.`);
  return imported.length;
}

/**
 * The "checked before" marker after each claim of the visible articles that matches a claim
 * with a verdict, and the same text for other surfaces, cached until the archive changes.
 */
class CheckedBeforeMarkers implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private latest: ClaimArchive | undefined;
  private latestVersion = -1;
  private readonly cache = new Map<string, string | undefined>();
  /** Made when the first marker is drawn, not at activation. */
  private marker: vscode.TextEditorDecorationType | undefined;

  constructor(
    private readonly store: AnnotationStore,
    private readonly archive: Archive,
  ) {}

  checkedBefore(uri: vscode.Uri, claim: Claim): string | undefined {
    if (!this.latest) {
      return undefined;
    }
    const key = `${uri.toString()}#${claim.id}#${claim.anchor.quote}#${(claim.notSameAs ?? []).join(',')}`;
    if (!this.cache.has(key)) {
      const best = bestWithVerdict(this.latest, uri, claim);
      this.cache.set(key, best && checkedBeforeText(best));
    }
    return this.cache.get(key);
  }

  async refresh(): Promise<void> {
    if (!this.archive.ready) {
      return;
    }
    const current = await this.archive.current();
    if (this.latest !== current || this.archive.version !== this.latestVersion) {
      this.latest = current;
      this.latestVersion = this.archive.version;
      this.cache.clear();
      this.changed.fire();
    }
    const editors = vscode.window.visibleTextEditors.filter((e) => this.store.get(e.document.uri)?.annotations);
    for (const editor of editors) {
      const annotations = this.store.get(editor.document.uri)?.annotations;
      if (!annotations) {
        continue;
      }
      const options: vscode.DecorationOptions[] = [];
      for (const claim of annotations.claims) {
        const best = bestWithVerdict(current, editor.document.uri, claim);
        if (best) {
          const end = editor.document.positionAt(claim.anchor.end);
          options.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: checkedBeforeText(best) } } });
        }
      }
      if (options.length || this.marker) {
        this.marker ??= vscode.window.createTextEditorDecorationType({
          after: { margin: '0 0 0 1em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
        });
        editor.setDecorations(this.marker, options);
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.marker?.dispose();
  }
}

/** A claim just marked is looked up at once; when it was checked before, the user is told. */
class NewClaimOffers {
  private readonly knownClaims = new Map<string, Set<string>>();

  constructor(
    private readonly archive: Archive,
    private readonly show: (uri: vscode.Uri, claim: string) => Promise<unknown>,
  ) {}

  async offer(uri: vscode.Uri, annotations: Annotations): Promise<void> {
    const key = uri.toString();
    const before = this.knownClaims.get(key);
    const now = new Set(annotations.claims.map((c) => c.id));
    this.knownClaims.set(key, now);
    if (!before) {
      return;
    }
    const added = annotations.claims.filter((c) => !before.has(c.id));
    if (!added.length || !this.archive.ready) {
      return;
    }
    const current = await this.archive.current();
    for (const claim of added) {
      const best = offersFor(current, relativePath(uri), claim)[0];
      if (best) {
        const show = 'Show Similar Claims';
        const choice = await vscode.window.showInformationMessage(`Claim ${claim.id} may have been ${checkedBeforeText(best)} (${Math.round(best.score * 100)}% alike: “${snippet(best.claim.text)}”).`, show);
        if (choice === show) {
          await this.show(uri, claim.id);
        }
      }
    }
  }
}

export function registerSimilarClaims(store: AnnotationStore, index: WorkspaceIndex, annotator: Annotator): SimilarClaims {
  const archive = new Archive(index);
  const markers = new CheckedBeforeMarkers(store, archive);
  const find = (args?: ClaimArgs) => findSimilar(store, annotator, archive, args);
  const offers = new NewClaimOffers(archive, (uri, claim) => find({ uri, claim }));
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void markers.refresh().catch(() => undefined), REFRESH_DELAY_MS);
  };

  const watcher = vscode.workspace.createFileSystemWatcher(`**/${FACT_CHECKS_FILE}`);
  const disposable = vscode.Disposable.from(
    markers,
    watcher,
    watcher.onDidChange(() => (archive.invalidateFactChecks(), schedule())),
    watcher.onDidCreate(() => (archive.invalidateFactChecks(), schedule())),
    watcher.onDidDelete(() => (archive.invalidateFactChecks(), schedule())),
    vscode.commands.registerCommand(Command.FindSimilarClaims, find),
    vscode.commands.registerCommand(Command.ImportFactChecks, (file?: vscode.Uri) => importFactChecks(archive, file)),
    store.onDidChange((uri) => {
      const annotations = store.get(uri)?.annotations;
      if (annotations) {
        void offers.offer(uri, annotations).catch(() => undefined);
      }
      schedule();
    }),
    vscode.window.onDidChangeVisibleTextEditors(schedule),
    index.onDidChange(schedule),
    { dispose: () => clearTimeout(timer) },
  );
  return { checkedBefore: (uri, claim) => markers.checkedBefore(uri, claim), onDidChange: markers.onDidChange, dispose: () => disposable.dispose() };
}
