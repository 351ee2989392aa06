// Suggested actors: runs of names in compromise's tagging, typed by the evidence around them, grouped into the article's actors.

import { type Analysis, type Sentence, type Token } from './analysis';
import { bare, COUNTRY_FORMS, isAcronym, MONTHS_AND_DAYS, NAME_CONNECTORS, ORGANISATION_NOUNS, ORGANISATION_WORDS, PERSON_NOUNS, PERSON_TITLES, PLACE_NOUNS, PLACE_WORDS, stripPossessive } from './lexicon';
import { normaliseActorText } from './normalise';
import type { ActorSuggestion, KnownActor, SuggestActorsOptions, SuggestedActorType } from './types';

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
export interface ArticleActor {
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

export function actorSuggestionsFrom(analysis: Analysis, known: readonly KnownActor[]): { all: ActorSuggestion[]; actors: Map<string, ArticleActor> } {
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

export function filterActors(all: ActorSuggestion[], options: SuggestActorsOptions): ActorSuggestion[] {
  const rejected = new Set((options.rejected ?? []).map(normaliseActorText));
  const existing = options.existingMentions ?? [];
  return all.filter(
    (s) =>
      !rejected.has(normaliseActorText(s.text)) &&
      !rejected.has(normaliseActorText(s.name)) &&
      !existing.some((m) => m.start < s.end && s.start < m.end),
  );
}
