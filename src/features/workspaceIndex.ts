// The annotations of every article in the workspace, built lazily the first time a view asks and kept current from the file watcher.

import * as vscode from 'vscode';
import { reattachAnnotations } from '../core/anchoring';
import type { Annotations } from '../core/model';
import { decodeSidecar, SIDECAR_SUFFIX } from '../core/sidecar';
import { type ArticleAnnotations, groupActors, IndexCache, type WorkspaceActor } from '../core/workspace';
import { atomicWrite, readTextIfExists } from './fileio';
import type { AnnotationStore } from './store';

interface IndexedArticle {
  articleUri: vscode.Uri;
  annotations?: Annotations;
  text?: string;
  /** The sidecar's modification time and size when it was read, to notice a change the watcher missed. */
  seen?: string;
}

const INDEX_CONCURRENCY = 4;
/** How often the index looks for sidecars the file watcher missed, at most. */
const CATCH_UP_INTERVAL = 2000;
/**
 * A look costs time in proportion to the sidecars (a stat each): on a large archive it is
 * made at most this often for its cost, so that it takes under 5% of the time.
 */
const CATCH_UP_COST_FACTOR = 20;
/** Stats of one look under way at once: each is a round trip to the file system, mostly waiting. */
const STAT_CONCURRENCY = 32;
/** How long after a change the cache is written, so a burst of changes writes it once. */
const CACHE_WRITE_DELAY = 2000;

export class WorkspaceIndex implements vscode.Disposable {
  private readonly articles = new Map<string, IndexedArticle>();
  private built: Promise<void> | undefined;
  /** Actors grouped across articles, kept until anything changes. */
  private grouped: WorkspaceActor[] | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private cache = IndexCache.parse(undefined);
  private cacheWrite: NodeJS.Timeout | undefined;
  private caughtUpAt = 0;
  /** How long the latest look for missed changes took. */
  private catchUpCost = 0;
  private catchingUp: Promise<void> = Promise.resolve();
  /** Sidecars being read again after a change was reported; requests wait for them, so they never show the old version. */
  private readonly reading = new Set<Promise<void>>();
  readonly onDidChange = this.changeEmitter.event;

  /** `storage` is the extension's workspace storage, where the cache of decoded sidecars lives. */
  constructor(
    private readonly store: AnnotationStore,
    private readonly storage?: vscode.Uri,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const refresh = (uri: vscode.Uri) => {
      if (this.built) {
        const done: Promise<void> = this.index(uri)
          .then(() => this.changeEmitter.fire())
          .catch(() => undefined)
          .finally(() => this.reading.delete(done));
        this.reading.add(done);
      }
    };
    this.disposables.push(
      this.changeEmitter,
      this.changeEmitter.event(() => (this.grouped = undefined)),
      watcher,
      watcher.onDidChange(refresh),
      watcher.onDidCreate(refresh),
      // A sidecar saved in the editor (by hand, or by a change across articles) is read again at
      // once, without waiting for the watcher, which may be late or miss it.
      vscode.workspace.onDidSaveTextDocument((doc) => doc.uri.path.endsWith(SIDECAR_SUFFIX) && refresh(doc.uri)),
      watcher.onDidDelete((uri) => {
        this.articles.delete(articleUriOf(uri).toString());
        this.cache.delete(uri.toString());
        this.scheduleCacheWrite();
        this.changeEmitter.fire();
      }),
      store.onDidChange(() => {
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

  /** Builds the index once, with progress shown on the Newsmark views. */
  ensureBuilt(): Promise<void> {
    this.built ??= Promise.resolve(vscode.window.withProgress(
      { location: { viewId: 'newsmark.actors' }, title: 'Indexing annotations' },
      async () => {
        const [sidecars, cached] = await Promise.all([
          vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**'),
          this.cacheUri ? readTextIfExists(this.cacheUri).catch(() => undefined) : undefined,
        ]);
        this.cache = IndexCache.parse(cached);
        // A few at a time: starting every read at once measured about twice as slow per
        // sidecar on a workspace of hundreds of sidecars.
        let next = 0;
        await Promise.all(
          Array.from({ length: INDEX_CONCURRENCY }, async () => {
            while (next < sidecars.length) {
              await this.index(sidecars[next++]);
            }
          }),
        );
        this.caughtUpAt = Date.now();
        this.cache.keepOnly(new Set(sidecars.map((uri) => uri.toString())));
        this.scheduleCacheWrite();
        this.changeEmitter.fire();
      },
    ));
    return this.built;
  }

  /** Every article with readable annotations; open articles show their live, unsaved state. */
  all(): (ArticleAnnotations & { uri: vscode.Uri; text?: string })[] {
    const out: (ArticleAnnotations & { uri: vscode.Uri; text?: string })[] = [];
    const seen = new Set<string>();
    for (const entry of this.store.all()) {
      if (entry.annotations) {
        out.push({ article: entry.uri.toString(), uri: entry.uri, annotations: entry.annotations });
        seen.add(entry.uri.toString());
      }
    }
    for (const [key, item] of this.articles) {
      if (!seen.has(key) && item.annotations) {
        out.push({ article: key, uri: item.articleUri, annotations: item.annotations, text: item.text });
      }
    }
    return out;
  }

  /** The same actor in several articles as one entry, from every article in the index. */
  async groups(): Promise<WorkspaceActor[]> {
    await this.current();
    this.grouped ??= groupActors(this.all());
    return this.grouped;
  }

  /** The index built, with the changes the file watcher missed taken in: what every request reads. */
  async current(): Promise<void> {
    await this.ensureBuilt();
    await Promise.all(this.reading);
    await this.catchUp();
  }

  /**
   * Indexes sidecars the file watcher did not report: watchers miss events (folders over
   * the system's watch limit, network drives, a burst of files from git, a refactoring
   * saving files that are not open). At most once every few seconds; only sidecars new or
   * changed since they were read (by modification time and size) are read again. Requests
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
    const sidecars = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**');
    let changed = false;
    let next = 0;
    await Promise.all(
      Array.from({ length: STAT_CONCURRENCY }, async () => {
        while (next < sidecars.length) {
          const uri = sidecars[next++];
          const known = this.articles.get(articleUriOf(uri).toString());
          if (!known || known.seen !== (await seenStamp(uri))) {
            await this.index(uri);
            changed = true;
          }
        }
      }),
    );
    this.catchUpCost = Date.now() - started;
    if (changed) {
      this.changeEmitter.fire();
    }
  }

  /** An article's text: the open document's, else as read from disk when indexed. */
  text(uri: vscode.Uri): string | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.getText() ?? this.articles.get(key)?.text;
  }

  private async index(sidecarUri: vscode.Uri): Promise<void> {
    const articleUri = articleUriOf(sidecarUri);
    const [source, text] = await Promise.all([readTextIfExists(sidecarUri), readTextIfExists(articleUri)]);
    if (source === undefined) {
      this.articles.delete(articleUri.toString());
      return;
    }
    const key = sidecarUri.toString();
    const stamp = IndexCache.stamp(source, text ?? '');
    let annotations = this.cache.get(key, stamp);
    if (!annotations) {
      const result = decodeSidecar(source, text ?? '', { dataOnly: true });
      annotations = result.annotations;
      if (annotations && result.stale && text !== undefined) {
        // Written for an older version of the article: find the anchors in the text as it is now.
        reattachAnnotations(text, annotations);
      }
      if (annotations) {
        this.cache.set(key, stamp, annotations);
      } else {
        this.cache.delete(key);
      }
      this.scheduleCacheWrite();
    }
    this.articles.set(articleUri.toString(), { articleUri, annotations, text, seen: await seenStamp(sidecarUri) });
  }

  private get cacheUri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, 'workspace-index.json');
  }

  private scheduleCacheWrite(): void {
    const target = this.cacheUri;
    if (!target || !this.storage || !this.cache.dirty || this.cacheWrite) {
      return;
    }
    const storage = this.storage;
    this.cacheWrite = setTimeout(() => {
      this.cacheWrite = undefined;
      void Promise.resolve(vscode.workspace.fs.createDirectory(storage))
        .then(() => atomicWrite(target, this.cache.serialize()))
        // The cache only saves time; failing to write it is not worth interrupting anyone.
        .catch(() => undefined);
    }, CACHE_WRITE_DELAY);
  }
}

async function seenStamp(uri: vscode.Uri): Promise<string | undefined> {
  const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
  return stat && `${stat.mtime}:${stat.size}`;
}

function articleUriOf(sidecarUri: vscode.Uri): vscode.Uri {
  return sidecarUri.with({ path: sidecarUri.path.slice(0, -SIDECAR_SUFFIX.length) });
}
