// Suggested actors and check-worthy claims for an article: compromise's tagging plus transparent rules, with the reason for each.

// Heavy: loading compromise unpacks its lexicon (about a third of a second). Import this module
// with `await import()` when suggestions are first asked for, never from activation or from the
// model and sidecar modules.
import nlp from 'compromise';

/** The actor types the suggester assigns; gazetteer hits keep the known actor's own type. */
export const SUGGESTED_ACTOR_TYPES = ['person', 'organisation', 'country', 'location', 'other'] as const;
export type SuggestedActorType = (typeof SUGGESTED_ACTOR_TYPES)[number];

export interface Span {
  start: number;
  end: number;
}

/** An actor already known in the workspace: the gazetteer. */
export interface KnownActor {
  id?: string;
  name: string;
  aliases?: readonly string[];
  type?: string;
}

export interface ActorSuggestion {
  /** UTF-16 offsets into the article text, as every in-memory anchor. */
  start: number;
  end: number;
  /** text.slice(start, end): the mention. */
  text: string;
  /** The actor the mention belongs to: a full name for a surname, the expansion of an acronym, the known actor's name. */
  name: string;
  /** One of SUGGESTED_ACTOR_TYPES, or a known actor's own type. */
  type: string;
  source: 'nlp' | 'gazetteer';
  reason: string;
  /** Set for gazetteer hits: the known actor this mention would be added to. */
  actorId?: string;
}

export interface SuggestActorsOptions {
  known?: readonly KnownActor[];
  /** Texts or names the user rejected before (as stored in the sidecar); compared normalised. */
  rejected?: readonly string[];
  /** Spans already marked as mentions: nothing overlapping them is suggested again. */
  existingMentions?: readonly Span[];
}

export interface ClaimantGuess {
  name: string;
  actorId?: string;
  /** Where the claimant is named in the article, when it is named in the sentence itself. */
  start?: number;
  end?: number;
}

export interface ClaimSuggestion {
  start: number;
  end: number;
  text: string;
  score: number;
  /** Why the sentence was suggested, one feature per line, in the user's words. */
  reasons: string[];
  claimant?: ClaimantGuess;
}

export interface SuggestClaimsOptions {
  /** Known actors, so that claimants resolve to actor ids. */
  actors?: readonly KnownActor[];
  /** Claim texts the user rejected before; compared normalised. */
  rejected?: readonly string[];
  /** Spans already marked as claims: sentences overlapping them are not suggested again. */
  existingClaims?: readonly Span[];
  /** A sentence needs at least this score to be suggested. */
  minScore?: number;
  /** At most this many suggestions, best first. */
  limit?: number;
}

/**
 * The score a sentence needs by default: a figure alone, or two weaker signals such as a date and
 * an attribution. Chosen on the evaluation's dev articles (claims F1 0.925 at 2, 0.907 at 2.5,
 * 0.889 at 3); lower thresholds also underline sentences that merely name actors.
 */
export const DEFAULT_MIN_CLAIM_SCORE = 2;

/** How rejected actor texts and names are compared: case, apostrophes, spacing, a leading “the” and a possessive do not matter. */
export function normaliseActorText(text: string): string {
  return foldText(text)
    .replace(/^the /, '')
    .replace(/'s?$/, '');
}

/** How rejected claim texts are compared: case, quote marks, spacing and final punctuation do not matter. */
export function normaliseClaimText(text: string): string {
  return foldText(text).replace(/^["'(]+|[\s"'.,;:!?)]+$/g, '');
}

function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Word lists. Small, readable, and the only knowledge the rules have besides compromise's lexicon.

/**
 * UN member states by their usual English names, with observers and the few other names news
 * treats as countries; after `=` the forms that mean the same country.
 */
const COUNTRY_DATA = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina=Bosnia|Botswana|Brazil|Brunei|
Bulgaria|Burkina Faso|Burundi|Cabo Verde=Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|Colombia|Comoros|
Republic of the Congo=Congo-Brazzaville|Costa Rica|Côte d'Ivoire=Ivory Coast|Croatia|Cuba|Cyprus|Czechia=Czech Republic|
Democratic Republic of the Congo=DR Congo=DRC=Congo|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
Equatorial Guinea|Eritrea|Estonia|Eswatini=Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|
Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar=Burma|Namibia|Nauru|Nepal|Netherlands=Holland|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia=Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|
Qatar|South Korea|Romania|Russia=Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|
San Marino|São Tomé and Príncipe=Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Tajikistan|
Tanzania|Thailand|Timor-Leste=East Timor|Togo|Tonga|Trinidad and Tobago|Tunisia|Türkiye=Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates=UAE|United Kingdom=UK=U.K.=Britain=Great Britain|United States=United States of America=US=U.S.=USA=U.S.A.|
Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Vatican=Holy See|Palestine|Kosovo|Taiwan`;

/** Every country form (as written) → the country's usual name. */
const COUNTRY_FORMS: ReadonlyMap<string, string> = (() => {
  const forms = new Map<string, string>();
  for (const entry of COUNTRY_DATA.split('|')) {
    const names = entry.trim().split('=');
    for (const form of names) {
      forms.set(form, names[0]);
    }
  }
  return forms;
})();

/** Capitalised words that make a name an organisation. */
const ORGANISATION_WORDS = new Set(
  `Ministry Ministries Bank Fund Organization Organisation Council Commission Committee Office Department Agency Authority Bureau
  Service Services Institute Center Centre University College Academy Association Federation Union League Party Parliament Assembly
  Court Tribunal Forces Army Navy Police Guard Company Corporation Corp Inc Ltd LLC Group Holding Holdings Airlines Airways Railways
  Metro Society Societies Foundation Alliance Coalition Movement Front Church Board Secretariat Senate Congress Cabinet Kremlin
  Pentagon Treasury Reserve Exchange Network Times Post News Press Television Radio Broadcasting School Hospital Clinic Museum
  Theatre Theater Library Prison`.split(/\s+/),
);

/** Words that, written before a name, make it a person's: Prime Minister Nikol Pashinyan, union chairman Yerlan Dzhaksybekov. */
const PERSON_TITLES = new Set(
  `president vice prime minister deputy mayor governor chairman chairwoman chair spokesman spokeswoman spokesperson secretary
  ambassador envoy general gen lieutenant colonel col captain commander admiral sergeant judge justice prosecutor senator sen
  representative rep congressman congresswoman lawmaker mp deputy speaker chancellor king queen prince princess pope patriarch
  archbishop bishop sheikh emir president-elect dr mr mrs ms miss sir dame lord lady professor prof leader head chief director
  ceo founder aide adviser advisor analyst economist minister-president premier opposition`.split(/\s+/),
);

/** Words that make a name a place's: South Caucasus, Central Asia, Gulf of Aden. */
const PLACE_WORDS = new Set(
  `North South East West Central Northern Southern Eastern Western Upper Lower Gulf Sea Ocean River Lake Mountains Valley
  Island Islands Peninsula Basin Strait Coast Caucasus Asia Europe Africa America Americas Balkans Baltic Middle Steppe Desert
  Province Oblast Region District County`.split(/\s+/),
);

/** Lower-case nouns after a name that make it a place: the Osh region, Jalal-Abad province. */
const PLACE_NOUNS = /^(?:region|regions|province|provinces|oblast|district|districts|city|town|village|valley|mountains|river|border|capital)$/;

/** What a person is described as, besides titles: “Nino Beridze, a paediatrician in Kutaisi”. */
const PERSON_NOUNS = new Set(
  `doctor paediatrician pediatrician surgeon nurse teacher lawyer farmer resident student journalist reporter activist official
  researcher scientist engineer driver worker businessman businesswoman entrepreneur owner mother father wife husband son daughter
  veteran soldier officer candidate politician diplomat writer author artist singer actor actress player coach priest imam rabbi`.split(/\s+/),
);

const MONTHS_AND_DAYS = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept
  oct nov dec monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

/** Lower-case words allowed inside an organisation's name: Bank of England, Party of Action and Solidarity. */
const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', 'de', 'du', 'des']);

const PRONOUNS: Record<string, 'person' | 'organisation' | undefined> = {
  he: 'person',
  she: 'person',
  it: 'organisation',
  they: undefined,
};

/** Nouns that stand for an organisation already named: “the company has argued”, “the fund expects”. */
const ORGANISATION_NOUNS = new Set(
  `company firm fund bank ministry agency organisation organization union party alliance institute commission committee council
  department office operator group court bureau service authority`.split(/\s+/),
);

// ---------------------------------------------------------------------------------------------
// The article, parsed once.

interface Token {
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

interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last, into Analysis.tokens. */
  first: number;
  last: number;
  line: Line;
}

interface Analysis {
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

function analyse(text: string): Analysis {
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

// ---------------------------------------------------------------------------------------------
// Actors.

/** How much a type's evidence is trusted when mentions of one name disagree. */
const EVIDENCE_STRENGTH = {
  country: 6,
  acronym: 5,
  organisationWord: 5,
  personTitle: 4,
  personTag: 4,
  organisationTag: 3,
  place: 3,
  placeContext: 2,
  nameShape: 1,
  capitalised: 0,
} as const;
type Evidence = keyof typeof EVIDENCE_STRENGTH;

interface Candidate {
  start: number;
  end: number;
  text: string;
  type: SuggestedActorType;
  evidence: Evidence;
  reason: string;
}

/** One actor found in the article: its name, type, and every form it is written in. */
interface ArticleActor {
  name: string;
  type: SuggestedActorType;
  evidence: Evidence;
  reason: string;
  /** Each written form → the reason to show for it (a surname or an acronym says whose it is). */
  forms: Map<string, string>;
}

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(word);
}

function bare(word: string): string {
  return word.replace(/['’]s?$/, '').replace(/\.$/, '');
}

/** Could this token be part of a name? Capitals at the start of a sentence count only when compromise agrees. */
function nameLike(token: Token, inTitleLine: boolean): boolean {
  const word = bare(token.text);
  if (!isCapitalised(token) || word.length === 0) {
    return false;
  }
  if (MONTHS_AND_DAYS.has(word.toLowerCase()) || ['Pronoun', 'Determiner', 'Expression'].some((tag) => token.tags.has(tag))) {
    return false;
  }
  if (inTitleLine) {
    return isAcronym(word);
  }
  if (isAcronym(word) || COUNTRY_FORMS.has(word)) {
    return true;
  }
  if (token.initial) {
    // Capitals opening a sentence prove nothing; compromise must know the word as a name.
    return strongName(token);
  }
  return true;
}

/** A capitalised word that is a name wherever it stands: an acronym, a country, camel case (QazaqGaz), or a person or place compromise knows. */
function strongName(token: Token): boolean {
  const word = bare(token.text);
  return (
    isAcronym(word) ||
    COUNTRY_FORMS.has(word) ||
    /\p{Ll}\p{Lu}/u.test(word) ||
    ((token.tags.has('Person') || token.tags.has('Place')) && !token.tags.has('Adjective'))
  );
}

/** Tags compromise gives a capitalised word it does not otherwise know; anything more means a common word. */
const PLAIN_NAME_TAGS = new Set(['ProperNoun', 'Noun', 'Singular', 'Possessive', 'Hyphenated', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName']);

function plainName(token: Token): boolean {
  return [...token.tags].every((tag) => PLAIN_NAME_TAGS.has(tag));
}

function nlpCandidates(analysis: Analysis): Candidate[] {
  const { tokens, text } = analysis;
  const candidates: Candidate[] = [];
  for (const sentence of analysis.sentences) {
    const kind = sentence.line.kind;
    if (kind === 'byline' || kind === 'blank') {
      continue;
    }
    const inTitleLine = kind === 'headline' || kind === 'title';
    let i = sentence.first;
    while (i < sentence.last) {
      const token = tokens[i];
      const next = i + 1 < sentence.last ? tokens[i + 1] : undefined;
      // “Nino Beridze, a paediatrician…” opening a sentence: an unknown capitalised word starts a name when another follows it.
      const opensName =
        token.initial &&
        !inTitleLine &&
        isCapitalised(token) &&
        (token.tags.has('ProperNoun') || plainName(token)) &&
        !!next &&
        !next.pre &&
        /^\s+$/.test(token.post) &&
        isCapitalised(next) &&
        nameLike(next, false);
      if (token.start < sentence.line.bodyStart || !(nameLike(token, inTitleLine) || opensName)) {
        i++;
        continue;
      }
      // A run of name-like words joined by spaces or hyphens, and by “of”, “for”, “and” inside organisation names.
      let j = i + 1;
      while (j < sentence.last) {
        const prev = tokens[j - 1];
        if (tokens[j].pre) {
          break;
        }
        if (!/^[\s-]*$/.test(prev.post) || /['’]s?$/.test(prev.text)) {
          // A possessive ends a name unless an organisation continues it: Prosecutor General’s Office.
          const possessive = (/['’]s?$/.test(prev.text) && /^\s+$/.test(prev.post)) || /^['’]\s+$/.test(prev.post);
          if (!(possessive && continuesOrganisation(tokens, j, sentence.last) && !COUNTRY_FORMS.has(bare(prev.text)))) {
            break;
          }
        }
        if (nameLike(tokens[j], inTitleLine) && !tokens[j].initial) {
          j++;
          continue;
        }
        const joined = joinConnectors(tokens, i, j, sentence.last, inTitleLine);
        if (joined > j) {
          j = joined;
          continue;
        }
        break;
      }
      candidates.push(...classifyRun(tokens, i, j, text, sentence));
      i = j;
    }
  }
  return candidates;
}

function continuesOrganisation(tokens: Token[], from: number, limit: number): boolean {
  for (let k = from; k < limit && k < from + 4 && isCapitalised(tokens[k]); k++) {
    if (ORGANISATION_WORDS.has(bare(tokens[k].text))) {
      return true;
    }
  }
  return false;
}

/** Extends a run over connectors (Bank of England) when the result is an organisation's name; returns the new end. */
function joinConnectors(tokens: Token[], runStart: number, runEnd: number, limit: number, inTitleLine: boolean): number {
  let k = runEnd;
  while (k < limit && NAME_CONNECTORS.has(tokens[k].text) && /^\s+$/.test(tokens[k].post) && /^\s+$/.test(tokens[k - 1].post)) {
    k++;
  }
  if (k === runEnd || k >= limit || tokens[k].pre || !nameLike(tokens[k], inTitleLine)) {
    return runEnd;
  }
  let next = k + 1;
  while (next < limit && /^[\s-]*$/.test(tokens[next - 1].post) && !tokens[next].pre && nameLike(tokens[next], inTitleLine)) {
    next++;
  }
  const before = tokens.slice(runStart, runEnd).map((t) => bare(t.text));
  const after = tokens.slice(k, next).map((t) => bare(t.text));
  const organisational = [...before, ...after].some((w) => ORGANISATION_WORDS.has(w));
  // “Armenia and Russia” are two actors; “Central Bank of Armenia” is one.
  const joinsTwoCountries = tokens[runEnd].text === 'and' && COUNTRY_FORMS.has(after.join(' '));
  return organisational && !joinsTwoCountries ? next : runEnd;
}

function classifyRun(tokens: Token[], from: number, to: number, text: string, sentence: Sentence): Candidate[] {
  // Titles before the name are evidence, not part of it: Prime Minister Nikol Pashinyan.
  let nameFrom = from;
  let title: string | undefined;
  for (let k = from; k < to - 1; k++) {
    const rest = tokens.slice(k + 1, to);
    // Unless an organisation's name goes on after it: Prosecutor General’s Office.
    if (PERSON_TITLES.has(bare(tokens[k].text).toLowerCase()) && !rest.some((t) => ORGANISATION_WORDS.has(bare(t.text)))) {
      nameFrom = k + 1;
      title = text.slice(tokens[from].start, tokens[k].end);
    }
  }
  const out: Candidate[] = [];
  if (nameFrom > from) {
    // What stands before a title can be an organisation of its own: European Council President Charles Michel.
    const prefix = tokens.slice(from, nameFrom - 1);
    if (prefix.some((t) => ORGANISATION_WORDS.has(bare(t.text)))) {
      out.push(...classifyRun(tokens, from, nameFrom - 1, text, sentence));
    }
  }
  const words = tokens.slice(nameFrom, to);
  if (words.length === 0) {
    return out;
  }
  const start = tokens[nameFrom].start;
  const lastToken = tokens[to - 1];
  const end = lastToken.end - (lastToken.text.length - stripPossessive(lastToken.text).length);
  const surface = text.slice(start, end);
  const bareWords = words.map((t) => bare(t.text));
  const joined = surface.replace(/\s+/g, ' ');
  const spaced = joined.split(' ').length;

  // Lone demonyms and adjectives (Russian, Armenian) describe, and titles (Prime Minister) stand for a name, they do not name.
  if (words.every((t) => t.tags.has('Demonym') || t.tags.has('Adjective') || PERSON_TITLES.has(bare(t.text).toLowerCase()))) {
    return out;
  }
  const titleBefore = title ?? titleBeforeRun(tokens, from, sentence);
  const push = (type: SuggestedActorType, evidence: Evidence, reason: string) =>
    out.push({ start, end, text: surface, type, evidence, reason });

  const country = COUNTRY_FORMS.get(joined);
  if (country) {
    push('country', 'country', 'A country’s name');
  } else if (words.length === 1 && isAcronym(bareWords[0])) {
    push('organisation', 'acronym', `The acronym ${bareWords[0]}`);
  } else if (bareWords.some((w) => ORGANISATION_WORDS.has(w))) {
    const word = bareWords.find((w) => ORGANISATION_WORDS.has(w));
    push('organisation', 'organisationWord', `An organisation’s name (“${word}”)`);
  } else if (titleBefore) {
    push('person', 'personTitle', `Follows the title “${titleBefore}”`);
  } else if (words.some((t) => t.tags.has('Person') || t.tags.has('FirstName') || t.tags.has('LastName'))) {
    push('person', 'personTag', 'A person’s name, by compromise’s lexicon');
  } else if (words.some((t) => t.tags.has('Place') || t.tags.has('City') || t.tags.has('Region'))) {
    push('location', 'place', 'A place name, by compromise’s lexicon');
  } else if (bareWords.some((w) => PLACE_WORDS.has(w))) {
    push('location', 'place', `A place’s name (“${bareWords.find((w) => PLACE_WORDS.has(w))}”)`);
  } else if (words.length > 1 && words.length <= 3 && words.some((t) => t.tags.has('Organization'))) {
    push('organisation', 'organisationTag', 'An organisation’s name, by compromise’s lexicon');
  } else if (appositive(text, end)) {
    const [type, noun] = appositive(text, end)!;
    push(type, type === 'person' ? 'personTitle' : 'organisationTag', `Described as “${noun}”`);
  } else if (placeContext(tokens, from, to, sentence)) {
    push('location', 'placeContext', `Written as a place (“${placeContext(tokens, from, to, sentence)}”)`);
  } else if (spaced >= 2 && spaced <= 3 && (!words[0].initial || words.every(plainName))) {
    push('person', 'nameShape', 'Two or three capitalised words, as a person’s name');
  } else if (!words[0].initial || words.some((t) => t.tags.has('ProperNoun'))) {
    push('other', 'capitalised', 'A capitalised name');
  }
  return out;
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/, '').replace(/(?<=s)['’]$/, '');
}

function titleBeforeRun(tokens: Token[], from: number, sentence: Sentence): string | undefined {
  for (let k = from - 1; k >= sentence.first && k >= from - 2; k--) {
    const word = bare(tokens[k].text).toLowerCase();
    if (PERSON_TITLES.has(word)) {
      return tokens[k].text;
    }
    if (!/^\p{Ll}/u.test(tokens[k].text) || /[,.;:]/.test(tokens[k].post)) {
      break;
    }
  }
  return undefined;
}

/** People and organisations described as such right after their name: “QazaqGaz, the state gas company,”, “Nino Beridze, a paediatrician”. */
function appositive(text: string, end: number): [SuggestedActorType, string] | undefined {
  const m = /^,\s+(?:the|a|an|its)\s+([^,.;()]{1,60}?)(?=\s*[,.;]|\s+(?:in|of|at|for|from|who|which|that|with|based)\s)/u.exec(
    text.slice(end, end + 90),
  );
  if (!m) {
    return undefined;
  }
  const noun = m[1].split(/\s+/).pop()!;
  if (ORGANISATION_NOUNS.has(noun) || ORGANISATION_WORDS.has(noun[0].toUpperCase() + noun.slice(1))) {
    return ['organisation', noun];
  }
  return PERSON_TITLES.has(noun) || PERSON_NOUNS.has(noun) ? ['person', noun] : undefined;
}

function placeContext(tokens: Token[], from: number, to: number, sentence: Sentence): string | undefined {
  const at = (k: number) => (k >= sentence.first && k < sentence.last ? tokens[k] : undefined);
  const next = at(to);
  if (next && PLACE_NOUNS.test(next.text) && !tokens[to - 1].post.trim()) {
    return next.text;
  }
  let k = from - 1;
  if (at(k)?.text === 'the') {
    k--;
  }
  const prev = at(k);
  const prev2 = at(k - 1);
  if (prev?.text === 'of' && prev2 && /^(?:town|city|village|region|province|district|capital)$/.test(prev2.text)) {
    return `${prev2.text} of`;
  }
  return prev && /^(?:in|near|outside|across|throughout)$/.test(prev.text) ? prev.text : undefined;
}

/** Merges the mentions of one actor: surnames join full names, acronyms join their expansions, the strongest type wins. */
function articleActors(candidates: Candidate[], text: string): Map<string, ArticleActor> {
  const byForm = new Map<string, ArticleActor>();
  const add = (c: Candidate, name: string) => {
    const key = normaliseActorText(name);
    let actor = byForm.get(key);
    if (!actor) {
      actor = { name, type: c.type, evidence: c.evidence, reason: c.reason, forms: new Map() };
      byForm.set(key, actor);
    } else if (EVIDENCE_STRENGTH[c.evidence] > EVIDENCE_STRENGTH[actor.evidence]) {
      actor.type = c.type;
      actor.evidence = c.evidence;
      actor.reason = c.reason;
    }
    const form = c.text.replace(/\s+/g, ' ');
    if (!actor.forms.has(form) || form !== name) {
      actor.forms.set(form, c.reason);
    }
    byForm.set(normaliseActorText(c.text), actor);
    // Later mentions by surname alone are the same person: Nikol Pashinyan … Pashinyan’s government.
    const words = name.split(' ');
    if (actor.type === 'person' && words.length > 1 && !actor.forms.has(words.at(-1)!)) {
      actor.forms.set(words.at(-1)!, `Surname of ${name}, named in the article`);
      byForm.set(normaliseActorText(words.at(-1)!), actor);
    }
  };

  // Acronyms defined in the text: Collective Security Treaty Organization (CSTO).
  const expansions = new Map<string, Candidate>();
  for (const c of candidates) {
    const after = text.slice(c.end, c.end + 12);
    const m = /^\s*\((\p{Lu}{2,8})\)/u.exec(after);
    if (m && c.text.split(/\s+/).length > 1) {
      expansions.set(m[1], c);
    }
  }
  const multiWord = candidates.filter((c) => c.text.includes(' ') || c.text.includes('-'));
  const single = candidates.filter((c) => !(c.text.includes(' ') || c.text.includes('-')));
  const bySurname = new Map<string, Candidate>();
  for (const m of multiWord) {
    const surname = m.text.split(/\s+/).pop()!;
    if (m.type === 'person' && !bySurname.has(surname)) {
      bySurname.set(surname, m);
    }
  }
  for (const c of [...multiWord, ...single]) {
    const expansion = expansions.get(c.text);
    if (expansion) {
      add({ ...c, type: expansion.type, evidence: expansion.evidence, reason: `Short for ${expansion.text}` }, expansion.text);
      continue;
    }
    if (!c.text.includes(' ') && c.type !== 'country' && c.evidence !== 'acronym') {
      // A surname alone names the person named in full elsewhere: Pashinyan → Nikol Pashinyan.
      const full = bySurname.get(c.text);
      if (full) {
        const owner = byForm.get(normaliseActorText(full.text));
        add({ ...c, type: 'person', evidence: full.evidence, reason: `Surname of ${full.text}, named in the article` }, owner?.name ?? full.text);
        continue;
      }
    }
    add(c, byForm.get(normaliseActorText(c.text))?.name ?? c.text);
  }
  return byForm;
}

interface Hit extends ActorSuggestion {
  priority: number;
}

/** Every occurrence of every form in `forms`, as whole words; a possessive after the name is left out of the span. */
function scan(text: string, forms: Map<string, (matched: string, start: number) => Hit | undefined>, allowed: (start: number) => boolean): Hit[] {
  const keys = [...forms.keys()].filter((k) => k.trim()).sort((a, b) => b.length - a.length);
  if (keys.length === 0) {
    return [];
  }
  const source = keys
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+'))
    .join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}]|['’]\\p{L}{2})`, 'gu');
  const lookup = new Map<string, (matched: string, start: number) => Hit | undefined>();
  for (const [k, f] of forms) {
    lookup.set(foldForm(k), f);
  }
  const hits: Hit[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!allowed(m.index)) {
      continue;
    }
    const make = lookup.get(foldForm(m[0]));
    const hit = make?.(m[0], m.index);
    if (hit) {
      hits.push(hit);
    }
  }
  return hits;
}

function foldForm(form: string): string {
  return form.replace(/['’]/g, "'").replace(/\s+/g, ' ');
}

function removeOverlaps(hits: Hit[], textLength: number): Hit[] {
  // Longest first, then the gazetteer before the article's own guesses.
  const ordered = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const taken = new Uint8Array(textLength + 1);
  const kept: Hit[] = [];
  for (const hit of ordered) {
    let free = true;
    for (let i = hit.start; i < hit.end && free; i++) {
      free = taken[i] === 0;
    }
    if (free) {
      taken.fill(1, hit.start, hit.end);
      kept.push(hit);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

function actorSuggestionsFrom(analysis: Analysis, known: readonly KnownActor[]): { all: ActorSuggestion[]; actors: Map<string, ArticleActor> } {
  const { text } = analysis;
  const actors = articleActors(nlpCandidates(analysis), text);
  const forms = new Map<string, (matched: string, start: number) => Hit | undefined>();

  // Lowest priority first: later entries for the same form replace earlier ones.
  for (const [form, country] of COUNTRY_FORMS) {
    if (form.length > 2 || form === 'UK' || form === 'US') {
      forms.set(form, (matched, start) => ({
        start,
        end: start + matched.length,
        text: matched,
        name: country,
        type: 'country',
        source: 'nlp',
        reason: 'A country’s name',
        priority: 1,
      }));
    }
  }
  for (const actor of new Set(actors.values())) {
    for (const [form, formReason] of actor.forms) {
      forms.set(form, (matched, start) => ({
        start,
        end: start + matched.length,
        text: matched,
        name: actor.name,
        type: actor.type,
        source: 'nlp',
        // The form's own reason says whose surname or acronym it is; otherwise the actor's strongest evidence.
        reason: form === actor.name || !/^(?:Short for|Surname of)/.test(formReason) ? actor.reason : formReason,
        priority: 2,
      }));
    }
  }
  for (const k of known) {
    for (const form of [k.name, ...(k.aliases ?? [])]) {
      forms.set(form, (matched, start) => ({
        start,
        end: start + matched.length,
        text: matched,
        name: k.name,
        type: k.type ?? 'other',
        source: 'gazetteer',
        reason: form === k.name ? `Known actor ${k.name}` : `Known actor ${k.name} (alias ${form})`,
        ...(k.id !== undefined ? { actorId: k.id } : {}),
        priority: 3,
      }));
    }
  }
  const hidden = analysis.lines.filter((l) => l.kind === 'byline' || l.bodyStart > l.start);
  const allowed = (offset: number) => !hidden.some((l) => offset >= l.start && offset < (l.kind === 'byline' ? l.end : l.bodyStart));
  const all = removeOverlaps(scan(text, forms, allowed), text.length).map(({ priority: _priority, ...rest }) => rest);
  return { all, actors };
}

function filterActors(all: ActorSuggestion[], options: SuggestActorsOptions): ActorSuggestion[] {
  const rejected = new Set((options.rejected ?? []).map(normaliseActorText));
  const existing = options.existingMentions ?? [];
  return all.filter(
    (s) =>
      !rejected.has(normaliseActorText(s.text)) &&
      !rejected.has(normaliseActorText(s.name)) &&
      !existing.some((m) => m.start < s.end && s.start < m.end),
  );
}

/** Candidate actor mentions in the article, in text order. */
export function suggestActors(text: string, options: SuggestActorsOptions = {}): ActorSuggestion[] {
  return filterActors(actorSuggestionsFrom(analyse(text), options.known ?? []).all, options);
}

// ---------------------------------------------------------------------------------------------
// Attribution.

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

// ---------------------------------------------------------------------------------------------
// Claims.

/** Wording that compares quantities or reports a change: than, compared with, up from, rose, doubled, the highest since. */
const STRONG_COMPARISON =
  /(?<![\p{L}])(?:than|compared (?:with|to)|up from|down from|record|doubled?|tripled?|halved|rose|risen|rises|fell|fallen|falls|increased?|increases|decreased?|decreases|grew|grown|grows|declined?|declines|outperform(?:s|ed)?|exceed(?:s|ed)?|surpass(?:es|ed)?|(?:highest|lowest|largest|smallest|biggest|fastest|slowest|worst|best|first|last)\s+(?:since|in|ever|on record))(?![\p{L}])/iu;
const WEAK_COMPARISON =
  /(?<![\p{L}])(?:more|less|fewer|higher|lower|larger|smaller|bigger|faster|slower|most|least|highest|lowest|largest|smallest|biggest|fastest|slowest|worst|best)(?![\p{L}])/iu;
const PERCENT =
  /(?:(?<![\p{N}.,])\d+(?:[.,]\d+)?|(?<![\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half a))\s?(?:%|percentage points?|per cent|percent)/iu;
const MONEY =
  /(?:[$€£¥₽₹]\s?\d|\d[\d,.]*\s?(?:million|billion|trillion)?\s?(?:US |Swiss |Hong Kong |Canadian |Australian )?(?:dollars|euros|pounds|roubles|rubles|drams|tenge|soms|yuan|yen|rupees|francs)\b)/iu;
const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
/** Dates as the grammar colours them: March 3, 3 March 2024, September 2023, Tuesday, 2022, the 1990s, last week. */
const DATE = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?:(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})(?:,?\\s+\\d{4})?|(?:${MONTH})\\.?,?\\s+\\d{4}|(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:1[89]\\d\\d|20\\d\\d)s?|yesterday|today|tomorrow|tonight|(?:last|next|this|earlier this|later this)\\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter))(?![\\p{L}\\p{N}])`,
  'u',
);
const DATES = new RegExp(DATE.source, 'gu');
const HEDGE =
  /(?<![\p{L}])(?:could|might|may|should|must|expects?|expected to|forecasts?|predicts?|projected|plans? to|hopes? to|likely|unlikely|would like)(?![\p{L}])/iu;

interface Scored {
  start: number;
  end: number;
  score: number;
  reasons: string[];
  attribution?: Attribution;
}

/** `mentions` are those inside the sentence. */
function scoreSentence(analysis: Analysis, sentence: Sentence, start: number, mentions: readonly ActorSuggestion[]): Scored {
  const { text, tokens } = analysis;
  const span = text.slice(start, sentence.end);
  const reasons: string[] = [];
  let score = 0;
  const words = tokens.slice(sentence.first, sentence.last).filter((t) => t.start >= start);

  const percent = PERCENT.exec(span);
  const money = MONEY.exec(span);
  if (percent) {
    score += 2;
    reasons.push(`A percentage (${percent[0].trim()})`);
  }
  if (money) {
    score += 2;
    reasons.push(`An amount of money (${money[0].trim()})`);
  }
  const dates = [...span.matchAll(DATES)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] }));
  const figures = words.filter(
    (t) =>
      t.tags.has('Value') &&
      !t.tags.has('Percent') &&
      !t.tags.has('Money') &&
      !/^(?:one|a)$/i.test(t.text) &&
      !dates.some((d) => t.start >= d.start && t.end <= d.end),
  );
  if (figures.length > 0 && !(percent || money)) {
    // Digits are the surest sign of something to check; “two planes” less so.
    const digits = figures.find((t) => /\d/.test(t.text));
    score += digits ? 2 : 1.5;
    reasons.push(`A number (${(digits ?? figures[0]).text})`);
  } else if (figures.length > 0) {
    score += 0.5;
    reasons.push(`More figures (${figures[0].text})`);
  }
  const date = dates[0]?.text ?? words.find((t) => t.tags.has('Month') || t.tags.has('WeekDay'))?.text;
  if (date) {
    score += 1;
    reasons.push(`A date (${date})`);
  }
  const comparison = STRONG_COMPARISON.exec(span);
  const comparative = WEAK_COMPARISON.exec(span)?.[0] ?? words.find((t) => t.tags.has('Comparative') || t.tags.has('Superlative'))?.text;
  if (comparison) {
    score += 1.5;
    reasons.push(`A comparison (${comparison[0]})`);
  } else if (comparative) {
    // “closer ties”, “the most urgent need”: comparative words alone compare nothing measurable.
    score += 0.5;
    reasons.push(`A comparative (${comparative})`);
  }
  const attribution = attributionOf(span);
  const someone = attribution && (attribution.named || attribution.pronoun);
  if (attribution) {
    // “Officials said” tells less than “Hovhannisyan said”: nobody can be asked to stand by it.
    score += someone ? 1.5 : 0.5;
    reasons.push(`Attributed: ${attribution.claimant} ${attribution.cue}`);
  }
  if (/[“"]/.test(span)) {
    score += someone ? 1.5 : 1;
    reasons.push(someone ? 'Quotes someone directly' : 'Contains a quotation');
  }
  const named = new Set(mentions.map((m) => m.name));
  if (named.size > 0) {
    score += Math.min(1, 0.5 * named.size);
    reasons.push(`Names ${[...named].join(', ')}`);
  }
  if (/\?\s*[”"’]?\s*$/.test(span)) {
    score -= 3;
    reasons.push('A question (−)');
  }
  const hedge = HEDGE.exec(span);
  if (hedge) {
    score -= 1;
    reasons.push(`Hedged or about the future: “${hedge[0]}” (−)`);
  }
  if (words.length < 5) {
    score -= 1;
    reasons.push('Very short (−)');
  }
  return { start, end: sentence.end, score, reasons, ...(attribution ? { attribution } : {}) };
}

/** Index of the first mention that starts at or after `offset`; mentions are in text order and do not overlap. */
function firstFrom(mentions: readonly ActorSuggestion[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[mid].start < offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Resolves who is credited to an actor: a name to its full form or known actor, “he” to the last
 * person named before the sentence, “the company” to the last organisation.
 */
function resolveClaimant(
  attribution: Attribution,
  sentenceStart: number,
  mentions: readonly ActorSuggestion[],
  inSentence: readonly ActorSuggestion[],
  known: readonly KnownActor[],
  actors: Map<string, ArticleActor>,
): ClaimantGuess | undefined {
  const start = sentenceStart + attribution.start;
  const end = sentenceStart + attribution.end;
  const lastBefore = (accept: (m: ActorSuggestion) => boolean) => {
    for (let k = firstFrom(mentions, sentenceStart) - 1; k >= 0; k--) {
      if (accept(mentions[k])) {
        return mentions[k];
      }
    }
    return undefined;
  };
  const knownMatch = (name: string) => {
    const key = normaliseActorText(name);
    return known.find((k) => [k.name, ...(k.aliases ?? [])].some((n) => normaliseActorText(n) === key));
  };
  const guess = (name: string, at?: Span): ClaimantGuess => {
    const k = knownMatch(name);
    return { name: k?.name ?? name, ...(k?.id !== undefined ? { actorId: k.id } : {}), ...(at ? { start: at.start, end: at.end } : {}) };
  };
  if (attribution.pronoun) {
    const wanted = PRONOUNS[attribution.claimant.toLowerCase()];
    const last = wanted ? lastBefore((m) => m.type === wanted) : undefined;
    return last ? guess(last.name) : undefined;
  }
  if (attribution.named) {
    const mention = inSentence.find((m) => m.start <= start && end <= m.end) ?? inSentence.find((m) => m.start >= start && m.end <= end);
    if (mention) {
      return guess(mention.name, { start: mention.start, end: mention.end });
    }
    const actor = actors.get(normaliseActorText(attribution.claimant));
    return guess(actor?.name ?? attribution.claimant, { start, end });
  }
  const noun = /^(?:the|its|this)\s+(\p{Ll}+)$/iu.exec(attribution.claimant)?.[1];
  if (noun && ORGANISATION_NOUNS.has(noun)) {
    const organisation = (m: ActorSuggestion) => m.type === 'organisation' || m.type === 'other';
    const last = lastBefore((m) => organisation(m) && m.name.toLowerCase().includes(noun)) ?? lastBefore(organisation);
    return last ? guess(last.name) : undefined;
  }
  return undefined;
}

function claimSuggestionsFrom(
  analysis: Analysis,
  mentions: readonly ActorSuggestion[],
  actors: Map<string, ArticleActor>,
  options: SuggestClaimsOptions,
): ClaimSuggestion[] {
  const { text } = analysis;
  const known = options.actors ?? [];
  const rejected = new Set((options.rejected ?? []).map(normaliseClaimText));
  const existing = options.existingClaims ?? [];
  const minScore = options.minScore ?? DEFAULT_MIN_CLAIM_SCORE;
  const out: ClaimSuggestion[] = [];
  for (const sentence of analysis.sentences) {
    if (sentence.line.kind !== 'body') {
      continue;
    }
    // A dateline is not part of the first sentence's claim.
    const start = Math.max(sentence.start, sentence.line.bodyStart);
    if (start >= sentence.end) {
      continue;
    }
    const claimText = text.slice(start, sentence.end);
    if (rejected.has(normaliseClaimText(claimText)) || existing.some((c) => c.start < sentence.end && start < c.end)) {
      continue;
    }
    const inSentence = mentions.slice(firstFrom(mentions, start), firstFrom(mentions, sentence.end)).filter((m) => m.end <= sentence.end);
    const scored = scoreSentence(analysis, sentence, start, inSentence);
    if (scored.score < minScore) {
      continue;
    }
    const claimant = scored.attribution ? resolveClaimant(scored.attribution, start, mentions, inSentence, known, actors) : undefined;
    out.push({
      start,
      end: sentence.end,
      text: claimText,
      score: Math.round(scored.score * 100) / 100,
      reasons: scored.reasons,
      ...(claimant ? { claimant } : {}),
    });
  }
  out.sort((a, b) => b.score - a.score || a.start - b.start);
  return options.limit !== undefined ? out.slice(0, options.limit) : out;
}

/** Check-worthy sentences, best first, each with its reasons and a guessed claimant. */
export function suggestClaims(text: string, options: SuggestClaimsOptions = {}): ClaimSuggestion[] {
  const analysis = analyse(text);
  const { all, actors } = actorSuggestionsFrom(analysis, options.actors ?? []);
  return claimSuggestionsFrom(analysis, all, actors, options);
}

/** Actors and claims from one parse of the article: what the editor asks for when it opens an article. */
export function suggestAll(
  text: string,
  options: { actors?: SuggestActorsOptions; claims?: SuggestClaimsOptions } = {},
): { actors: ActorSuggestion[]; claims: ClaimSuggestion[] } {
  const analysis = analyse(text);
  const known = [...(options.actors?.known ?? []), ...(options.claims?.actors ?? [])];
  const { all, actors } = actorSuggestionsFrom(analysis, known);
  return {
    actors: filterActors(all, options.actors ?? {}),
    claims: claimSuggestionsFrom(analysis, all, actors, { ...options.claims, actors: known }),
  };
}
