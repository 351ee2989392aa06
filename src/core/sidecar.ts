// The sidecar codec: reads `<article>.annotations.yaml` into annotations with positioned problems, and writes it back keeping hand edits.

import type { ErrorObject, ValidateFunction } from 'ajv';
import { FAILSAFE_SCHEMA, load as loadYamlData, Type } from 'js-yaml';
import { type Document, isScalar, LineCounter, parseDocument, Schema, type ScalarTag, visit, type Node as YamlNode } from 'yaml';
import { describeConflict } from './conflicts';
import { sha256 } from './hash';
import { type Actor, type Anchor, type Annotations, type Claim, FORMAT_VERSION } from './model';
import { CodePointIndex } from './offsets';
import { carryProvenance } from './provenance';
import {
  describeSchemaError,
  NESTING_LIMIT,
  nodeAt,
  type ProblemCode,
  scanSidecar,
  type SidecarProblem,
  syntaxWords,
  unclosedBracket,
  UNREADABLE_WORDS,
} from './sidecarProblems';
import { sidecarValidator } from './sidecarSchema';
import { shorten } from './text';

export { NESTING_LIMIT, type ProblemCode, type SidecarProblem } from './sidecarProblems';
export { encodeSidecar, toSidecarData } from './sidecarWriter';

/** The sidecar file name for an article file name: `csto.txt` → `csto.txt.annotations.yaml`. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

export function sidecarNameFor(articleFileName: string): string {
  return articleFileName + SIDECAR_SUFFIX;
}

export interface DecodeOptions {
  /** Actor type ids the user has configured; others are reported as warnings. */
  actorTypes?: readonly string[];
  /** Verdict ids of the configured scale; others are reported as warnings. */
  verdicts?: readonly string[];
  /**
   * Only the annotations are wanted (the workspace index): read the data with a faster
   * parser that keeps no positions and no document. A sidecar with any problem is read
   * again the full way, so its problems still come back positioned.
   */
  dataOnly?: boolean;
  /**
   * For display: read the fast way when it can, and parse the comment-preserving Document only
   * when `document` is first asked for (by a write). A sidecar the fast reader declines, or
   * with any problem to position, is read the full way at once.
   */
  lazyDocument?: boolean;
}

export interface DecodeResult {
  /** Present only when the sidecar has no errors (warnings allowed). */
  annotations?: Annotations;
  problems: SidecarProblem[];
  /**
   * The parsed document, kept so that writing back preserves comments and key order. After a
   * fast read with `lazyDocument` it is parsed on first use.
   */
  document?: Document;
  /**
   * The article changed since the sidecar was written (its sha256 differs): the anchors hold
   * their old positions only as hints and must be re-attached before use.
   */
  stale: boolean;
}

let compiled: ValidateFunction | undefined;

/** The schema validator, obtained on first use: activation should not pay for it before an article is opened. */
function validateSchema(data: unknown): boolean {
  compiled ??= sidecarValidator();
  const valid = compiled(data);
  validateSchema.errors = compiled.errors;
  return valid;
}
validateSchema.errors = undefined as ErrorObject[] | null | undefined;

/**
 * Reads a sidecar against the article text as stored on disk. Never throws: every problem
 * comes back positioned on the sidecar. Anchors come back in UTF-16 offsets.
 */
export function decodeSidecar(source: string, articleText: string, options: DecodeOptions = {}): DecodeResult {
  try {
    const fast = options.dataOnly || options.lazyDocument ? decodeDataOnly(source, articleText, options) : undefined;
    if (fast) {
      return options.lazyDocument ? withLazyDocument(fast, source) : fast;
    }
    return decodeFully(source, articleText, options);
  } catch {
    // Every input the reader could not cope with so far has its own problem above; should
    // another turn up, it is still the user's file that is bad, not a reason to crash.
    return { problems: [{ code: 'unreadable', severity: 'error', message: UNREADABLE_WORDS, offset: 0, length: 1, line: 1, column: 1 }], stale: false };
  }
}

/**
 * The fast read with its Document parsed the first time it is asked for. The fast reader only
 * takes what the full one reads without a problem, so the parse has no errors; should it have
 * one all the same, the write that asked fails rather than write the sidecar without its
 * comments.
 */
function withLazyDocument(result: DecodeResult, source: string): DecodeResult {
  let document: Document | undefined;
  return Object.defineProperty(result, 'document', {
    enumerable: false,
    get(): Document {
      if (!document) {
        const parsed = parseDocument(source, { uniqueKeys: sameKey, prettyErrors: false });
        if (parsed.errors.length) {
          throw new Error('the sidecar could not be read again to keep its comments; reopen the article and try again.');
        }
        document = parsed;
      }
      return document;
    },
  });
}

/** Line and column of an offset; a byte-order mark is not a column anyone sees. */
function positioner(source: string, lineCounter: LineCounter) {
  const bom = source.charCodeAt(0) === 0xfeff;
  return (offset: number, length: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { offset, length: Math.max(length, 1), line, column: bom && line === 1 && col > 1 ? col - 1 : col };
  };
}

function decodeFully(source: string, articleText: string, options: DecodeOptions): DecodeResult {
  const lineCounter = new LineCounter();
  const at = positioner(source, lineCounter);
  const scanned = scanSidecar(source);
  if (scanned.length) {
    lineCounter.addNewLine(0);
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
      lineCounter.addNewLine(i + 1);
    }
    return { problems: scanned.map(({ code, message, offset, length }) => ({ code, severity: 'error', message, ...at(offset, length) })), stale: false };
  }
  // Keys are compared as the data will have them: `1:` and `"1":` would silently become one.
  const document = parseDocument(source, { lineCounter, uniqueKeys: sameKey, prettyErrors: false });
  const problems: SidecarProblem[] = [];
  const problem = (code: ProblemCode, message: string, node: { range?: [number, number, number] | null } | undefined, severity: 'error' | 'warning' = 'error') => {
    const [start, end] = node?.range ?? [0, 0];
    problems.push({ code, severity, message, ...at(start, end - start) });
  };

  problems.push(...syntaxProblems(document, source, at));
  if (problems.length) {
    return { problems, document, stale: false };
  }

  visit(document, {
    // Aliases can expand exponentially and make the data hard to review; a sidecar has none.
    Alias(_key, node) {
      problem('alias', `YAML aliases (*${node.source}) are not allowed in a sidecar; write the value out in full.`, node);
    },
    // Readers turn a list, a map or nothing used as a key into different texts.
    Pair(_key, pair) {
      const key = pair.key as YamlNode | null;
      if (key === null || (isScalar(key) && key.value === null)) {
        problem('key', 'This key is empty (or "~" or "null"); give it a name, or put it in quotes if the word "null" is meant.', key ?? (pair.value as YamlNode | null) ?? undefined);
      } else if (!isScalar(key)) {
        problem('key', 'A key must be a word or a text, not a list, a map or a reference; write it as plain text.', key);
      }
    },
  });
  if (problems.length) {
    return { problems, document, stale: false };
  }

  const data = document.toJS({ maxAliasCount: 0 }) as unknown;
  if (data === null || data === undefined) {
    problems.push({ code: 'schema', severity: 'error', message: 'The sidecar is empty; it needs at least "newsmark: 1" and an "article:" section.', ...at(0, 0) });
    return { problems, document, stale: false };
  }
  if (typeof data === 'object' && !Array.isArray(data) && 'newsmark' in data) {
    const version = (data as { newsmark: unknown }).newsmark;
    if (version !== FORMAT_VERSION) {
      problem(
        'format-version',
        typeof version === 'number' && version > FORMAT_VERSION
          ? `This sidecar is format version ${version}; this version of Newsmark reads version ${FORMAT_VERSION}. Update Newsmark to open it.`
          : `Unknown sidecar format version ${shorten(JSON.stringify(version) ?? String(version))}; Newsmark reads version ${FORMAT_VERSION}.`,
        nodeAt(document, ['newsmark']),
      );
      return { problems, document, stale: false };
    }
  }

  if (!validateSchema(data)) {
    for (const error of validateSchema.errors ?? []) {
      const { node, message } = describeSchemaError(document, error);
      problem('schema', message, node);
    }
    return { problems, document, stale: false };
  }

  const { annotations, stale } = buildAnnotations(data as SidecarData, articleText, options, (code, message, paths, severity) =>
    problem(code, message, paths.map((path) => nodeAt(document, path)).find(Boolean), severity),
  );
  if (problems.some((p) => p.severity === 'error')) {
    return { problems, document, stale };
  }
  return { annotations, problems, document, stale };
}

/** The reader's errors in the user's words: a key written twice, a second document, a syntax error. */
function syntaxProblems(document: Document, source: string, at: ReturnType<typeof positioner>): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  // After a bracket left open every later line is misread; that bracket is the one to fix.
  const unclosed = document.errors.length ? unclosedBracket(source) : undefined;
  for (const error of document.errors) {
    const [start, end] = error.pos;
    if (unclosed && start >= unclosed.offset) {
      continue;
    }
    if (error.code === 'DUPLICATE_KEY') {
      // yaml marks only the key's first character; the whole key reads better in the editor.
      const written = WRITTEN_KEY.exec(source.slice(start))?.[0].trimEnd() ?? '';
      const key = written.startsWith("'") ? written.slice(1, -1).replaceAll("''", "'") : written.startsWith('"') ? written.slice(1, -1) : written;
      problems.push({
        code: 'duplicate-key',
        severity: 'error',
        message: key
          ? `"${key}" is written twice here; keep one of them.`
          : 'This key is written twice here; keep one of them.',
        ...at(start, Math.max(written.length, end - start)),
      });
      continue;
    }
    const code: ProblemCode = error.code === 'MULTIPLE_DOCS' ? 'multiple-documents' : 'syntax';
    const message =
      code === 'multiple-documents'
        ? 'A sidecar holds one YAML document; remove the "---" line and everything after it, or merge it into the first document.'
        : `YAML syntax error: ${syntaxWords(error.code, error.message, source, start)}`;
    problems.push({ code, severity: 'error', message, ...at(start, end - start) });
  }
  if (unclosed) {
    problems.push({ code: unclosed.code, severity: 'error', message: unclosed.message, ...at(unclosed.offset, unclosed.length) });
  }
  return problems;
}

/**
 * A key as written: in double quotes (escapes kept as written), in single quotes, or plain up to
 * the ": " or " #" that ends it (or, in brackets, the "," or bracket); spaces before the colon are trimmed off.
 */
const WRITTEN_KEY = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s:#,{}[\]](?:[^\n:#,{}[\]]|:(?![\s,{}[\]])|(?<! )#)*)/;

function sameKey(a: unknown, b: unknown): boolean {
  return a === b || (isScalar(a) && isScalar(b) && String(a.value) === String(b.value));
}

type SidecarData = Omit<Annotations, 'actors' | 'claims'> & { actors?: Actor[]; claims?: Claim[] };
type Report = (code: ProblemCode, message: string, paths: (string | number)[][], severity?: 'error' | 'warning') => void;

/**
 * Text the fast reader might read differently from the full one, or that the full one
 * refuses: anchors and aliases, tags, directives, explicit, collection, empty or null keys,
 * merge keys, tabs, lone carriage returns, control characters, a `#` right after a closing
 * quote or bracket (a comment without the space YAML asks for, which js-yaml takes), a byte-order mark past the start, half a
 * surrogate pair, and indentation deep enough to hint at nesting past the limit (which js-yaml
 * reads slowly before it overflows). A sidecar as Newsmark writes it has none of them outside
 * its quotes; one inside a quote only costs the full read.
 *
 * Each part starts with the one character it is about, the context that makes it YAML syntax
 * looked for behind it, so the scan only stops at those characters: the same parts with a
 * line start or a choice of characters in front were tried at every character of every
 * sidecar, a fifth of the time of the workspace index. Together they match exactly the texts
 * that pattern did (`\s` holds every line break, so "after a space or at a line start" is
 * "not after anything but a space").
 */
const PART = {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  character: /[&*\t\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]/,
  highSurrogate: /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/,
  lowSurrogate: /[\uDC00-\uDFFF](?<![\uD800-\uDBFF][\uDC00-\uDFFF])/,
  carriageReturn: /\r(?!\n)/,
  comment: /["'\]}]#/,
  merge: /<</,
  directive: /^%/m,
  tag: /!(?<=(?:^|[\s[{,:])!)/m,
  explicitKey: /\?(?!\S)(?<=(?:^|[\s[{,])\?)/m,
  collectionKey: /[\]}][ ]*:/,
  emptyKey: /:(?!\S)(?<=(?:^|[[{,]|[-?] )[ ]*(?:~|null|Null|NULL)?[ ]*:)/m,
  deep: /^ {128}/m,
};
/** Every part; a text is unusual when any of them matches it. Exported for the test of hasUnusual. */
export const UNUSUAL_PARTS: readonly RegExp[] = Object.values(PART);

// The first character of every match of the first four parts: a class is the fastest scan a
// pattern has, and a sidecar without emoji or carriage returns has none of them.
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CHARACTER_START = /[&*\t\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF\uD800-\uDFFF\r]/;
const CHARACTERS = new RegExp([PART.character, PART.highSurrogate, PART.lowSurrogate, PART.carriageReturn].map((part) => part.source).join('|'));
/** The two parts about a ":" in one scan: every key has one, and one stop at each serves both. */
const COLON = new RegExp([PART.collectionKey, PART.emptyKey].map((part) => part.source).join('|'), 'm');
/** `^%` with `m` is a "%" at the start or after a line break (`\n`, `\r`, U+2028, U+2029), which a class finds faster. */
const DIRECTIVE_AFTER_BREAK = /[\n\r\u2028\u2029]%/;
/** Parts with text that every match of theirs holds, which most sidecars do not have at all: looked for only where it is. */
const NEEDING: readonly (readonly [string, RegExp])[] = [
  ['#', PART.comment],
  ['<<', PART.merge],
  ['!', PART.tag],
  ['?', PART.explicitKey],
  [' '.repeat(128), PART.deep],
];

/**
 * Whether any of UNUSUAL_PARTS matches the text, each part looked for only where a cheaper
 * look finds what it needs. All twelve in one pattern stopped at every space, colon, quote
 * and bracket to try each part there: twice the time of these scans together, and a tenth of
 * the fast read.
 */
export function hasUnusual(text: string): boolean {
  return (
    (CHARACTER_START.test(text) && CHARACTERS.test(text)) ||
    COLON.test(text) ||
    text.startsWith('%') ||
    DIRECTIVE_AFTER_BREAK.test(text) ||
    NEEDING.some(([needed, part]) => text.includes(needed) && part.test(text))
  );
}

/** Deeper data than this takes the full read, whose count of levels may err by one per line. */
const FAST_DEPTH_LIMIT = NESTING_LIMIT / 2 - 1;
/** YAML puts a key's ":" at most 1024 characters after the key's start; the full reader enforces it. */
const FAST_KEY_LIMIT = 1000;

/**
 * YAML 1.2's core schema, for js-yaml, made of the full reader's own tests and conversions,
 * so that plain values (`0b101`, `+.5`, `1e400`, `~`) mean the same on both paths. Made on
 * first use: the editor loads the YAML libraries when it first reads a sidecar, not at start.
 */
let fastSchema: ReturnType<typeof FAILSAFE_SCHEMA.extend> | undefined;
function coreSchema(): ReturnType<typeof FAILSAFE_SCHEMA.extend> {
  if (fastSchema) {
    return fastSchema;
  }
  const CORE_TAGS = new Schema({}).tags.filter((tag): tag is ScalarTag & { test: RegExp } => tag.default === true && 'test' in tag && tag.test instanceof RegExp);
  // Most plain values are words (ids, names, quotes): one test of every tag's pattern at once
  // turns them down at their first character, where a test per tag took a tenth of the read.
  // yaml's core patterns have no flags, which joining them would drop (a test checks it).
  const anyTag = new RegExp(CORE_TAGS.map((tag) => `(?:${tag.test.source})`).join('|'));
  return (fastSchema = FAILSAFE_SCHEMA.extend({
    implicit: [
      new Type('tag:newsmark,2024:core-plain', {
        kind: 'scalar',
        resolve: (text: string | null) => text === null || anyTag.test(text),
        construct: (text: string | null) => {
          const tag = text === null ? undefined : CORE_TAGS.find((t) => t.test.test(text));
          const value = tag?.resolve(text!, () => {}, { intAsBigInt: false } as never) ?? null;
          return isScalar(value) ? value.value : value;
        },
      }),
    ],
  }));
}

/**
 * Reads the fast way: plain data, no positions. Undefined when the sidecar has anything to
 * report, or anything the two readers might take differently, so the caller reads it fully.
 */
function decodeDataOnly(source: string, articleText: string, options: DecodeOptions): DecodeResult | undefined {
  if (hasUnusual(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source)) {
    return undefined;
  }
  let data: unknown;
  try {
    data = loadWithinBounds(source);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || (data as { newsmark?: unknown }).newsmark !== FORMAT_VERSION || !validateSchema(data)) {
    return undefined;
  }
  let reported = false;
  const { annotations, stale } = buildAnnotations(data as SidecarData, articleText, options, () => {
    reported = true;
  });
  return reported ? undefined : { annotations, problems: [], stale };
}

/**
 * js-yaml's reading of the text; undefined if a value or a flow collection runs over several
 * lines, where YAML readers differ on how far continuation lines must be indented (Newsmark
 * never writes them: a multi-line note is a "|" block), if it nests deeper than the fast read
 * goes, or if a key's ":" may be further from the key's start than YAML allows.
 */
function loadWithinBounds(source: string): unknown {
  // Where each open node starts, as two stacks of numbers: a pair per node was garbage to collect.
  const positions: number[] = [];
  const lines: number[] = [];
  // Only a line that long can hold a key that long; most sidecars have none, and skip the look at each scalar.
  const longLines = !linesShortEnough(source);
  let unusual = false;
  const data = loadYamlData(source, {
    schema: coreSchema(),
    listener(event, state) {
      if (event === 'open') {
        positions.push(state.position);
        lines.push(state.line);
        unusual ||= positions.length > FAST_DEPTH_LIMIT;
        return;
      }
      const position = positions.pop()!;
      const multiLine = state.line > lines.pop()!;
      if (multiLine || (longLines && state.kind === 'scalar')) {
        // A node's events start before the spaces in front of it.
        let first = position;
        while (first < source.length && WHITE_SPACE.test(source[first])) {
          first++;
        }
        if (multiLine) {
          const c = source.charAt(first);
          unusual ||= state.kind === 'scalar' ? c !== '|' && c !== '>' : c === '[' || c === '{';
        } else {
          // A key's length is measured in the text, up to its ":": escapes and spaces before the colon count.
          let colon = state.position;
          while (source.charAt(colon) === ' ') {
            colon++;
          }
          unusual ||= source.charAt(colon) === ':' && colon - first > FAST_KEY_LIMIT;
        }
      }
    },
  });
  return unusual ? undefined : data;
}

const WHITE_SPACE = /\s/;

/** No line longer than a key may be: a key is written on one line, so then no key is too long. */
function linesShortEnough(source: string): boolean {
  let start = 0;
  for (let end = source.indexOf('\n'); end >= 0; end = source.indexOf('\n', start)) {
    if (end - start > FAST_KEY_LIMIT) {
      return false;
    }
    start = end + 1;
  }
  return source.length - start <= FAST_KEY_LIMIT;
}

/** The annotations in validated sidecar data, with semantic problems (ids, claimants, anchors) reported by path. */
function buildAnnotations(sidecar: SidecarData, articleText: string, options: DecodeOptions, report: Report): { annotations: Annotations; stale: boolean } {
  const actors = sidecar.actors ?? [];
  const claims = sidecar.claims ?? [];
  checkIds(actors, claims, report);
  checkClaims(claims, new Set(actors.map((a) => a.id)), options, report);
  checkActorTypes(actors, options, report);

  const stale = sidecar.article.sha256 !== undefined && sidecar.article.sha256 !== sha256(articleText);
  // Where an anchor is and what it belongs to, worded only for a problem to report.
  const where = (i: number, j: number): [(string | number)[], string] =>
    j < 0 ? [['claims', i, 'anchor'], `claim "${claims[i].id}"`] : [['actors', i, 'mentions', j], `mention of "${actors[i].name}"`];
  const readAnchor = anchorReader(articleText, stale, report, where);
  // The data was read for this decode alone: its objects become the annotations in place, in
  // the order of their keys as read, rather than be copied (a copy of every actor and claim
  // was a twentieth of the index's read).
  actors.forEach((actor, i) => {
    actor.mentions = (actor.mentions ?? []).map((m, j) => carryProvenance(readAnchor(m, i, j), m));
  });
  claims.forEach((claim, i) => {
    claim.sources ??= [];
    claim.anchor = readAnchor(claim.anchor, i, -1);
  });
  const decoded: Annotations = { article: { ...sidecar.article }, actors, claims };
  if (sidecar.suggestions) {
    decoded.suggestions = sidecar.suggestions;
  }
  if (sidecar.extra) {
    decoded.extra = sidecar.extra;
  }
  if (sidecar.conflicts?.length) {
    decoded.conflicts = sidecar.conflicts;
    sidecar.conflicts.forEach((c, i) => report('merge-conflict', `${describeConflict(c)}. Keep yours or take theirs, then this record goes.`, [['conflicts', i]], 'warning'));
  }
  return { annotations: decoded, stale };
}

/** Every actor and claim id is used once; a second use is reported where it is. */
function checkIds(actors: Actor[], claims: Claim[], report: Report): void {
  const seen = new Map<string, string>();
  const checkId = (id: string, path: [string, number, string], what: string) => {
    const first = seen.get(id);
    if (first) {
      report('duplicate-id', `The id "${id}" is already used by ${first}; give every actor and claim an id of its own.`, [path]);
    } else {
      seen.set(id, what);
    }
  };
  actors.forEach((actor, i) => checkId(actor.id, ['actors', i, 'id'], `actor ${i + 1} ("${actor.name}")`));
  claims.forEach((claim, i) => checkId(claim.id, ['claims', i, 'id'], `claim ${i + 1}`));
}

/** A claim's claimant is one of the actors, and its verdict is on the scale (read as text). */
function checkClaims(claims: Claim[], actorIds: ReadonlySet<string>, options: DecodeOptions, report: Report): void {
  claims.forEach((claim, i) => {
    if (claim.claimant !== undefined && !actorIds.has(claim.claimant)) {
      report(
        'unknown-claimant',
        `Claim "${claim.id}" names the claimant "${claim.claimant}", but no actor has that id. Add the actor, or remove "claimant" to attribute the claim to the article itself.`,
        [['claims', i, 'claimant']],
      );
    }
    if (typeof claim.verdict === 'boolean') {
      // A hand-written `verdict: true` is YAML's boolean; the scale's id is the text "true".
      claim.verdict = String(claim.verdict);
    }
    if (options.verdicts && claim.verdict !== undefined && !options.verdicts.includes(claim.verdict)) {
      report(
        'unknown-verdict',
        `Claim "${claim.id}" has the verdict "${claim.verdict}", which is not on the verdict scale (${options.verdicts.join(', ')}).`,
        [['claims', i, 'verdict']],
        'warning',
      );
    }
  });
}

function checkActorTypes(actors: Actor[], options: DecodeOptions, report: Report): void {
  const types = options.actorTypes;
  if (!types) {
    return;
  }
  actors.forEach((actor, i) => {
    if (!types.includes(actor.type)) {
      report(
        'unknown-actor-type',
        `Actor "${actor.id}" has the type "${actor.type}", which is not one of the configured actor types (${types.join(', ')}).`,
        [['actors', i, 'type']],
        'warning',
      );
    }
  });
}

/**
 * Reads an anchor's code-point offsets into UTF-16 ones on the article, reporting one that
 * reaches past the text or quotes other text than the article has there.
 */
function anchorReader(articleText: string, stale: boolean, report: Report, where: (i: number, j: number) => [(string | number)[], string]) {
  const index = new CodePointIndex(articleText);
  return (anchor: Anchor & { changed?: boolean }, i: number, j: number): Anchor => {
    const result: Anchor = {
      start: 0,
      end: 0,
      quote: anchor.quote,
      prefix: anchor.prefix ?? '',
      suffix: anchor.suffix ?? '',
    };
    if (anchor.orphaned) {
      result.orphaned = true;
    }
    const start = index.toUtf16(anchor.start);
    const end = index.toUtf16(anchor.end);
    if (stale || anchor.orphaned) {
      // Old positions are only a hint for re-attachment; keep them inside the text.
      result.start = start ?? Math.min(anchor.start, articleText.length);
      result.end = Math.max(result.start, end ?? Math.min(anchor.end, articleText.length));
      return result;
    }
    if (start === undefined || end === undefined || anchor.end < anchor.start) {
      const [path, what] = where(i, j);
      report(
        'anchor-out-of-range',
        anchor.end < anchor.start
          ? `The ${what} ends (${anchor.end}) before it starts (${anchor.start}); "end" must not be less than "start".`
          : `The ${what} spans ${anchor.start}–${anchor.end}, but the article is only ${index.codePointLength} characters long.`,
        [path],
      );
      return result;
    }
    result.start = start;
    result.end = end;
    // The text there is the quote: compared in place, the text cut out only to word a problem.
    if ((end - start !== anchor.quote.length || !articleText.startsWith(anchor.quote, start)) && !anchor.changed) {
      const [path, what] = where(i, j);
      const actual = articleText.slice(start, end);
      report(
        'anchor-mismatch',
        `The ${what} quotes "${shorten(anchor.quote)}", but the article has "${shorten(actual)}" at ${anchor.start}–${anchor.end}.`,
        [[...path, 'quote'], path],
      );
    }
    return result;
  };
}
