// Ids for tree rows: unique for any set of annotations, duplicates and orphans included, and stable while the annotations stay.

/**
 * The ids of a row's children from their keys. A child's id is its parent's id, a slash and its
 * key with slashes and hashes escaped, so two parents never give the same child id; siblings
 * with the same key (two orphans with one quote) are told apart by their order, "#2", "#3".
 */
export function childIds(parentId: string, keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const segment = encodeURIComponent(key);
    return `${parentId}/${segment}${n > 1 ? `#${n}` : ''}`;
  });
}
