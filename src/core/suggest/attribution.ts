// Attribution: who a sentence credits with its content, from its wording alone (“X said”, “according to X”).

import { bare, isAcronym, MONTHS_AND_DAYS, PERSON_TITLES, stripPossessive } from './lexicon';

export interface Attribution {
  /** Who is credited: a name as written, a pronoun (“he”), or a description (“officials”). */
  claimant: string;
  /** Offsets of `claimant` in the sentence. */
  start: number;
  end: number;
  /** The attributing words: “said”, “according to”, “has expressed reservations”. */
  cue: string;
  /** The claimant is capitalised like a name, so it can be an actor. */
  named: boolean;
  pronoun: boolean;
}

const CUE_VERBS =
  'said|says|say|told|tells|added|adds|stated|noted|claimed|announced|announces|declared|insisted|insists|argued|argues|asserted|alleged|warned|warns|explained|stressed|confirmed|confirms|denied|denies|acknowledged|admitted|wrote|writes|tweeted|estimated|estimates|estimate|reported|(?:expressed|voiced|raised)\\s+(?:(?:serious|strong|grave|deep)\\s+)?(?:reservations|concerns?|doubts?|scepticism|skepticism)';
const CUE = new RegExp(`(?<![\\p{L}])(?:${CUE_VERBS})(?![\\p{L}])`, 'gu');
/** Verbs that attribute only after figures, data or a survey: “figures from the centre show”, “the poll found”. */
const DATA_CUE = /(?<![\p{L}])(?:shows?|showed|found|finds)(?![\p{L}])/gu;
const DATA_SUBJECT = /\b(?:figures|data|statistics|survey|poll|report|study|census|estimates)\b/i;
const ACCORDING_TO = /(?<![\p{L}])[Aa]ccording to\s+/gu;
const AUXILIARIES = /(?:\s+(?:has|have|had|was|were|is|also|again|previously|repeatedly|reportedly|publicly|earlier|later|then|had|would|will|once|on\s+\p{Lu}\p{Ll}+))*\s*$/u;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’.-]*`;
const NAME_RUN = new RegExp(`${NAME_WORD}(?:\\s+(?:(?:of|for|and|the|de|van|von|al|bin)\\s+)*${NAME_WORD})*`, 'gu');

/**
 * Who a sentence attributes its content to, from the wording alone: “X said”, “said X”,
 * “according to X”, “X told reporters”, “X has expressed reservations”, “figures from X show”.
 * Undefined when the sentence attributes nothing.
 */
export function attributionOf(sentence: string): Attribution | undefined {
  ACCORDING_TO.lastIndex = 0;
  const according = ACCORDING_TO.exec(sentence);
  if (according) {
    const from = according.index + according[0].length;
    const phrase = sentence.slice(from).split(/[,;.!?”"]/)[0];
    const found = pickName(phrase, from) ?? describe(phrase, from);
    if (found) {
      return { ...found, cue: according[0].trim() };
    }
  }
  for (const cues of [CUE, DATA_CUE]) {
    cues.lastIndex = 0;
    for (let m = cues.exec(sentence); m; m = cues.exec(sentence)) {
      const subject = subjectBefore(sentence, m.index, cues === DATA_CUE);
      if (subject) {
        const auxiliaries = AUXILIARIES.exec(sentence.slice(0, m.index))?.[0] ?? '';
        return { ...subject, cue: sentence.slice(m.index - auxiliaries.length, m.index + m[0].length).trim() };
      }
      if (cues === CUE) {
        // Inverted after a quotation or clause: “…,” said Maria Zakharova.
        const inverted = new RegExp(`^\\s+((?:${PERSON_TITLE_WORDS}\\s+)*)(${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})`, 'u').exec(
          sentence.slice(m.index + m[0].length),
        );
        if (inverted && /[,”"’]\s*$/.test(sentence.slice(0, m.index))) {
          const start = m.index + m[0].length + inverted[0].length - inverted[2].length;
          const name = stripPossessive(inverted[2]).replace(/[.,]$/, '');
          return { claimant: name, start, end: start + name.length, cue: m[0], named: true, pronoun: false };
        }
      }
    }
  }
  return undefined;
}

const PERSON_TITLE_WORDS = '(?:[Pp]resident|[Pp]rime|[Mm]inister|[Mm]ayor|[Gg]overnor|[Ss]pokes(?:man|woman|person)|[Dd]eputy)';

type Found = Omit<Attribution, 'cue'>;

/** The claimant standing before a cue: skips auxiliaries and a description set off by commas. */
function subjectBefore(sentence: string, cueAt: number, needsData: boolean): Found | undefined {
  let left = sentence.slice(0, cueAt);
  left = left.slice(0, left.length - (AUXILIARIES.exec(left)?.[0].length ?? 0));
  if (/,\s*$/.test(left)) {
    // “Nino Beridze, a paediatrician in Kutaisi, said”: the description goes, the name stays;
    // “the country’s Prime Minister, Nikol Pashinyan, has expressed”: the name is the part between commas.
    const inner = /,\s*([^,]*?),\s*$/.exec(left);
    if (!inner) {
      return undefined;
    }
    if (/^\p{Lu}/u.test(inner[1]) && !/^(?:The|A|An)\s/.test(inner[1])) {
      return pickName(inner[1], inner.index + inner[0].indexOf(inner[1]));
    }
    left = left.slice(0, inner.index);
  }
  // The subject is the clause before the cue, back to the last quotation mark, comma or conjunction that starts it.
  const clauseStart = Math.max(
    // ’ closes a quotation only when no letter follows; in “the country’s” it is an apostrophe.
    ...[/.*(?:[”";:]|’(?!\p{L}))\s*/su, /.*,\s*/su].map((re) => re.exec(left)?.[0].length ?? 0),
    /.*\bthat\s+/su.exec(left)?.[0].length ?? 0,
  );
  const phrase = left.slice(clauseStart);
  if (!phrase.trim() || phrase.split(/\s+/).filter(Boolean).length > 12) {
    return undefined;
  }
  if (needsData && !DATA_SUBJECT.test(phrase)) {
    return undefined;
  }
  const pronoun = /^\s*(he|she|it|they)\s*$/i.exec(phrase);
  if (pronoun) {
    const start = clauseStart + phrase.indexOf(pronoun[1]);
    return { claimant: pronoun[1], start, end: start + pronoun[1].length, named: false, pronoun: true };
  }
  return pickName(phrase, clauseStart, clauseStart === 0) ?? describe(phrase, clauseStart);
}

/**
 * The name in a phrase: the last capitalised run not introduced by “in”, “of” or “from”, with
 * titles before it dropped. A single capital opening the sentence (“Economists at…”) is not a name.
 */
function pickName(phrase: string, offset: number, sentenceInitial = true): Found | undefined {
  const runs: { text: string; at: number; located: boolean }[] = [];
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(phrase); m; m = NAME_RUN.exec(phrase)) {
    let run = m[0].replace(/[.,]$/, '');
    let at = m.index;
    // Titles go: Finance Minister Vahe Hovhannisyan → Vahe Hovhannisyan.
    const words = run.split(/\s+/);
    let cut = 0;
    for (let k = 0; k < words.length - 1; k++) {
      if (PERSON_TITLES.has(bare(words[k]).toLowerCase())) {
        cut = k + 1;
      }
    }
    if (cut > 0) {
      const dropped = words.slice(0, cut).join(' ');
      at += phrase.slice(at).indexOf(words[cut], dropped.length);
      run = words.slice(cut).join(' ');
    }
    if (MONTHS_AND_DAYS.has(run.toLowerCase()) || PERSON_TITLES.has(run.toLowerCase()) || /^(?:The|A|An|In|On|At)$/.test(run)) {
      continue;
    }
    const lone = !run.includes(' ') && !isAcronym(bare(run));
    if (sentenceInitial && m.index === firstWordAt(phrase) && lone && /^\s+\p{Ll}/u.test(phrase.slice(m.index + m[0].length))) {
      continue;
    }
    const before = phrase.slice(0, m.index);
    runs.push({ text: stripPossessive(run), at, located: /\b(?:in|of|from)\s+(?:the\s+)?$/.test(before) });
  }
  const chosen = runs.filter((r) => !r.located).pop() ?? runs.pop();
  if (!chosen) {
    return undefined;
  }
  const start = offset + chosen.at;
  return { claimant: chosen.text, start, end: start + chosen.text.length, named: true, pronoun: false };
}

function firstWordAt(phrase: string): number {
  return phrase.length - phrase.trimStart().length;
}

/** A claimant described rather than named: “officials”, “the company”. */
function describe(phrase: string, offset: number): Found | undefined {
  const trimmed = phrase.trim();
  if (!trimmed || trimmed.split(/\s+/).length > 6) {
    return undefined;
  }
  const start = offset + phrase.indexOf(trimmed);
  return { claimant: trimmed, start, end: start + trimmed.length, named: false, pronoun: false };
}
