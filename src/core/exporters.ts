// One entry point for every export format, shared by the editor's Export command and the command-line tool.

import { type BratMapping, exportBrat } from './brat';
import { type ClaimReviewAuthor, exportClaimReview } from './claimreview';
import { pathToFileURL } from 'node:url';
import type { FileProblem } from './fileRules';
import { embeddableJson } from './json';
import type { Annotations } from './model';
import { articlePathFor, readPair } from './pairs';
import { exportClaimsCsv, exportMarkdownReport } from './report';
import type { DecodeOptions, SidecarProblem } from './sidecar';
import { DEFAULT_VERDICT_SCALE, type VerdictScale } from './verdicts';
import { type Agent, exportW3C } from './w3c';

export const EXPORT_FORMATS = ['brat', 'w3c', 'claimreview', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  brat: 'brat standoff (.ann)',
  w3c: 'W3C Web Annotation (JSON-LD)',
  claimreview: 'ClaimReview (schema.org JSON-LD)',
  markdown: 'Fact-check report (Markdown)',
  csv: 'Claims (CSV)',
};

/** What exports need from the settings (the editor's, or the command line's .newsmark.json). */
export interface ExportSettings {
  scale: VerdictScale;
  actorTypeLabels?: Record<string, string>;
  brat: Partial<BratMapping>;
  /** A setting left empty or without a name (the editor's default is `{}`) means no author or creator, never a nameless one. */
  claimReview: { author?: Partial<ClaimReviewAuthor>; url?: string };
  w3c: { baseIri?: string; creator?: Partial<Agent> };
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = { scale: DEFAULT_VERDICT_SCALE, brat: {}, claimReview: {}, w3c: {} };

/**
 * Exports one article. The article's details in the sidecar (web address, headline,
 * publisher, date published) go into every format; `articleIri`, where the article was read
 * from, is used only when it is a web address, since a local path means nothing to readers.
 */
export function exportArticle(
  format: ExportFormat,
  articleIri: string,
  annotations: Annotations,
  text: string,
  settings: ExportSettings,
): { content: string; warnings: { message: string }[] } {
  switch (format) {
    case 'brat': {
      const { ann, warnings } = exportBrat(annotations, text, { mapping: settings.brat });
      return { content: ann, warnings };
    }
    case 'w3c': {
      const { collection, warnings } = exportW3C(annotations, text, {
        articleIri,
        baseIri: settings.w3c.baseIri,
        creator: settings.w3c.creator,
        verdicts: settings.scale,
        actorTypeLabels: settings.actorTypeLabels,
      });
      return { content: embeddableJson(collection), warnings };
    }
    case 'claimreview': {
      const { reviews, warnings } = exportClaimReview(annotations, text, {
        verdicts: settings.scale,
        author: settings.claimReview.author,
        url: settings.claimReview.url,
      });
      return { content: embeddableJson(reviews), warnings };
    }
    case 'markdown':
      return { content: exportMarkdownReport(annotations, text, { verdicts: settings.scale }), warnings: [] };
    case 'csv':
      return { content: exportClaimsCsv([{ annotations, text }], { verdicts: settings.scale }), warnings: [] };
  }
}

/** How the name of each format's export ends. */
export const EXPORT_SUFFIXES: Record<ExportFormat, string> = {
  brat: '.ann',
  w3c: '.annotations.jsonld',
  claimreview: '.claimreview.jsonld',
  markdown: '.report.md',
  csv: '.claims.csv',
};

/** The file an export of `articleFile` is written to: `csto.txt` → `csto.ann`, `csto.report.md`, … */
export function exportFileName(articleFile: string, format: ExportFormat): string {
  const name = articleFile.slice(articleFile.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return stem + EXPORT_SUFFIXES[format];
}

/** Reading and exporting each of many articles, as a worker thread is asked to (see runSpread). */
export interface ExportWork {
  kind: 'export';
  options: DecodeOptions;
  format: Exclude<ExportFormat, 'csv'>;
  settings: ExportSettings;
  /**
   * Each export as its UTF-8 bytes, for a file: they cross from a worker without a copy in
   * the receiving thread's heap, where a thousand exports as text kept its collector busy.
   */
  bytes?: boolean;
}

/**
 * One article exported, or what kept it from being: missing, unreadable (`file` is the one at
 * fault), a sidecar with errors (`problems`, warnings too), or an article changed since its
 * sidecar was written (`stale`).
 */
export type PairExport =
  | { missing: string }
  | { problem: FileProblem; file: string }
  | { problems: SidecarProblem[] }
  | { stale: true }
  | { content: string | Uint8Array; warnings: { message: string }[] };

/**
 * Reads a sidecar with its article and exports it. Done where it is read (a worker thread), so
 * that what crosses to the writing thread is the export's text, not the annotations and both files;
 * `blocking` reads the files without waiting, for a worker with nothing else to do meanwhile.
 */
export async function exportPair(sidecar: string, work: ExportWork, blocking = false): Promise<PairExport> {
  const read = await readPair(sidecar, work.options, blocking);
  if (!('decoded' in read)) {
    return read;
  }
  const { annotations, problems, stale } = read.decoded;
  if (!annotations) {
    return { problems };
  }
  if (stale) {
    return { stale };
  }
  const { content, warnings } = exportArticle(work.format, pathToFileURL(articlePathFor(sidecar)).href, annotations, read.text, work.settings);
  return { content: work.bytes ? new TextEncoder().encode(content) : content, warnings };
}
