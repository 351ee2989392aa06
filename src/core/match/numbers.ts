// Quantities in a claim, written any way ("2,500", "2.5k", "two and a half thousand", "12%"), reduced to one canonical value each.

/** A quantity found in a claim: its value, and a percent sign or unit word where one follows. */
export interface Quantity {
  value: number;
  /** "%" for percentages; otherwise the (lower-case) word after the number, if any. */
  unit?: string;
  /** Where it was written, as UTF-16 offsets into the claim. */
  start: number;
  end: number;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 };
const FRACTIONS: Record<string, number> = { half: 0.5, quarter: 0.25, third: 1 / 3 };
const PERCENT_WORDS = new Set(['percent', 'per cent', '%']);

/**
 * Digits with thousands separators or a decimal point, an optional k/m/bn suffix or scale
 * word, and an optional percent. "2,500", "2.5k", "2.5 million", "12%", "12 per cent".
 */
const DIGITS = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(k|mn|m|bn|b|tn)\b|\s+(hundred|thousand|million|billion|trillion)\b)?(\s?%|\s+per\s?cent\b)?/giu;

/** Every quantity in the text, digits and number words alike, in reading order. */
export function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(DIGITS)) {
    let value = Number(m[1].replace(/,/g, ''));
    if (m[2]) {
      value *= SUFFIXES[m[2].toLowerCase()];
    }
    if (m[3]) {
      value *= SCALES[m[3].toLowerCase()];
    }
    const start = m.index;
    const end = start + m[0].length;
    found.push({ value: round(value), start, end, ...(m[4] ? { unit: '%' } : unitAfter(text, end)) });
  }
  found.push(...shares(text, found));
  found.push(...numberWords(text, found));
  return found.sort((a, b) => a.start - b.start);
}

/** Rounding away float noise ("2.5" × 1e3), so that the same amount always reads as the same value. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function unitAfter(text: string, end: number): { unit?: string } {
  const word = /^\s+([a-z]+)/iu.exec(text.slice(end, end + 24))?.[1]?.toLowerCase();
  return word && !isFiller(word) ? { unit: word } : {};
}

function isFiller(word: string): boolean {
  return ['and', 'or', 'of', 'the', 'a', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'than', 'more', 'less', 'over', 'under'].includes(word);
}

const SHARE_WORDS: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, tenth: 10 };
const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * Shares written as fractions, as percentages: "half of all teachers" is 50%, "one in five
 * children" 20%, so that they meet the same claim written with a percent sign.
 */
function shares(text: string, taken: readonly Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  const add = (value: number, start: number, end: number) => {
    if (!taken.some((q) => q.start < end && start < q.end)) {
      out.push({ value: round(Math.round(value * 10) / 10), unit: '%', start, end });
    }
  };
  for (const m of text.matchAll(/\b(?:(?:a|one)\s+)?(half|third|quarter|fifth|tenth)\s+of\b/giu)) {
    add(100 / SHARE_WORDS[m[1].toLowerCase()], m.index, m.index + m[0].length);
  }
  const count = (w: string) => SMALL[w.toLowerCase()] ?? Number(w);
  for (const m of text.matchAll(/\b(one|two|three|\d+)\s+(?:in|out of)\s+(two|three|four|five|six|seven|eight|nine|ten|\d+)\b/giu)) {
    const [part, whole] = [count(m[1]), count(m[2])];
    if (whole > 0 && part <= whole) {
      add((100 * part) / whole, m.index, m.index + m[0].length);
    }
  }
  return out;
}

interface Word {
  word: string;
  start: number;
  end: number;
}

/**
 * Quantities written in words: "two and a half thousand", "half a million", "forty-five",
 * "three hundred". Runs of number words are read left to right as English reads them.
 */
function numberWords(text: string, taken: readonly Quantity[]): Quantity[] {
  const words: Word[] = [...text.matchAll(/[a-z]+/giu)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const out: Quantity[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isNumberWord(words[i].word) || words[i].word === 'a' || taken.some((q) => q.start <= words[i].start && words[i].end <= q.end)) {
      continue;
    }
    const run = readRun(words, i);
    if (run) {
      const percent = PERCENT_WORDS.has(words[run.next]?.word ?? '') || (words[run.next]?.word === 'per' && words[run.next + 1]?.word === 'cent');
      out.push({ value: round(run.value), start: words[i].start, end: words[run.next - 1].end, ...(percent ? { unit: '%' } : unitAfter(text, words[run.next - 1].end)) });
      i = run.next - 1;
    }
  }
  return out;
}

function isNumberWord(word: string): boolean {
  return word in UNITS || word in SCALES || word in FRACTIONS || word === 'a';
}

const CONNECTORS = new Set(['and', 'a']);

/** Reads "two and a half thousand" from words[i]: the value and the index after the run. */
function readRun(words: readonly Word[], i: number): { value: number; next: number } | undefined {
  let total = 0;
  let current = 0;
  let fraction = 0;
  let parts = 0;
  let k = i;
  for (; k < words.length; k++) {
    const w = words[k].word;
    if (CONNECTORS.has(w)) {
      // "and" and "a" join number words ("two and a half", "half a million"), never end a run.
      const next = words.slice(k + 1).find((x) => !CONNECTORS.has(x.word))?.word;
      if (parts > 0 && next !== undefined && isNumberWord(next)) {
        continue;
      }
      break;
    }
    if (w in UNITS) {
      current += UNITS[w];
    } else if (w in FRACTIONS) {
      fraction = FRACTIONS[w];
    } else if (w in SCALES) {
      // "a thousand", "half a million": no count before the scale means one, or the fraction.
      const amount = current + fraction || (parts === 0 || fraction === 0 ? 1 : fraction);
      if (SCALES[w] === 100) {
        current = amount * 100;
      } else {
        total += amount * SCALES[w];
        current = 0;
      }
      fraction = 0;
    } else {
      break;
    }
    parts++;
  }
  const value = total + current + fraction;
  // A lone "one" is mostly a pronoun ("one of the largest"), not an amount.
  if (parts === 0 || (parts === 1 && (words[i].word === 'one' || words[i].word in FRACTIONS))) {
    return undefined;
  }
  return { value, next: k };
}
