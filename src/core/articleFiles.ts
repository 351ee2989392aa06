// Which files are articles: the rule that keeps sidecars, exports, brat files and Newsmark's own folder from being annotated.

import { EXPORT_SUFFIXES } from './exporters';
import { SIDECAR_SUFFIX } from './sidecar';

/**
 * Endings of files that are never articles, whatever language the editor gives them: the
 * sidecar, every export (opening one from the Export notification must not start annotating
 * it), brat's annotation and configuration files, and data files.
 */
const NOT_ARTICLES = [SIDECAR_SUFFIX, ...Object.values(EXPORT_SUFFIXES), '.ann', '.conf', '.csv', '.json', '.jsonld'];

/** The folder Newsmark keeps its workspace files in (fact checks, caches). */
const NEWSMARK_FOLDER = '.newsmark';

/** Whether the file at `path` (a URI path or file path, either slash) may be an article. */
export function isArticlePath(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const name = (parts.at(-1) ?? '').toLowerCase();
  if (!name || parts.slice(0, -1).includes(NEWSMARK_FOLDER)) {
    return false;
  }
  return !NOT_ARTICLES.some((ending) => name.endsWith(ending.toLowerCase()));
}
