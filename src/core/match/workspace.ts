// The archive of a workspace, built the one way the editor and the command line share: its articles' checked claims, its imported fact-checks, its actors.

import type { FactCheck } from '../factChecks';
import type { Annotations, Claim } from '../model';
import { ClaimArchive, type ClaimMatch } from './archive';
import { actorNamesOf, archivedClaimsOf, archivedFactCheck, claimKey } from './sources';

/** One article of the workspace: its workspace-relative path (the path `sameAs` names) and its annotations. */
export interface ArchiveArticle {
  path: string;
  annotations: Annotations;
}

/** Puts an article's checked claims in the archive, replacing whatever it held of that article before. */
export function archiveArticle(archive: ClaimArchive, article: ArchiveArticle): void {
  archive.removeArticle(article.path);
  archivedClaimsOf(article.path, article.annotations).forEach((c) => archive.add(c));
}

/** Puts published fact-checks in the archive, each keyed by its address. */
export function archiveFactChecks(archive: ClaimArchive, factChecks: readonly FactCheck[]): void {
  factChecks.forEach((f) => archive.add(archivedFactCheck(f)));
}

/** The archive of a workspace: every article's checked claims and every fact-check, matched with the workspace's actors in mind. */
export function buildArchive(articles: readonly ArchiveArticle[], factChecks: readonly FactCheck[]): ClaimArchive {
  const archive = new ClaimArchive(actorNamesOf(articles));
  articles.forEach((a) => archiveArticle(archive, a));
  archiveFactChecks(archive, factChecks);
  return archive;
}

/**
 * The matches worth offering for a claim, best first: never itself, never one it was told is
 * another claim. `all` also returns those below the threshold, for a user who wants to see them.
 */
export function offersFor(archive: ClaimArchive, path: string, claim: Claim, options: { limit?: number; all?: boolean } = {}): ClaimMatch[] {
  const self = claimKey(path, claim.id);
  const rejected = new Set(claim.notSameAs ?? []);
  return archive.search(claim.anchor.quote, { limit: options.limit ?? 10, all: options.all, exclude: (c) => c.key === self || rejected.has(c.key) });
}
