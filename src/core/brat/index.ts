// brat standoff (.txt + .ann): parses and checks .ann files, imports them as annotations, and exports annotations back to .ann.

/*
 * How brat data lives in a sidecar (all under `extra.brat`, so Newsmark's own fields stay
 * as the editor knows them):
 *
 * - root `extra.brat.lines`: every line of the .ann in file order. A text-bound (T) line is
 *   kept without its text ("T8 Claim 383 397;416 458"): the text is the article's, and where
 *   the annotation is now belongs to its anchor, which moves with edits. Every other line is
 *   kept verbatim ("E1\tMeet:T13 Participant:T1").
 * - actor `extra.brat`: the ids of the lines that became the actor's `wikidata` (N) and
 *   `notes` (#).
 * - claim `extra.brat`: `span`, the id of its T line, and the ids of the lines that became its
 *   `notes` (#), `verdict` and `status` (A) and `claimant` (R).
 *
 * A Newsmark anchor is one contiguous span, so a discontinuous annotation is anchored on the
 * span covering all its fragments (the fact-checker sees the whole phrase highlighted) and its
 * fragments are kept in its T record. Export places them relative to where the anchor is now,
 * so they survive edits elsewhere in the article.
 *
 * Export re-emits a line verbatim while the field it became is unchanged, and rewrites it
 * (keeping its id) once the fact-checker has changed that field: import → export gives the
 * same file back, and edits made in Newsmark reach brat.
 */

export type { OffsetCounting } from '../offsets';
export { type BratExportOptions, type BratExportResult, exportBrat } from './export';
export { type BratImportOptions, type BratImportResult, importBrat } from './import';
export { parseAnn } from './parse';
export { bratFragments } from './records';
export * from './types';
