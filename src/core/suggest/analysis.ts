// The article parsed once: compromise's tokens and tags, sentences, and lines (headline, byline, titles, datelines).



// Heavy: loading compromise unpacks its lexicon (about a third of a second). Only the lazy
// entry point (index.ts) may lead here.
import nlp from 'compromise';
import type { Span } from './types';

export interface Token {
  text: string;
  start: number;
  end: number;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  sentence: number;
  /** First word of its sentence or of a quotation, where capitals say nothing about names. */
  initial: boolean;
}

type LineKind = 'blank' | 'headline' | 'title' | 'byline' | 'body';

interface Line {
  start: number;
  end: number;
  kind: LineKind;
  /** Where the body starts after a dateline (MOSCOW, March 3 (Reuters) — …); else `start`. */
  bodyStart: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last, into Analysis.tokens. */
  first: number;
  last: number;
  line: Line;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lines: Line[];
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface CompromiseSentence {
  offset: { start: number; length: number };
  terms: CompromiseTerm[];
}

const DATELINE =
  /^\s*\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]+)*(?=[\s,(—–-])(?:,\s*[^,()—–\n]+?){0,2}\s*(?:\([^()\n]+\))?\s*(?:—|–|--|-)\s+/u;
const BYLINE =
  /^\s*By\s+\p{Lu}[\p{L}\p{M}'’.-]*(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*)(?:(?:de|da|van|von|al|bin)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*(?:\s*(?:,|\||—|–)\s*[^.!?\n]*[^.!?\s])?\s*$/u;

export function analyse(text: string): Analysis {
  const lines = splitLines(text);
  const doc = nlp.tokenize(text);
  // The lexicon and its first-pass tags are all the rules below read. The second pass (postTagger)
  // and chunking take two thirds of the parse and changed none of the evaluation's figures.
  doc.compute(nlp.hooks().filter((hook) => hook !== 'chunks' && hook !== 'postTagger'));
  const json = mergeAbbreviations(doc.json({ offset: true, terms: { offset: true } }) as CompromiseSentence[]);

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let lineIndex = 0;
  const lineAt = (offset: number): Line => {
    while (lineIndex < lines.length - 1 && lines[lineIndex].end < offset) {
      lineIndex++;
    }
    return lines[lineIndex];
  };
  for (const sentence of json) {
    let first = tokens.length;
    let line: Line | undefined;
    let atStart = true;
    for (const term of sentence.terms) {
      const start = term.offset.start;
      const end = start + term.offset.length;
      // Contractions yield an implicit second term with no text of its own (“didn't” → did + not).
      if (end <= start || text.slice(start, end) !== term.text) {
        continue;
      }
      const termLine = lineAt(start);
      if (line && termLine !== line) {
        // compromise runs a headline into the next paragraph when it has no full stop; a line break ends a sentence here.
        pushSentence(first, line);
        first = tokens.length;
      }
      // A line, and the text after a dateline, start afresh.
      if (line !== termLine || (start >= termLine.bodyStart && (tokens.at(-1)?.start ?? -1) < termLine.bodyStart)) {
        atStart = true;
      }
      line = termLine;
      tokens.push({
        text: term.text,
        start,
        end,
        pre: term.pre,
        post: term.post,
        tags: new Set(term.tags),
        sentence: sentences.length,
        initial: atStart || /[“"‘(]/.test(term.pre),
      });
      atStart = /[.!?:]/.test(term.post) && /\s/.test(term.post);
    }
    pushSentence(first, line);
  }
  return { text, tokens, sentences, lines };

  function pushSentence(first: number, line: Line | undefined): void {
    if (!line || first >= tokens.length) {
      return;
    }
    const last = tokens.length;
    for (let i = first; i < last; i++) {
      tokens[i].sentence = sentences.length;
    }
    const start = tokens[first].start;
    const end = tokens[last - 1].end;
    sentences.push({ ...widenSentence(text, start, end, line), first, last, line });
  }
}

/** compromise ends a sentence at “School No. 5” or “Gen. Ivanov”; a sentence whose next one opens with a digit or a lower-case word goes on. */
function mergeAbbreviations(sentences: CompromiseSentence[]): CompromiseSentence[] {
  const out: CompromiseSentence[] = [];
  for (const sentence of sentences) {
    const previous = out.at(-1);
    const last = previous?.terms.at(-1);
    const first = sentence.terms[0];
    if (
      previous &&
      last &&
      first &&
      /^\.\s+$/.test(last.post) &&
      (/^(?:No|Nos|St|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|Inc|Ltd|Co|vs|approx|est)$/.test(last.text) || /^[\p{Ll}\p{N}]/u.test(first.text))
    ) {
      out[out.length - 1] = { ...previous, terms: [...previous.terms, ...sentence.terms] };
    } else {
      out.push(sentence);
    }
  }
  return out;
}

/** Sentence spans take in their opening and closing quotation marks and final punctuation, as a reader selects them. */
function widenSentence(text: string, start: number, end: number, line: Line): Span {
  let s = start;
  while (s > line.start && /[“"‘'([]/.test(text[s - 1])) {
    s--;
  }
  let e = end;
  while (e < line.end && /[.!?…,;:”"’')\]]/.test(text[e])) {
    e++;
  }
  // A trailing comma or colon belongs to the next clause, not to this sentence.
  while (e > end && /[,;:]/.test(text[e - 1])) {
    e--;
  }
  return { start: s, end: e };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let opening = true;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
    const start = m.index;
    const content = m[0].replace(/[\r\n]+$/, '');
    const end = start + content.length;
    let kind: LineKind;
    let bodyStart = start;
    if (!content.trim()) {
      kind = 'blank';
    } else if (opening && (isTitleCase(content) || (content.length <= 150 && !/[.!?”"]\s*$/.test(content)))) {
      // The first line with text is the headline, unless it reads as a paragraph: then the text has none.
      kind = 'headline';
    } else if (BYLINE.test(content)) {
      kind = 'byline';
    } else if (isTitleCase(content)) {
      kind = 'title';
    } else {
      kind = 'body';
      const dateline = DATELINE.exec(content);
      if (dateline) {
        bodyStart = start + dateline[0].length;
      }
    }
    if (kind !== 'blank') {
      opening = false;
    }
    lines.push({ start, end, kind, bodyStart });
    if (re.lastIndex >= text.length) {
      break;
    }
  }
  if (lines.length === 0) {
    lines.push({ start: 0, end: 0, kind: 'blank', bodyStart: 0 });
  }
  return lines;
}

/** Headlines and section titles capitalise most words, so capitals there are no evidence of names. */
function isTitleCase(line: string): boolean {
  if (/[.!?”"]\s*$/.test(line)) {
    return false;
  }
  const words = line.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? [];
  if (words.length < 2 || words.length > 25) {
    return false;
  }
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}
