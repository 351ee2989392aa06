// W3C Web Annotation (JSON-LD) export: one Annotation per mention and per claim, gathered in an AnnotationCollection.

import { createHash } from 'node:crypto';
import { articleWebAddress } from './articleDetails';
import { bratFragments } from './brat';
import { type Anchor, type Annotations, CLAIM_STATUS_LABELS, CONTEXT_LENGTH } from './model';
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
  created?: string;
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

/**
 * Exports the annotations of one article. Ids are stable across exports (derived from the
 * article's IRI, the actor or claim id and the mention's order), so a re-export updates
 * annotations downstream instead of duplicating them.
 */
export function exportW3C(annotations: Annotations, text: string, options: W3CExportOptions): { collection: AnnotationCollection; warnings: ExportWarning[] } {
  const warnings: ExportWarning[] = [];
  const source = articleSource(annotations, options, warnings);
  const creator = creatorOf(options.creator, warnings);
  const scale = options.verdicts ?? DEFAULT_VERDICT_SCALE;
  const index = new CodePointIndex(text);
  const fragments = bratFragments(annotations, text);
  const mint = (local: string) =>
    options.baseIri ? `${options.baseIri.replace(/\/+$/, '')}/${encodeURIComponent(annotations.article.file)}/${local}` : nameUuid(`${source}\n${local}`);

  const targetsOf = (anchor: Anchor, what: string): Target | Target[] => {
    if (anchor.orphaned) {
      warnings.push({ code: 'orphaned', message: `${what} is orphaned: it is exported with its quote only, without a position.` });
      return { type: 'SpecificResource', source, selector: { type: 'TextQuoteSelector', exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix } };
    }
    const targets = (fragments.get(anchor) ?? [[anchor.start, anchor.end]]).map(([start, end]): Target => ({
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
  };
  const textual = (value: string, purpose: Motivation): Body => ({ type: 'TextualBody', value, purpose, format: 'text/plain' });
  const common = (extra: Record<string, unknown> | undefined) => {
    const out: { created?: string; creator?: Agent } = {};
    const created = extra?.created;
    // Only a timestamp another tool recorded is known; Newsmark does not record one yet.
    if (typeof created === 'string' && isUtcDateTime(created)) {
      out.created = created;
    }
    if (creator) {
      out.creator = creator;
    }
    return out;
  };

  const items: { at: number; annotation: WebAnnotation }[] = [];
  const at = (anchor: Anchor) => (anchor.orphaned ? Number.MAX_SAFE_INTEGER : anchor.start);
  for (const actor of annotations.actors) {
    const mentions = [...actor.mentions].sort((a, b) => a.start - b.start);
    mentions.forEach((mention, i) => {
      const body: Body[] = [textual(options.actorTypeLabels?.[actor.type] ?? actor.type, 'tagging'), textual(actor.name, 'identifying')];
      if (actor.wikidata) {
        body.push({ type: 'SpecificResource', source: `http://www.wikidata.org/entity/${actor.wikidata}`, purpose: 'identifying' });
      }
      if (actor.notes?.trim()) {
        body.push(textual(actor.notes, 'describing'));
      }
      items.push({
        at: at(mention),
        annotation: {
          '@context': ANNO_CONTEXT,
          id: mint(`actors/${actor.id}/mentions/${i + 1}`),
          type: 'Annotation',
          motivation: 'identifying',
          ...common(actor.extra),
          body,
          target: targetsOf(mention, `A mention of ${actor.name}`),
        },
      });
    });
  }
  for (const claim of annotations.claims) {
    const body: Body[] = [textual('Claim', 'tagging'), textual(CLAIM_STATUS_LABELS[claim.status], 'tagging')];
    if (claim.verdict !== undefined) {
      body.push(textual(verdictLabel(scale, claim.verdict), 'assessing'));
    }
    const claimant = annotations.actors.find((a) => a.id === claim.claimant);
    if (claimant) {
      body.push(textual(`Claimant: ${claimant.name}`, 'describing'));
    }
    if (claim.notes?.trim()) {
      body.push(textual(claim.notes, 'describing'));
    }
    for (const s of claim.sources) {
      body.push({ type: 'SpecificResource', source: s.url, purpose: 'linking' });
    }
    items.push({
      at: at(claim.anchor),
      annotation: {
        '@context': ANNO_CONTEXT,
        id: mint(`claims/${claim.id}`),
        type: 'Annotation',
        // A verdict assesses the claim; until then the claim is questioned.
        motivation: claim.verdict !== undefined ? 'assessing' : 'questioning',
        ...common(claim.extra),
        body,
        target: targetsOf(claim.anchor, `Claim ${claim.id}`),
      },
    });
  }
  items.sort((a, b) => a.at - b.at);

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
      items: items.map((i) => i.annotation),
    };
  }
  return { collection, warnings };
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
