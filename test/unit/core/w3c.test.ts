// Tests of the W3C Web Annotation export, checked against every MUST of the Web Annotation Data Model that applies to it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBrat } from '../../../src/core/brat';
import { type Annotations, anchorAt, emptyAnnotations } from '../../../src/core/model';
import { DEFAULT_EXPORT_SETTINGS, exportArticle } from '../../../src/core/exporters';
import { ANNO_CONTEXT, exportW3C, MOTIVATIONS } from '../../../src/core/w3c';

const FIXTURES = join(__dirname, '../../../../test/fixtures/brat');

/*
 * A validator for the Web Annotation Data Model (W3C Recommendation, 23 February 2017).
 * Each check names the section whose MUST it enforces; SHOULDs are not checked.
 */
type Json = unknown;
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const XSD_DATETIME_UTC = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const isObject = (x: Json): x is Record<string, Json> => typeof x === 'object' && x !== null && !Array.isArray(x);
const values = (x: Json): Json[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const typesOf = (x: Record<string, Json>): Json[] => values(x.type);

function checkContext(node: Record<string, Json>, where: string, out: string[]): void {
  const contexts = values(node['@context']);
  // §3.1: 1 or more @context values, anno.jsonld among them; a single value MUST be a string.
  if (!contexts.includes(ANNO_CONTEXT)) {
    out.push(`${where}: @context must include ${ANNO_CONTEXT} (§3.1)`);
  }
  if (Array.isArray(node['@context']) && node['@context'].length === 1) {
    out.push(`${where}: a single @context must be given as a string (§3.1)`);
  }
}

function checkId(node: Record<string, Json>, where: string, out: string[]): void {
  if (typeof node.id !== 'string' || !IRI.test(node.id)) {
    out.push(`${where}: must have exactly 1 IRI as id, has ${JSON.stringify(node.id)} (§3.1)`);
  }
}

function checkDateTimes(node: Record<string, Json>, where: string, out: string[]): void {
  // §3.3.1/§3.3.2: at most 1 created, generated, modified; xsd:dateTime in UTC written "Z".
  for (const key of ['created', 'generated', 'modified']) {
    if (node[key] === undefined) {
      continue;
    }
    if (Array.isArray(node[key]) || typeof node[key] !== 'string' || !XSD_DATETIME_UTC.test(node[key] as string)) {
      out.push(`${where}: ${key} must be one xsd:dateTime with the UTC timezone "Z", is ${JSON.stringify(node[key])} (§3.3.1)`);
    }
  }
}

function checkAgents(node: Record<string, Json>, where: string, out: string[]): void {
  for (const key of ['creator', 'generator']) {
    for (const agent of values(node[key])) {
      if (typeof agent === 'string') {
        if (!IRI.test(agent)) {
          out.push(`${where}: ${key} given as a string must be an IRI (§3.3.1)`);
        }
      } else if (isObject(agent)) {
        // §3.3.3: an Agent MUST NOT have more than 1 IRI.
        if (Array.isArray(agent.id) || (agent.id !== undefined && (typeof agent.id !== 'string' || !IRI.test(agent.id)))) {
          out.push(`${where}: ${key} must have at most 1 IRI as id (§3.3.3)`);
        }
      } else {
        out.push(`${where}: ${key} must be an IRI or an Agent (§3.3.1)`);
      }
    }
  }
}

function checkPurposes(values_: Json[], where: string, name: string, out: string[]): void {
  for (const p of values_) {
    if (typeof p !== 'string' || !(MOTIVATIONS as readonly string[]).includes(p)) {
      out.push(`${where}: ${name} ${JSON.stringify(p)} is not one of the model's motivations (§3.3.5)`);
    }
  }
}

function checkSelector(selector: Json, where: string, text: string | undefined, out: string[]): void {
  if (typeof selector === 'string') {
    if (!IRI.test(selector)) {
      out.push(`${where}: a selector given by reference must be an IRI (§4.2)`);
    }
    return;
  }
  if (!isObject(selector)) {
    out.push(`${where}: a selector must be an object or an IRI (§4.2)`);
    return;
  }
  const types = typesOf(selector);
  if (types.length !== 1) {
    out.push(`${where}: a selector must have exactly 1 type (§4.2)`);
    return;
  }
  switch (types[0]) {
    case 'TextQuoteSelector': {
      // §4.2.4: exactly 1 exact; prefix and suffix at most 1 each.
      if (typeof selector.exact !== 'string') {
        out.push(`${where}: TextQuoteSelector must have exactly 1 exact (§4.2.4)`);
      }
      for (const key of ['prefix', 'suffix']) {
        if (selector[key] !== undefined && typeof selector[key] !== 'string') {
          out.push(`${where}: TextQuoteSelector must have at most 1 ${key} (§4.2.4)`);
        }
      }
      if (text !== undefined && typeof selector.exact === 'string') {
        const before = typeof selector.prefix === 'string' ? selector.prefix : '';
        const after = typeof selector.suffix === 'string' ? selector.suffix : '';
        if (!text.includes(before + selector.exact + after)) {
          out.push(`${where}: the quote with its prefix and suffix is not in the article`);
        }
      }
      break;
    }
    case 'TextPositionSelector': {
      // §4.2.6: exactly 1 start and 1 end, each a non-negative integer, counted in code points.
      for (const key of ['start', 'end']) {
        if (!Number.isInteger(selector[key]) || (selector[key] as number) < 0) {
          out.push(`${where}: TextPositionSelector ${key} must be exactly 1 non-negative integer, is ${JSON.stringify(selector[key])} (§4.2.6)`);
        }
      }
      break;
    }
    default:
      if (typeof types[0] !== 'string') {
        out.push(`${where}: a selector type must be a class name (§4.2)`);
      }
  }
}

function checkResource(resource: Json, where: string, text: string | undefined, out: string[]): void {
  if (typeof resource === 'string') {
    // §3.2.1: an External Web Resource is identified by exactly 1 IRI.
    if (!IRI.test(resource)) {
      out.push(`${where}: a resource given as a string must be an IRI (§3.2.1)`);
    }
    return;
  }
  if (!isObject(resource)) {
    out.push(`${where}: a body or target must be an IRI or an object (§3.2)`);
    return;
  }
  const types = typesOf(resource);
  if (resource.textDirection !== undefined && !['ltr', 'rtl', 'auto'].includes(resource.textDirection as string)) {
    out.push(`${where}: textDirection must be ltr, rtl or auto (§3.2.1)`);
  }
  if (types.includes('TextualBody')) {
    // §3.2.4: exactly 1 value.
    if (typeof resource.value !== 'string') {
      out.push(`${where}: a TextualBody must have exactly 1 value (§3.2.4)`);
    }
    checkPurposes(values(resource.purpose), where, 'purpose', out);
    return;
  }
  if (types.includes('SpecificResource')) {
    // §4: exactly 1 source.
    const sources = values(resource.source);
    if (sources.length !== 1) {
      out.push(`${where}: a SpecificResource must have exactly 1 source (§4)`);
    } else {
      checkResource(sources[0], `${where}.source`, undefined, out);
    }
    checkPurposes(values(resource.purpose), where, 'purpose', out);
    const selectors = values(resource.selector);
    selectors.forEach((s, i) => checkSelector(s, `${where}.selector[${i}]`, text, out));
    // §4.2: several selectors describe the same segment; checked here against the article.
    const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector') as Record<string, Json> | undefined;
    const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector') as Record<string, Json> | undefined;
    if (text !== undefined && quote && position) {
      const selected = [...text].slice(position.start as number, position.end as number).join('');
      if (selected !== quote.exact) {
        out.push(`${where}: TextPositionSelector selects "${selected}", the TextQuoteSelector "${String(quote.exact)}" (§4.2)`);
      }
    }
    return;
  }
  if (types.includes('Choice')) {
    if (types.length !== 1) {
      out.push(`${where}: a Choice must have exactly 1 type (§3.2.7)`);
    }
    return;
  }
  // §3.2.1: External Web Resources MUST have exactly 1 id.
  if (typeof resource.id !== 'string' || !IRI.test(resource.id)) {
    out.push(`${where}: an external resource must have exactly 1 IRI as id (§3.2.1)`);
  }
}

function checkAnnotation(annotation: Json, where: string, text: string | undefined, embedded: boolean, out: string[]): void {
  if (!isObject(annotation)) {
    out.push(`${where}: an annotation must be an object`);
    return;
  }
  if (!embedded || annotation['@context'] !== undefined) {
    checkContext(annotation, where, out);
  }
  checkId(annotation, where, out);
  // §3.1: 1 or more types, Annotation among them.
  if (!typesOf(annotation).includes('Annotation')) {
    out.push(`${where}: type must include Annotation (§3.1)`);
  }
  // §3.1: 1 or more targets.
  const targets = values(annotation.target);
  if (targets.length === 0) {
    out.push(`${where}: must have 1 or more targets (§3.1)`);
  }
  targets.forEach((t, i) => checkResource(t, `${where}.target[${i}]`, text, out));
  values(annotation.body).forEach((b, i) => checkResource(b, `${where}.body[${i}]`, text, out));
  // §3.2.5: bodyValue and body are not both present.
  if (annotation.bodyValue !== undefined && annotation.body !== undefined) {
    out.push(`${where}: bodyValue and body must not both be present (§3.2.5)`);
  }
  checkPurposes(values(annotation.motivation), where, 'motivation', out);
  checkDateTimes(annotation, where, out);
  checkAgents(annotation, where, out);
}

/** Every MUST violated by a collection of annotations on `text`. */
function modelViolations(document: Json, text: string): string[] {
  const out: string[] = [];
  if (!isObject(document)) {
    return ['the document must be a JSON object'];
  }
  if (JSON.stringify(JSON.parse(JSON.stringify(document))) !== JSON.stringify(document)) {
    out.push('the document must survive JSON serialisation unchanged');
  }
  checkContext(document, 'collection', out);
  checkId(document, 'collection', out);
  // §5.1: 1 or more types, AnnotationCollection among them; label a string; total a non-negative integer.
  if (!typesOf(document).includes('AnnotationCollection')) {
    out.push('collection: type must include AnnotationCollection (§5.1)');
  }
  for (const label of values(document.label)) {
    if (typeof label !== 'string') {
      out.push('collection: label must be a string (§5.1)');
    }
  }
  if (document.total !== undefined && (!Number.isInteger(document.total) || (document.total as number) < 0)) {
    out.push('collection: total must be a non-negative integer (§5.1)');
  }
  checkDateTimes(document, 'collection', out);
  checkAgents(document, 'collection', out);
  const first = document.first;
  if ((document.total as number) > 0 && values(first).length !== 1) {
    out.push('collection: with annotations it must have exactly 1 first page (§5.1)');
  }
  if (isObject(first)) {
    checkId(first, 'page', out);
    // §5.2: AnnotationPage type; items an array of 1 or more annotations; startIndex a non-negative integer.
    if (!typesOf(first).includes('AnnotationPage')) {
      out.push('page: type must include AnnotationPage (§5.2)');
    }
    if (!Array.isArray(first.items) || first.items.length === 0) {
      out.push('page: items must be an array of 1 or more annotations (§5.2)');
    }
    if (first.startIndex !== undefined && (!Number.isInteger(first.startIndex) || (first.startIndex as number) < 0)) {
      out.push('page: startIndex must be a non-negative integer (§5.2)');
    }
    values(first.items).forEach((a, i) => checkAnnotation(a, `items[${i}]`, text, true, out));
    const ids = values(first.items).map((a) => (isObject(a) ? a.id : undefined));
    if (new Set(ids).size !== ids.length) {
      out.push('page: annotation ids must each identify one annotation (§3.1)');
    }
  }
  return out;
}

describe('w3c', () => {
  // Imported in before(), not while mocha loads the file, so a run that skips this suite does not pay for it.
  let text: string;
  let annotations: Annotations;
  before(() => {
    text = readFileSync(join(FIXTURES, 'summit.txt'), 'utf8');
    annotations = importBrat(text, readFileSync(join(FIXTURES, 'summit.ann'), 'utf8'), { articleFile: 'summit.txt' }).annotations!;
  });
  const options = { articleIri: 'file:///newsroom/articles/summit.txt' };

  describe('the validator', () => {
    it('catches documents that break the model, so a pass means something', () => {
      const { collection } = exportW3C(annotations, text, options);
      const broken = JSON.parse(JSON.stringify(collection));
      broken['@context'] = ['http://www.w3.org/ns/anno.jsonld'];
      broken.first.items[0].id = 'not an iri';
      broken.first.items[1].target.selector[1].start = -1;
      broken.first.items[2].body[0].purpose = 'fact-checking';
      broken.first.items[3].target = [];
      delete broken.first.items[4].body[0].value;
      broken.first.items[5].created = '2024-05-01 10:00';
      assert.deepEqual(
        modelViolations(broken, text).map((v) => v.replace(/:.*?(§[\d.]+)\)?$/, ' $1')),
        [
          'collection §3.1',
          'items[0] §3.1',
          'items[1].target[0].selector[1] §4.2.6',
          'items[1].target[0] §4.2',
          'items[2].body[0] §3.3.5',
          'items[3] §3.1',
          'items[4].body[0] §3.2.4',
          'items[5] §3.3.1',
        ],
      );
    });
  });

  it('meets every MUST of the data model', () => {
    const { collection } = exportW3C(annotations, text, { ...options, creator: { type: 'Organization', name: 'Factcheck Desk', id: 'https://factcheck.example.org/' }, generated: new Date('2024-05-01T10:00:00.123Z') });
    assert.deepEqual(modelViolations(collection, text), []);
    assert.equal(collection.generated, '2024-05-01T10:00:00Z');
  });

  it('meets every MUST for an article without annotations, which has no page', () => {
    const { collection } = exportW3C(emptyAnnotations('blank.txt'), 'Nothing here yet.', options);
    assert.equal(collection.total, 0);
    assert.equal(collection.first, undefined);
    assert.deepEqual(modelViolations(collection, 'Nothing here yet.'), []);
  });

  it('writes one annotation per mention and per claim, in reading order', () => {
    const { collection } = exportW3C(annotations, text, options);
    const mentions = annotations.actors.reduce((n, a) => n + a.mentions.length, 0);
    assert.equal(collection.total, mentions + annotations.claims.length);
    const starts = collection.first!.items.map((a) => {
      const t = Array.isArray(a.target) ? a.target[0] : a.target;
      return (t.selector as { start?: number }[])[1].start!;
    });
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('counts positions in code points, past emoji', () => {
    const { collection } = exportW3C(annotations, text, options);
    const last = collection.first!.items.find((a) => a.body.some((b) => b.type === 'TextualBody' && b.value === 'In progress'))!;
    const target = last.target as { selector: { start?: number; exact?: string }[] };
    assert.equal(target.selector[0].exact, 'turnout in the 2021 election was 49.4 per cent');
    assert.equal(target.selector[1].start, 983, 'as the brat file has it');
  });

  it('gives a discontinuous mention one target per fragment', () => {
    const { collection } = exportW3C(annotations, text, options);
    const group = collection.first!.items.find((a) => a.body.some((b) => b.type === 'TextualBody' && b.value === 'Armenian foreign ministers'))!;
    assert.ok(Array.isArray(group.target));
    assert.deepEqual(
      group.target.map((t) => (t.selector as { exact?: string }[])[0].exact),
      ['Armenian', 'foreign ministers'],
    );
  });

  it('tags types, identifies actors, assesses verdicts and describes notes and claimants', () => {
    const { collection } = exportW3C(annotations, text, { ...options, actorTypeLabels: { country: 'Country' } });
    const armenia = collection.first!.items.find((a) => a.body.some((b) => b.type === 'TextualBody' && b.value === 'Armenia'))!;
    assert.equal(armenia.motivation, 'identifying');
    assert.deepEqual(armenia.body, [
      { type: 'TextualBody', value: 'Country', purpose: 'tagging', format: 'text/plain' },
      { type: 'TextualBody', value: 'Armenia', purpose: 'identifying', format: 'text/plain' },
      { type: 'SpecificResource', source: 'http://www.wikidata.org/entity/Q399', purpose: 'identifying' },
    ]);
    const c1 = collection.first!.items.find((a) => a.motivation === 'assessing')!;
    assert.deepEqual(
      c1.body.map((b) => `${b.purpose}:${b.type === 'TextualBody' ? b.value : b.source}`),
      ['tagging:Claim', 'tagging:Checked', 'assessing:Mostly false', 'describing:Claimant: Pashinyan', 'describing:The official minutes list 12 agreed articles, not 15.'],
    );
    assert.equal(collection.first!.items.filter((a) => a.motivation === 'questioning').length, 2);
  });

  it('keeps ids stable across exports and unique within one', () => {
    const a = exportW3C(annotations, text, options).collection;
    const b = exportW3C(annotations, text, options).collection;
    assert.deepEqual(a.first!.items.map((x) => x.id), b.first!.items.map((x) => x.id));
    assert.match(a.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const based = exportW3C(annotations, text, { ...options, baseIri: 'https://annotations.example.org/' }).collection;
    assert.equal(based.first!.items[0].id, 'https://annotations.example.org/summit.txt/actors/yerevan/mentions/1');
  });

  it('targets the published article when its URL is known, and links sources', () => {
    const copy: Annotations = structuredClone(annotations);
    copy.article.url = 'https://news.example.com/2024/05/yerevan-summit';
    copy.claims[0].sources.push({ url: 'https://www.consilium.europa.eu/en/press/' });
    const { collection } = exportW3C(copy, text, options);
    const c1 = collection.first!.items.find((a) => a.motivation === 'assessing')!;
    assert.equal((c1.target as { source: string }).source, 'https://news.example.com/2024/05/yerevan-summit');
    assert.deepEqual(c1.body.at(-1), { type: 'SpecificResource', source: 'https://www.consilium.europa.eu/en/press/', purpose: 'linking' });
    assert.deepEqual(modelViolations(collection, text), []);
  });

  it('exports an orphaned claim by its quote alone, with a warning', () => {
    const t = 'The minister said inflation had halved.';
    const copy = emptyAnnotations('short.txt');
    copy.claims.push({ id: 'c1', anchor: { ...anchorAt(t, 18, 38), orphaned: true }, status: 'unchecked', sources: [] });
    const { collection, warnings } = exportW3C(copy, 'The minister resigned.', options);
    const target = collection.first!.items[0].target as { selector: unknown };
    assert.deepEqual(target.selector, { type: 'TextQuoteSelector', exact: 'inflation had halved', prefix: 'The minister said ', suffix: '.' });
    assert.deepEqual(warnings.map((w) => w.code), ['no-article-url', 'orphaned']);
  });

  it('never writes a local path: without a web address the source is a name-based URN, the same on every machine, with a warning saying what to fill', () => {
    const here = exportW3C(annotations, text, options);
    const there = exportW3C(annotations, text, { articleIri: 'file:///home/someone/elsewhere/summit.txt' });
    assert.doesNotMatch(JSON.stringify(here.collection), /file:|newsroom/);
    const source = (here.collection.first!.items[0].target as { source: string }).source;
    assert.match(source, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal((there.collection.first!.items[0].target as { source: string }).source, source);
    assert.deepEqual(there.collection.first!.items.map((a) => a.id), here.collection.first!.items.map((a) => a.id));
    const warning = here.warnings.find((w) => w.code === 'no-article-url');
    assert.match(warning!.message, /Newsmark: Set Article Details… or set article\.url/);
    assert.deepEqual(modelViolations(here.collection, text), []);
  });

  it('targets the article’s web address from the sidecar, with no warning about it', () => {
    const copy: Annotations = structuredClone(annotations);
    copy.article.url = 'https://news.example.com/2024/05/yerevan-summit';
    const { collection, warnings } = exportW3C(copy, text, options);
    const sources = collection.first!.items.flatMap((a) => (Array.isArray(a.target) ? a.target : [a.target]).map((t) => t.source));
    assert.deepEqual([...new Set(sources)], ['https://news.example.com/2024/05/yerevan-summit']);
    assert.deepEqual(warnings.filter((w) => w.code === 'no-article-url'), []);
  });

  it('names no creator when the setting has no name, rather than writing an empty one', () => {
    for (const creator of [{}, { name: '  ' }, { id: 'https://factcheck.example.org/' }]) {
      const { collection, warnings } = exportW3C(annotations, text, { ...options, creator });
      assert.ok(collection.first!.items.every((a) => !('creator' in a)), JSON.stringify(creator));
      assert.equal(warnings.some((w) => w.code === 'no-creator-name'), Object.keys(creator).length > 0);
    }
    const { warnings } = exportW3C(annotations, text, { ...options, creator: { id: 'https://factcheck.example.org/' } });
    assert.match(warnings.find((w) => w.code === 'no-creator-name')!.message, /newsmark\.export\.w3c\.creator .*"name"/);
    const named = exportW3C(annotations, text, { ...options, creator: { name: 'Factcheck Desk' } }).collection;
    assert.deepEqual(named.first!.items[0].creator, { type: 'Organization', name: 'Factcheck Desk' });
    const badId = exportW3C(annotations, text, { ...options, creator: { name: 'Factcheck Desk', id: 'our desk' } });
    assert.deepEqual(badId.collection.first!.items[0].creator, { type: 'Organization', name: 'Factcheck Desk' });
    assert.match(badId.warnings.find((w) => w.code === 'creator-id')!.message, /"our desk", is not an address/);
  });

  it('gives the editor’s empty default creator setting no creator through the shared export entry', () => {
    const { content } = exportArticle('w3c', 'file:///newsroom/summit.txt', annotations, text, { ...DEFAULT_EXPORT_SETTINGS, w3c: { creator: {} } });
    assert.doesNotMatch(content, /"creator"|file:/);
  });

  it('writes JSON that HTML can embed in a script element and that reads back the same', () => {
    const t = 'She wrote </script><script>alert(1)</script> and <!-- hidden --> then\u2028left.';
    const copy = emptyAnnotations('</script>.txt');
    copy.actors.push({ id: 'she', name: '</ScRiPt>\u2029', type: 'person', notes: '<!--', mentions: [anchorAt(t, 0, 3)] });
    copy.claims.push({ id: 'c1', anchor: anchorAt(t, 10, t.length - 1), status: 'unchecked', sources: [] });
    const { content } = exportArticle('w3c', 'file:///a.txt', copy, t, DEFAULT_EXPORT_SETTINGS);
    assert.doesNotMatch(content, /<\/|<!--|[\u2028\u2029]/i);
    assert.match(content, /<\\\/script>/);
    const parsed = JSON.parse(content);
    assert.equal(parsed.first.items[1].target.selector[0].exact, t.slice(10, t.length - 1));
    assert.deepEqual(parsed, exportW3C(copy, t, { articleIri: 'file:///a.txt', verdicts: DEFAULT_EXPORT_SETTINGS.scale }).collection);
    assert.deepEqual(modelViolations(parsed, t), []);
  });

  describe('who made each annotation, from the sidecar', () => {
    const t = 'Nikol Pashinyan said Armenia would not take part.';
    function stamped(): Annotations {
      const a = emptyAnnotations('a.txt');
      a.article.url = 'https://news.example.com/a';
      a.actors.push({ id: 'nikol-pashinyan', name: 'Nikol Pashinyan', type: 'person', by: 'Ana', at: '2026-12-01T09:00:00Z', mentions: [{ ...anchorAt(t, 0, 15), by: 'Davit Hakobyan', at: '2026-12-02T09:00:00Z' }] });
      a.claims.push({ id: 'c1', anchor: anchorAt(t, 21, 48), status: 'checked', verdict: 'false', sources: [], by: 'Ana Petrosyan', at: '2026-12-01T09:05:00Z', reviewedBy: 'Davit Hakobyan', reviewedAt: '2026-12-03T16:40:11Z' });
      return a;
    }

    it('names the annotator as a Person creator, with created and, after a review, modified, and meets the model', () => {
      const { collection } = exportW3C(stamped(), t, { creator: { type: 'Organization', name: 'Factcheck Desk' } });
      const [mention, claim] = collection.first!.items;
      assert.deepEqual([mention.creator, mention.created, mention.modified], [{ type: 'Person', name: 'Davit Hakobyan' }, '2026-12-02T09:00:00Z', undefined]);
      assert.deepEqual([claim.creator, claim.created, claim.modified], [{ type: 'Person', name: 'Ana Petrosyan' }, '2026-12-01T09:05:00Z', '2026-12-03T16:40:11Z']);
      assert.deepEqual(modelViolations(collection, t), []);
    });

    it('keeps the configured creator for annotations that do not say who made them, and its id when it names the same person', () => {
      const a = stamped();
      delete a.actors[0].mentions[0].by;
      const { collection } = exportW3C(a, t, { creator: { type: 'Person', name: 'Ana Petrosyan', id: 'https://factcheck.example.org/ana' } });
      const [mention, claim] = collection.first!.items;
      assert.deepEqual(mention.creator, { type: 'Person', name: 'Ana Petrosyan', id: 'https://factcheck.example.org/ana' });
      assert.deepEqual(claim.creator, { id: 'https://factcheck.example.org/ana', type: 'Person', name: 'Ana Petrosyan' });
    });

    it('writes no modified that is not after created, and no created for an old sidecar but what another tool recorded', () => {
      const a = stamped();
      a.claims[0].reviewedAt = a.claims[0].at;
      assert.equal(exportW3C(a, t, {}).collection.first!.items[1].modified, undefined);
      for (const c of a.claims) {
        delete c.at;
        delete c.by;
        c.extra = { created: '2024-05-01T10:00:00Z' };
      }
      const claim = exportW3C(a, t, {}).collection.first!.items[1];
      assert.deepEqual([claim.created, claim.creator], ['2024-05-01T10:00:00Z', undefined]);
    });
  });
});
