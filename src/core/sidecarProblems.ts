// Problems in a sidecar, in the words of someone editing it by hand: what is refused before parsing (nesting, tags, directives, stray characters) and how parser and schema errors are put.

import type { ErrorObject } from 'ajv';
import { CST, Document, isMap, isPair, isScalar, Lexer, type Node as YamlNode } from 'yaml';
import { childKind, KEY_ORDER } from './sidecarWriter';
import { editDistance, shorten } from './text';

export type ProblemCode =
  | 'syntax'
  | 'duplicate-key'
  | 'alias'
  | 'multiple-documents'
  | 'format-version'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-claimant'
  | 'anchor-out-of-range'
  | 'anchor-mismatch'
  | 'unknown-actor-type'
  | 'unknown-verdict'
  | 'orphaned'
  | 'changed'
  | 'nesting'
  | 'tag'
  | 'directive'
  | 'character'
  | 'line-break'
  | 'key'
  | 'merge-conflict'
  | 'unreadable'
  // The file as a whole could not be taken as text (src/core/fileRules.ts).
  | 'encoding'
  | 'not-a-file'
  | 'too-large';

/** A problem found in a sidecar, positioned on the sidecar text (line and column are 1-based). */
export interface SidecarProblem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** A problem found in the text, before the parts around it mean anything. */
export interface TextProblem {
  code: ProblemCode;
  message: string;
  offset: number;
  length: number;
}

/**
 * How deeply lists and maps may nest. A sidecar needs about six levels (actors, an actor, its
 * mentions, a mention) and imported "extra" data a few more; the YAML reader and the schema
 * check recurse once per level, and some thousands of levels overflow the stack.
 */
export const NESTING_LIMIT = 64;

/** At most this many problems of one kind are listed: a binary file would otherwise give thousands. */
const MAX_LISTED = 20;

/**
 * Characters YAML does not allow in a file (C0 and C1 controls other than tab, line feed,
 * carriage return and NEL; U+FFFE and U+FFFF; half a surrogate pair). Readers differ on
 * them, and none belongs in a fact-checker's notes.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const FORBIDDEN_CHARACTER = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A carriage return not followed by a line feed: a line break to some readers, text to others. */
const LONE_CR = /\r(?!\n)/g;

/**
 * What must be refused before the text is handed to the YAML reader: characters it would
 * misread, nesting that would overflow the stack, and tags and directives that change what
 * plain values mean. One linear pass of the lexer, which does not recurse.
 */
export function scanSidecar(source: string): TextProblem[] {
  const characters = [...characterProblems(source, FORBIDDEN_CHARACTER, forbiddenWords), ...characterProblems(source, LONE_CR, () => LONE_CR_WORDS)];
  return characters.length ? characters.sort((a, b) => a.offset - b.offset) : structureProblems(source);
}

const LONE_CR_WORDS =
  'a line ends here with a lone carriage return (CR), as in old Mac files, which YAML readers disagree on; save the sidecar with LF or CRLF line endings.';

function forbiddenWords(character: string): string {
  const code = character.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = code >= 0xd800 && code <= 0xdfff ? `half of a character (${hex} without its pair)` : code >= 0xfffe ? `the non-character ${hex}` : `the control character ${hex}`;
  return `the sidecar contains ${what}, which a text file cannot hold; remove it. The file may be damaged, or not be a sidecar at all.`;
}

function characterProblems(source: string, pattern: RegExp, words: (character: string) => string): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const match of source.matchAll(pattern)) {
    problems.push({ code: pattern === LONE_CR ? 'line-break' : 'character', message: capitalise(words(match[0])), offset: match.index, length: 1 });
    if (problems.length === MAX_LISTED) {
      break;
    }
  }
  return problems;
}

/** One open block collection while scanning: the column its items start at, and whether it is a list. */
interface Level {
  column: number;
  list: boolean;
}

/**
 * Tags, directives and nesting, from the lexer's tokens. Block nesting is followed by
 * indentation (a node further right than the one above is inside it; a list may sit at its
 * key's column), flow nesting by brackets; a value on its key's line counts as one more level,
 * so the count errs on the deep side by at most one per line.
 */
function structureProblems(source: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const levels: Level[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let scalarNext = false;
  const nodeAt = (at: number, list: boolean): boolean => {
    if (flow === 0) {
      const column = at - lineStart;
      while (levels.length && levels[levels.length - 1].column > column) {
        levels.pop();
      }
      let top = levels[levels.length - 1];
      if (top && top.column === column && top.list && !list) {
        levels.pop();
        top = levels[levels.length - 1];
      }
      if (!top || top.column < column || (list && !top.list)) {
        levels.push({ column, list });
      }
    }
    return levels.length + flow > NESTING_LIMIT;
  };
  for (const token of new Lexer().lex(source)) {
    // The lexer's markers (start of a document, of a scalar, end of a broken flow) are not in the source.
    if (!scalarNext && (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR)) {
      scalarNext = token === CST.SCALAR;
      flow = token === CST.FLOW_END ? 0 : flow;
      continue;
    }
    const at = offset;
    offset += token.length;
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    const newline = token.lastIndexOf('\n');
    let tooDeep = false;
    switch (type) {
      case 'scalar':
      case 'alias':
      case 'explicit-key-ind':
        tooDeep = nodeAt(at, false);
        break;
      case 'seq-item-ind':
        tooDeep = nodeAt(at, true);
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        tooDeep = nodeAt(at, false);
        flow++;
        tooDeep ||= levels.length + flow > NESTING_LIMIT;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'doc-start':
        levels.length = 0;
        flow = 0;
        break;
      case 'tag':
        problems.push({ code: 'tag', message: tagWords(token), offset: at, length: token.length });
        break;
      case 'directive-line':
        if (!/^%YAML[ \t]+1\.2(?:[ \t#]|$)/.test(token)) {
          problems.push({ code: 'directive', message: directiveWords(token), offset: at, length: token.length });
        }
        break;
    }
    if (newline >= 0) {
      lineStart = at + newline + 1;
    }
    if (tooDeep) {
      // Nothing after this point can be read safely; the first place is the one to show.
      const message = `Lists and maps are nested more than ${NESTING_LIMIT} levels deep here; a sidecar needs about 6. The file may be damaged, or not be a Newsmark sidecar.`;
      return [{ code: 'nesting', message, offset: at, length: Math.max(1, token.length) }];
    }
    if (problems.length === MAX_LISTED) {
      break;
    }
  }
  return problems;
}

/**
 * The first "{" or "[" that is never closed, where it opens. The reader then takes every line
 * after it for something else and reports each one; only this one says what to fix. The lexer
 * marks the place where it gives up on an open flow collection.
 */
export function unclosedBracket(source: string): TextProblem | undefined {
  const open: { at: number; map: boolean }[] = [];
  let offset = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(source)) {
    if (!scalarNext && (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR)) {
      if (token === CST.FLOW_END && open.length) {
        break;
      }
      scalarNext = token === CST.SCALAR;
      continue;
    }
    const at = offset;
    offset += token.length;
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      open.push({ at, map: type === 'flow-map-start' });
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      open.pop();
    }
  }
  const first = open[0];
  if (!first) {
    return undefined;
  }
  const message = first.map
    ? 'YAML syntax error: the "{" here opens a map that is never closed; add the missing "}" where the map ends, at the end of its line.'
    : 'YAML syntax error: the "[" here opens a list that is never closed; add the missing "]" where the list ends.';
  return { code: 'syntax', message, offset: first.at, length: 1 };
}

function tagWords(tag: string): string {
  // A verbatim tag spells out a whole address; its start is enough to find it.
  const shown = tag.startsWith('!<') ? '!<…>' : shorten(tag, 30);
  return `"${shown}" is a YAML tag, which a sidecar does not use; remove it, and put the value in quotes if it must be read as text.`;
}

function directiveWords(line: string): string {
  const shown = line.length > 40 ? `${line.slice(0, 39)}…` : line;
  if (/^%YAML\b/.test(line)) {
    return `The line "${shown}" asks for another version of YAML, in which yes, no, on and off can mean true and false; remove it: a sidecar is read as YAML 1.2.`;
  }
  if (/^%TAG\b/.test(line)) {
    return `The line "${shown}" defines YAML tags, which a sidecar does not use; remove it.`;
  }
  return `The line "${shown}" is a YAML directive a sidecar does not use; remove it.`;
}

/** The problem for an error nothing else explains: the reader failed in a way it should not. */
export const UNREADABLE_WORDS = 'Newsmark could not read this file as a sidecar. Check that it is a Newsmark sidecar, saved as text.';

export function nodeAt(document: Document, path: (string | number)[]): YamlNode | undefined {
  const node = document.getIn(path, true);
  return node && typeof node === 'object' && 'range' in (node as object) ? (node as YamlNode) : undefined;
}

/** The map key node itself, for errors about a key (an unknown one, say). */
function keyNodeAt(document: Document, path: (string | number)[], key: string): YamlNode | undefined {
  const parent = path.length ? document.getIn(path, true) : document.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) {
      return pair.key;
    }
  }
  return undefined;
}

const FIELD_WORDS: Record<string, string> = {
  newsmark: 'the format version',
  article: 'the "article" section',
  actors: 'the list of actors',
  claims: 'the list of claims',
};

/** Turns an ajv error into a sentence about the sidecar, positioned on the offending node. */
export function describeSchemaError(document: Document, error: ErrorObject): { node?: YamlNode; message: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  const where = describePath(path);
  const node = nodeAt(document, path);
  switch (error.keyword) {
    case 'required':
      return {
        node: node ?? nodeAt(document, path.slice(0, -1)),
        message: `${capitalise(where)} is missing "${(error.params as { missingProperty: string }).missingProperty}".`,
      };
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const known = KEY_ORDER[kindOf(path)] ?? [];
      const present = isMap(node) ? node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')) : [];
      // Only keys still missing from the map: "claimnt" next to an existing "claimant" is no typo of it.
      const guess = known.find((k) => !present.includes(k) && editDistance(k, key, 2) <= 2);
      return {
        node: keyNodeAt(document, path, key) ?? node,
        message: guess
          ? `${capitalise(where)} has an unknown key "${key}"; did you mean "${guess}"?`
          : known.length
            ? `${capitalise(where)} has an unknown key "${key}"; the keys allowed here are: ${known.join(', ')}.`
            : `${capitalise(where)} has an unknown key "${key}"; check its spelling.`,
      };
    }
    case 'type':
      return { node, message: `${capitalise(where)} must be ${typeWords((error.params as { type: string | string[] }).type)}.` };
    case 'enum':
      return {
        node,
        message: `${capitalise(where)} must be one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}.`,
      };
    case 'pattern':
      return { node, message: `${capitalise(where)} ${patternWords(path)}` };
    case 'minimum':
      return { node, message: `${capitalise(where)} must not be negative.` };
    case 'minLength':
      return { node, message: `${capitalise(where)} must not be empty.` };
    case 'const':
      return { node, message: `${capitalise(where)} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}.` };
    default:
      return { node, message: `${capitalise(where)}: ${error.message ?? 'is not valid'}.` };
  }
}

/** Which KEY_ORDER entry describes the map at a path. */
function kindOf(path: (string | number)[]): string {
  let kind = 'root';
  for (const part of path) {
    if (typeof part === 'string') {
      // A mention is written as an anchor, but may say who marked it.
      kind = kind === 'actor' && part === 'mentions' ? 'mention' : childKind(kind, part);
    }
  }
  return kind;
}

/** What one item of each list is called. */
const NOUNS: Record<string | number, string> = { actors: 'actor', claims: 'claim', mentions: 'mention', sources: 'source', aliases: 'alias', conflicts: 'merge record' };

function describePath(path: (string | number)[]): string {
  if (path.length === 0) {
    return 'the sidecar';
  }
  if (path.length === 1 && typeof path[0] === 'string' && FIELD_WORDS[path[0]]) {
    return FIELD_WORDS[path[0]];
  }
  // A rejected suggestion is a text, not an actor or claim: "rejected actor suggestion 2", not "actor 2 of "rejected" of …".
  const rejected = path[0] === 'suggestions' && path[1] === 'rejected' && (path[2] === 'actors' || path[2] === 'claims') && typeof path[3] === 'number';
  if (rejected) {
    return `rejected ${path[2] === 'actors' ? 'actor' : 'claim'} suggestion ${(path[3] as number) + 1}`;
  }
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const next = path[i + 1];
    if (typeof next === 'number') {
      const noun = NOUNS[part] ?? String(part);
      parts.push(`${noun} ${next + 1}`);
      i++;
    } else {
      parts.push(`"${part}"`);
    }
  }
  return parts.reverse().join(' of ');
}

function patternWords(path: (string | number)[]): string {
  const last = path[path.length - 1];
  switch (last) {
    case 'url':
    case 'archived':
      return 'must be a web address starting with http:// or https://.';
    case 'wikidata':
      return 'must be a Wikidata id such as Q42.';
    case 'accessed':
      return 'must be a date written YYYY-MM-DD.';
    case 'sha256':
      return 'must be 64 hexadecimal digits.';
    case 'at':
    case 'reviewedAt':
      return 'must be a time in UTC written like 2026-12-03T14:05:09Z (year-month-day, "T", hours:minutes:seconds, "Z").';
    case 'by':
    case 'reviewedBy':
      return 'must name who made the change; it cannot be only spaces.';
    default:
      return 'may hold only letters, digits, ".", "_" and "-", starting with a letter or digit.';
  }
}

function typeWords(type: string | string[]): string {
  const words: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of keys and values',
  };
  return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

/**
 * The YAML parser's message rephrased for someone editing by hand, with the fix for the
 * mistakes people actually make in notes and quotes; anything else keeps the parser's words.
 */
export function syntaxWords(code: string, message: string, source: string, offset: number): string {
  const restOfLine = source.slice(offset).split(/\r?\n/)[0];
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/:\s/.test(restOfLine)) {
        return 'this value contains ": ", which YAML reads as the start of another key. Put the whole value in quotes.';
      }
      break;
    case 'TAB_AS_INDENT':
      return 'indent with spaces; YAML does not allow tabs at the start of a line.';
    case 'BAD_SCALAR_START':
      return `a value cannot start with "${restOfLine.charAt(0)}" unless it is quoted. Put the whole value in quotes.`;
    case 'MISSING_CHAR':
      if (/closing "quote/.test(message)) {
        return 'a value opened with " is never closed; add the closing " where the value ends.';
      }
      if (/closing 'quote/.test(message)) {
        return "a value opened with ' is never closed; add the closing ' where the value ends (write '' for an apostrophe inside it).";
      }
      if (/followed by map values/.test(message)) {
        return 'a key needs a colon and a space before its value, as in "status: checked".';
      }
      if (/Comments must be separated/.test(message)) {
        return 'a comment needs a space before its "#"; add one, or put the whole value in quotes if the "#" belongs to it.';
      }
      if (/without - indicator/.test(message)) {
        return 'this line is not indented like the lines above it; line it up with the other keys of the same item.';
      }
      break;
    case 'KEY_OVER_1024_CHARS':
      return 'a key may be at most 1024 characters long, counted up to its ":"; shorten the key, or make the long text its value.';
    case 'UNEXPECTED_TOKEN':
      return `"${shorten(restOfLine, 20)}" cannot stand here; if it is part of a value, put the whole value in quotes.`;
    case 'BAD_INDENT':
      if (/Flow map/.test(message)) {
        return 'a "{ … }" map is not closed; add the missing "}" at the end of its line.';
      }
      if (/Flow sequence/.test(message)) {
        return 'a "[ … ]" list is not closed; add the missing "]".';
      }
      break;
  }
  return firstLine(message);
}
