// The workspace index: a compact record of every article's sidecar, built the first time a view asks (with progress, cancellable), kept current from the file watcher and cached between sessions.

import * as vscode from 'vscode';
import { type Appearance, ArchiveIndex } from '../core/archiveIndex';
import { type Built, buildIndex, reindexOne } from '../core/indexBuild';
import { type ArticleRecord, recordOf } from '../core/indexRecords';
import { type IndexJob, readForIndex } from '../core/indexReader';
import type { Annotations } from '../core/model';
import { runSpread } from '../core/parallel';
import { SIDECAR_SUFFIX } from '../core/sidecar';
import { type ArticleAnnotations, IndexCache, type WorkspaceGroup } from '../core/workspace';
import type { IndexedActor } from '../core/indexRecords';
import { atomicWrite, readTextIfExists } from './fileio';
import type { AnnotationStore } from './store';

/** An article in the index: its record, and the URI the record's name stands for. */
export interface IndexedArticle {
  article: string;
  uri: vscode.Uri;
  record: ArticleRecord;
}

/** An article's annotations as the index hands them to a view: with its URI and, when read from disk, its text. */
export type IndexedAnnotations = ArticleAnnotations & { uri: vscode.Uri; text?: string };

/** How often the index looks for sidecars the file watcher missed, at most. */
const CATCH_UP_INTERVAL = 2000;
/**
 * A look costs time in proportion to the sidecars (a stat each): on a large archive it is
 * made at most this often for its cost, so that it takes under 5% of the time.
 */
const CATCH_UP_COST_FACTOR = 20;
/** How long after a change the cache is written, so a burst of changes writes it once. */
const CACHE_WRITE_DELAY = 2000;
/** With more sidecars than this, indexing shows a notification that can be cancelled; fewer take a moment, shown in the status bar. */
const NOTIFY_FROM = 500;
/**
 * Annotations of articles not open kept decoded for the views, at most (about 30 MB): the
 * views of a workspace of a few thousand sidecars are shown from memory, an archive's are read again.
 */
const HELD_ANNOTATIONS = 100_000;

export class WorkspaceIndex implements vscode.Disposable {
  private readonly archive = new ArchiveIndex();
  private readonly uris = new Map<string, vscode.Uri>();
  /** Decoded annotations of articles not open, most recently used last, for the views. */
  private readonly held = new Map<string, { annotations: Annotations; text?: string }>();
  private heldCount = 0;
  /** Open articles whose live annotations changed since their record was last made. */
  private readonly openChanged = new Set<string>();
  private built: Promise<void> | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private cache: IndexCache | undefined;
  private cacheWrite: NodeJS.Timeout | undefined;
  private caughtUpAt = 0;
  /** How long the latest look for missed changes took. */
  private catchUpCost = 0;
  private catchingUp: Promise<void> = Promise.resolve();
  /** Sidecars being read again after a change was reported; requests wait for them, so they never show the old version. */
  private readonly reading = new Set<Promise<void>>();
  /** Set when the user stopped the first indexing: looks for missed changes then only read sidecars already indexed. */
  private stopped = false;
  readonly onDidChange = this.changeEmitter.event;

  /** `storage` is the extension's workspace storage, where the cache of index records lives. */
  constructor(
    private readonly store: AnnotationStore,
    private readonly storage?: vscode.Uri,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const refresh = (uri: vscode.Uri) => {
      if (this.built) {
        const done: Promise<void> = this.reindex(uri)
          .then(() => this.changeEmitter.fire())
          .catch(() => undefined)
          .finally(() => this.reading.delete(done));
        this.reading.add(done);
      }
    };
    this.disposables.push(
      this.changeEmitter,
      watcher,
      watcher.onDidChange(refresh),
      watcher.onDidCreate(refresh),
      // A sidecar saved in the editor (by hand, or by a change across articles) is read again at
      // once, without waiting for the watcher, which may be late or miss it.
      vscode.workspace.onDidSaveTextDocument((doc) => doc.uri.path.endsWith(SIDECAR_SUFFIX) && refresh(doc.uri)),
      watcher.onDidDelete((uri) => {
        const article = articleUriOf(uri).toString();
        this.archive.setOnDisk(article, undefined);
        this.forget(article);
        this.cache?.delete(article);
        this.scheduleCacheWrite();
        this.changeEmitter.fire();
      }),
      store.onDidChange((uri) => {
        this.openChanged.add(uri.toString());
        if (this.built) {
          this.changeEmitter.fire();
        }
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.cacheWrite);
    for (const d of this.disposables) {
      d.dispose();
    }
  }

  /** Whether the index has been asked for yet: surfaces that only enrich what is shown use it only then. */
  get isBuilt(): boolean {
    return this.built !== undefined;
  }

  /** Builds the index once, with its progress shown; a large workspace's can be cancelled, keeping what was read. */
  ensureBuilt(): Promise<void> {
    this.built ??= this.build();
    return this.built;
  }

  private async build(): Promise<void> {
    const [sidecars, cached] = await Promise.all([findSidecars(), this.cacheUri ? readTextIfExists(this.cacheUri).catch(() => undefined) : undefined]);
    this.cache = IndexCache.parse(cached);
    const many = sidecars.length > NOTIFY_FROM;
    const options = { location: many ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: 'Indexing annotations', cancellable: many };
    await vscode.window.withProgress(options, async (progress, token) => {
      let shown = 0;
      const { cancelled } = await this.sync(sidecars, {
        cancelled: () => token.isCancellationRequested,
        onProgress: ({ done, total, read }) => {
          const percent = (done / Math.max(total, 1)) * 100;
          progress.report({ message: `${done.toLocaleString()} of ${total.toLocaleString()} sidecars${read ? `, ${read.toLocaleString()} read` : ''}`, increment: percent - shown });
          shown = percent;
        },
      });
      this.stopped = cancelled;
    });
    this.caughtUpAt = Date.now();
    this.changeEmitter.fire();
  }

  /** Indexes `sidecars` (from the cache where it can), drops every article not among them; true if anything changed. */
  private async sync(sidecars: readonly vscode.Uri[], options: Parameters<typeof buildIndex>[2] = {}): Promise<{ changed: boolean; cancelled: boolean }> {
    const cache = (this.cache ??= IndexCache.parse(undefined));
    const jobs: IndexJob[] = [];
    const keep = new Set<string>();
    for (const uri of sidecars) {
      const articleUri = articleUriOf(uri);
      const article = articleUri.toString();
      keep.add(article);
      if (!this.stopped || this.archive.hasOnDisk(article)) {
        this.uris.set(article, articleUri);
        jobs.push({ sidecar: uri.fsPath, article });
      }
    }
    const { built, cancelled } = await buildIndex(jobs, cache, options);
    let changed = false;
    built.forEach((b, i) => (changed = this.take(jobs[i].article, b) || changed));
    if (!cancelled) {
      for (const record of [...this.archive.records()]) {
        if (!keep.has(record.article) && this.archive.hasOnDisk(record.article)) {
          this.archive.setOnDisk(record.article, undefined);
          this.forget(record.article);
          changed = true;
        }
      }
      cache.keepOnly(keep);
    }
    this.scheduleCacheWrite();
    return { changed, cancelled };
  }

  /** Takes what reading a sidecar found into the index; true if its record changed. */
  private take(article: string, built: Built): boolean {
    if (!built) {
      return false;
    }
    const record = 'record' in built ? built.record : undefined;
    if (this.archive.getOnDisk(article) === record) {
      return false;
    }
    this.archive.setOnDisk(article, record);
    this.forget(article);
    return true;
  }

  /** The index built, with the changes the file watcher missed taken in: what every request reads. */
  async current(): Promise<void> {
    await this.ensureBuilt();
    await Promise.all(this.reading);
    await this.catchUp();
    this.refreshOpen();
  }

  /** Every article in the index, by its record; open articles by their live, unsaved state. */
  all(): IndexedArticle[] {
    this.refreshOpen();
    return [...this.archive.records()].map((record) => ({ article: record.article, uri: this.uriOf(record.article), record }));
  }

  /**
   * Every article's annotations: open ones live, others from memory when held, else read
   * again (on every core when there are many). For what needs them all at once (matching
   * claims); the views ask for a page of articles with `annotationsOf`.
   */
  async articles(): Promise<IndexedAnnotations[]> {
    await this.current();
    return this.decoded([...this.archive.records()].map((r) => r.article));
  }

  /**
   * The annotations of the given articles, in that order; an article not in the index, or
   * no longer readable, is left out. Only the records stay in memory for all articles;
   * annotations are held up to HELD_ANNOTATIONS, the most recently used.
   */
  async annotationsOf(articles: readonly string[]): Promise<IndexedAnnotations[]> {
    await this.current();
    return this.decoded(articles.filter((article) => this.archive.get(article)));
  }

  /** Every record in effect, open articles' live: what the views count their rows from. */
  async records(): Promise<ArticleRecord[]> {
    await this.current();
    return [...this.archive.records()];
  }

  /** The actors grouped across every article, from the records. */
  async groups(): Promise<WorkspaceGroup<IndexedActor>[]> {
    await this.current();
    return this.archive.groups();
  }

  private async decoded(articles: readonly string[]): Promise<IndexedAnnotations[]> {
    const open = new Map(this.store.all().flatMap((e) => (e.annotations ? [[e.uri.toString(), e]] : [])));
    const missing = articles.filter((article) => !open.has(article) && !this.held.has(article));
    const jobs = missing.map((article) => ({ sidecar: this.uriOf(article).fsPath + SIDECAR_SUFFIX, article }));
    const work = { kind: 'index', options: {}, full: true } as const;
    const reads = await runSpread(work, jobs, (job) => readForIndex(job, {}, true));
    const fresh = new Map<string, { annotations: Annotations; text?: string }>();
    reads.forEach((read, i) => read.status === 'ok' && read.annotations && fresh.set(missing[i], { annotations: read.annotations, text: read.text }));
    const out: IndexedAnnotations[] = [];
    for (const article of articles) {
      const live = open.get(article);
      const decoded = live ? { annotations: live.annotations! } : (fresh.get(article) ?? this.held.get(article));
      if (decoded) {
        out.push({ article, uri: this.uriOf(article), ...decoded });
        if (!live) {
          this.hold(article, decoded);
        }
      }
    }
    return out;
  }

  /** The appearances of actors whose name or alias matches a Go to Symbol query, at most `limit`. */
  search(query: string, limit: number): Appearance[] {
    this.refreshOpen();
    return this.archive.search(query, limit);
  }

  /** An article's actor grouped with the same actor in every other article. */
  groupOf(article: string, actorId: string): WorkspaceGroup<IndexedActor> | undefined {
    this.refreshOpen();
    return this.archive.groupOf(article, actorId);
  }

  /** The record in effect for an article. */
  record(article: string): ArticleRecord | undefined {
    this.refreshOpen();
    return this.archive.get(article);
  }

  uriOf(article: string): vscode.Uri {
    return this.uris.get(article) ?? vscode.Uri.parse(article);
  }

  /**
   * Indexes sidecars the file watcher did not report: watchers miss events (folders over
   * the system's watch limit, network drives, a burst of files from git, a refactoring
   * saving files that are not open). At most once every few seconds; only sidecars new or
   * changed since they were read (by size and modification time) are read again. Requests
   * made while it runs wait for the same look.
   */
  private catchUp(): Promise<void> {
    const now = Date.now();
    if (now - this.caughtUpAt >= Math.max(CATCH_UP_INTERVAL, this.catchUpCost * CATCH_UP_COST_FACTOR)) {
      this.caughtUpAt = now;
      this.catchingUp = this.lookForChanges();
    }
    return this.catchingUp;
  }

  private async lookForChanges(): Promise<void> {
    const started = Date.now();
    const { changed } = await this.sync(await findSidecars());
    this.catchUpCost = Date.now() - started;
    if (changed) {
      this.changeEmitter.fire();
    }
  }

  private async reindex(sidecarUri: vscode.Uri): Promise<void> {
    const articleUri = articleUriOf(sidecarUri);
    const article = articleUri.toString();
    this.uris.set(article, articleUri);
    this.cache ??= IndexCache.parse(undefined);
    this.take(article, await reindexOne({ sidecar: sidecarUri.fsPath, article }, this.cache));
    this.scheduleCacheWrite();
  }

  /** Brings the records of open articles up to their live annotations; an article closed falls back to its record from disk. */
  private refreshOpen(): void {
    if (!this.openChanged.size) {
      return;
    }
    for (const article of this.openChanged) {
      const entry = this.store.get(this.uriOf(article));
      const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === article)?.getText();
      this.archive.setOpen(article, entry?.annotations ? recordOf(article, entry.annotations, text) : undefined);
      if (entry) {
        this.uris.set(article, entry.uri);
      }
    }
    this.openChanged.clear();
  }

  private hold(article: string, decoded: { annotations: Annotations; text?: string }): void {
    this.forget(article);
    this.held.set(article, decoded);
    this.heldCount += countOf(decoded.annotations);
    for (const [oldest] of this.held) {
      if (this.heldCount <= HELD_ANNOTATIONS) {
        break;
      }
      this.forget(oldest);
    }
  }

  private forget(article: string): void {
    const held = this.held.get(article);
    if (held) {
      this.heldCount -= countOf(held.annotations);
      this.held.delete(article);
    }
  }

  private get cacheUri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, 'workspace-index.json');
  }

  private scheduleCacheWrite(): void {
    const target = this.cacheUri;
    if (!target || !this.storage || !this.cache?.dirty || this.cacheWrite) {
      return;
    }
    const storage = this.storage;
    const cache = this.cache;
    this.cacheWrite = setTimeout(() => {
      this.cacheWrite = undefined;
      void Promise.resolve(vscode.workspace.fs.createDirectory(storage))
        .then(() => atomicWrite(target, cache.serialize()))
        // The cache only saves time; failing to write it is not worth interrupting anyone.
        .catch(() => undefined);
    }, CACHE_WRITE_DELAY);
  }
}

function countOf(annotations: Annotations): number {
  return annotations.claims.length + annotations.actors.reduce((n, a) => n + a.mentions.length, 0);
}

/** Sidecars on disk: the index reads files with the core's file layer, so only local ones. */
async function findSidecars(): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**');
  return found.filter((uri) => uri.scheme === 'file');
}

function articleUriOf(sidecarUri: vscode.Uri): vscode.Uri {
  return sidecarUri.with({ path: sidecarUri.path.slice(0, -SIDECAR_SUFFIX.length) });
}
