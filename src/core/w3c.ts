// W3C Web Annotation (JSON-LD) export: one Annotation per mention and per claim, gathered in an AnnotationCollection.

import { createHash } from 'node:crypto';
import { articleWebAddress } from './articleDetails';
import { bratFragments } from './brat';
import { type Actor, type Anchor, type Annotations, type Claim, CLAIM_STATUS_LABELS, CONTEXT_LENGTH, type Provenance } from './model';
import { CodePointIndex, contextAfter, contextBefore } from './offsets';
import { DEFAULT_VERDICT_SCALE, type VerdictScale, verdictLabel } from './verdicts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The motivations and purposes the Web Annotation vocabulary defines (annotation model §3.3.5). */
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

export interface Agent {
  /** An IRI for the person or organisation, such as their web page. */
  id?: string;
  type: 'Person' | 'Organization' | 'Software';
  name: string;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code points, as the model requires (§4.2.4), not UTF-16 units. */
  start: number;
  end: number;
}

export interface Target {
  type: 'SpecificResource';
  source: string;
  selector: TextQuoteSelector | (TextQuoteSelector | TextPositionSelector)[];
}

export type Body =
  | { type: 'TextualBody'; value: string; purpose: Motivation; format: 'text/plain' }
  | { type: 'SpecificResource'; source: string; purpose: Motivation };

export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  /** When the annotation was made (the sidecar's `at`). */
  created?: string;
  /** When a claim's status or verdict last changed after it was made (`reviewedAt`). */
  modified?: string;
  /** Who made it: the annotator (`by`) as a Person, else the creator from settings. */
  creator?: Agent;
  body: Body[];
  target: Target | Target[];
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated?: string;
  generator?: Agent;
  first?: { id: string; type: 'AnnotationPage'; partOf: string; startIndex: 0; items: WebAnnotation[] };
}

export interface W3CExportOptions {
  /**
   * Where the article was read from (the editor's document URI, the command line's file: URL).
   * It becomes the targets' source only when it is a web address: a local path means nothing
   * to other annotation tools and tells them where the fact-checker keeps files. The sidecar's
   * `article.url` wins over it.
   */
  articleIri?: string;
  /** Annotation ids are minted under this IRI; without it they are name-based urn:uuid ids. */
  baseIri?: string;
  /** Who made the annotations (the fact-checker or the newsroom), from settings; without a name there is no creator. */
  creator?: Partial<Agent>;
  /** When the export is made; written on the collection with Newsmark as its generator. */
  generated?: Date;
  verdicts?: VerdictScale;
  /** Actor type id → label, so tags read "Person" rather than "person". */
  actorTypeLabels?: Record<string, string>;
}

export interface ExportWarning {
  code: string;
  message: string;
}

/** A fixed namespace for name-based ids, so the same sidecar always exports the same ids. */
const UUID_NAMESPACE = 'newsmark web annotation ids';

/** What every step of one export shares. */
interface ExportContext {
  annotations: Annotations;
  text: string;
  options: W3CExportOptions;
  /** The IRI the annotations target. */
  source: string;
  /** The creator from settings, for annotations that do not say who made them. */
  creator?: Agent;
  scale: VerdictScale;
  index: CodePointIndex;
  fragments: Map<Anchor, [number, number][]>;
  warnings: ExportWarning[];
}

/** An annotation with the place it sorts at: its position in the text, orphans last. */
interface Placed {
  at: number;
  annotation: WebAnnotation;
}

/**
 * Exports the annotations of one article. Ids are stable across exports (derived from the
 * article's IRI, the actor or claim id and the mention's order), so a re-export updates
 * annotations downstream instead of duplicating them.
 */
export function exportW3C(annotations: Annotations, text: string, options: W3CExportOptions): { collection: AnnotationCollection; warnings: ExportWarning[] } {
  const warnings: ExportWarning[] = [];
  const context: ExportContext = {
    annotations,
    text,
    options,
    source: articleSource(annotations, options, warnings),
    creator: creatorOf(options.creator, warnings),
    scale: options.verdicts ?? DEFAULT_VERDICT_SCALE,
    index: new CodePointIndex(text),
    fragments: bratFragments(annotations, text),
    warnings,
  };
  const items = [...annotations.actors.flatMap((actor) => mentionAnnotations(context, actor)), ...annotations.claims.map((claim) => claimAnnotation(context, claim))];
  items.sort((a, b) => a.at - b.at);
  return { collection: collectionOf(context, items.map((i) => i.annotation)), warnings };
}

/** An annotation's id: under the base IRI when one is set, else a name-based urn:uuid. */
function mint(context: ExportContext, local: string): string {
  const { annotations, options, source } = context;
  return options.baseIri ? `${options.baseIri.replace(/\/+$/, '')}/${encodeURIComponent(annotations.article.file)}/${local}` : nameUuid(`${source}\n${local}`);
}

/** Where an annotation points: its quote and position, one target per fragment of a discontinuous span; an orphan by its quote alone. */
function targetsOf(context: ExportContext, anchor: Anchor, what: string): Target | Target[] {
  const { source, text, index } = context;
  if (anchor.orphaned) {
    context.warnings.push({ code: 'orphaned', message: `${what} is orphaned: it is exported with its quote only, without a position.` });
    return { type: 'SpecificResource', source, selector: { type: 'TextQuoteSelector', exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix } };
  }
  const targets = (context.fragments.get(anchor) ?? [[anchor.start, anchor.end]]).map(([start, end]): Target => ({
    type: 'SpecificResource',
    source,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: contextBefore(text, start, CONTEXT_LENGTH),
        suffix: contextAfter(text, end, CONTEXT_LENGTH),
      },
      { type: 'TextPositionSelector', start: index.toCodePoint(start) ?? 0, end: index.toCodePoint(end) ?? 0 },
    ],
  }));
  // Several targets are the fragments of one discontinuous mention, each annotated alike.
  return targets.length === 1 ? targets[0] : targets;
}

function textual(value: string, purpose: Motivation): Body {
  return { type: 'TextualBody', value, purpose, format: 'text/plain' };
}

/**
 * Who made an annotation and when (§3.3.1): the annotator recorded in the sidecar as a
 * Person, else the creator from settings; `created` from the sidecar, else from what another
 * tool recorded in `extra`; `modified` when the claim's review changed after it was made.
 */
function provenanceOf(context: ExportContext, made: Provenance, extra: Record<string, unknown> | undefined, modified?: string): Pick<WebAnnotation, 'created' | 'modified' | 'creator'> {
  const out: Pick<WebAnnotation, 'created' | 'modified' | 'creator'> = {};
  const imported = extra?.created;
  const created = made.at !== undefined && isUtcDateTime(made.at) ? made.at : typeof imported === 'string' && isUtcDateTime(imported) ? imported : undefined;
  if (created) {
    out.created = created;
  }
  if (modified !== undefined && isUtcDateTime(modified) && (!created || Date.parse(modified) > Date.parse(created))) {
    out.modified = modified;
  }
  const creator = personOf(made.by, context.creator) ?? context.creator;
  if (creator) {
    out.creator = creator;
  }
  return out;
}

/** The annotator as a Person; the configured creator's id comes along when it names the same person. */
function personOf(by: string | undefined, configured: Agent | undefined): Agent | undefined {
  const name = by?.trim();
  if (!name) {
    return undefined;
  }
  return configured?.type === 'Person' && configured.name === name ? configured : { type: 'Person', name };
}

/** Orphans sort after every placed annotation. */
function placeOf(anchor: Anchor): number {
  return anchor.orphaned ? Number.MAX_SAFE_INTEGER : anchor.start;
}

/** One annotation per mention of an actor, identifying it: its type, name, Wikidata item and notes. */
function mentionAnnotations(context: ExportContext, actor: Actor): Placed[] {
  const body: Body[] = [textual(context.options.actorTypeLabels?.[actor.type] ?? actor.type, 'tagging'), textual(actor.name, 'identifying')];
  if (actor.wikidata) {
    body.push({ type: 'SpecificResource', source: `http://www.wikidata.org/entity/${actor.wikidata}`, purpose: 'identifying' });
  }
  if (actor.notes?.trim()) {
    body.push(textual(actor.notes, 'describing'));
  }
  const mentions = [...actor.mentions].sort((a, b) => a.start - b.start);
  return mentions.map((mention, i) => ({
    at: placeOf(mention),
    annotation: {
      '@context': ANNO_CONTEXT,
      id: mint(context, `actors/${actor.id}/mentions/${i + 1}`),
      type: 'Annotation',
      motivation: 'identifying',
      ...provenanceOf(context, mention, actor.extra),
      body: body.map((b) => ({ ...b })),
      target: targetsOf(context, mention, `A mention of ${actor.name}`),
    },
  }));
}

/** A claim's annotation: questioning it until it has a verdict, then assessing it, with its claimant, notes and sources. */
function claimAnnotation(context: ExportContext, claim: Claim): Placed {
  const body: Body[] = [textual('Claim', 'tagging'), textual(CLAIM_STATUS_LABELS[claim.status], 'tagging')];
  if (claim.verdict !== undefined) {
    body.push(textual(verdictLabel(context.scale, claim.verdict), 'assessing'));
  }
  const claimant = context.annotations.actors.find((a) => a.id === claim.claimant);
  if (claimant) {
    body.push(textual(`Claimant: ${claimant.name}`, 'describing'));
  }
  if (claim.notes?.trim()) {
    body.push(textual(claim.notes, 'describing'));
  }
  for (const s of claim.sources) {
    body.push({ type: 'SpecificResource', source: s.url, purpose: 'linking' });
  }
  return {
    at: placeOf(claim.anchor),
    annotation: {
      '@context': ANNO_CONTEXT,
      id: mint(context, `claims/${claim.id}`),
      type: 'Annotation',
      // A verdict assesses the claim; until then the claim is questioned.
      motivation: claim.verdict !== undefined ? 'assessing' : 'questioning',
      ...provenanceOf(context, claim, claim.extra, claim.reviewedAt),
      body,
      target: targetsOf(context, claim.anchor, `Claim ${claim.id}`),
    },
  };
}

/** The collection of one article's annotations, with its one page (none when there are no annotations). */
function collectionOf(context: ExportContext, items: WebAnnotation[]): AnnotationCollection {
  const { annotations, options, source } = context;
  const collectionId = options.baseIri ? `${options.baseIri.replace(/\/+$/, '')}/${encodeURIComponent(annotations.article.file)}` : nameUuid(source);
  const collection: AnnotationCollection = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: annotations.article.title ?? annotations.article.file,
    total: items.length,
  };
  if (options.generated) {
    collection.generated = options.generated.toISOString().replace(/\.\d{3}Z$/, 'Z');
    collection.generator = { type: 'Software', name: 'Newsmark' };
  }
  // A page must hold at least one annotation, so an article without any has no page.
  if (items.length) {
    collection.first = {
      id: options.baseIri ? `${collectionId}/page1` : nameUuid(`${source}\npage1`),
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items,
    };
  }
  return collection;
}

/**
 * The IRI the annotations target: the article's web address, else a name-based URN from its
 * file name, the same on every machine, with a warning that says how to give the address.
 */
function articleSource(annotations: Annotations, options: W3CExportOptions, warnings: ExportWarning[]): string {
  const url = articleWebAddress(annotations.article) ?? (options.articleIri && isWebIri(options.articleIri) ? options.articleIri : undefined);
  if (url) {
    return url;
  }
  warnings.push({
    code: 'no-article-url',
    message:
      'The article has no web address, so the annotations target a name made from its file name, which other tools cannot open: run Newsmark: Set Article Details… or set article.url in the sidecar.',
  });
  return nameUuid(`article\n${annotations.article.file}`);
}

/** The creator as the model wants an Agent: with a name, or not at all (never `{}`). */
function creatorOf(setting: Partial<Agent> | undefined, warnings: ExportWarning[]): Agent | undefined {
  const name = typeof setting?.name === 'string' ? setting.name.trim() : '';
  if (!name) {
    if (setting && Object.values(setting).some((v) => v !== undefined && v !== '')) {
      warnings.push({
        code: 'no-creator-name',
        message: 'newsmark.export.w3c.creator has no name, so the annotations name no creator: add its "name" (in .newsmark.json for the command line).',
      });
    }
    return undefined;
  }
  const type = setting?.type === 'Person' || setting?.type === 'Software' ? setting.type : 'Organization';
  const given = typeof setting?.id === 'string' ? setting.id.trim() : '';
  const id = IRI.test(given) ? given : undefined;
  if (given && !id) {
    warnings.push({
      code: 'creator-id',
      message: `The "id" of newsmark.export.w3c.creator, "${given}", is not an address such as https://factcheck.example.org/, so the creator is named without it.`,
    });
  }
  return { ...(id ? { id } : {}), type, name };
}

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

function isWebIri(iri: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(iri);
}

/** A name-based (version 5 style, SHA-1) UUID as a urn:uuid IRI. */
function nameUuid(name: string): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE).update('\n').update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** xsd:dateTime in UTC with "Z", as the model requires of created (§3.3.1). */
function isUtcDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value));
}
