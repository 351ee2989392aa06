// Writes the sidecars of samples/ from readable descriptions below, and copies three samples into the integration-test workspace.
//
// Usage: npx tsc -p tsconfig.test.json && node scripts/make-samples.mjs [--check]
//
// Offsets are found in the article files as they are on disk (CRLF, emoji and all) and the
// sidecars are written by the extension's own codec, so the editor opens them without a diff.
// --check writes nothing and fails if a sidecar or copy is out of date.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = path.join(ROOT, 'samples');
const WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'workspace');

const require = createRequire(import.meta.url);
let model;
let sidecar;
try {
  model = require(path.join(ROOT, 'out/src/core/model.js'));
  sidecar = require(path.join(ROOT, 'out/src/core/sidecar.js'));
} catch (error) {
  console.error(`The compiled core is missing (${error.message.split('\n')[0]}).\nRun: npx tsc -p tsconfig.test.json`);
  process.exit(1);
}

/**
 * One description per article. An actor's `mentions` lists texts to mark wherever they occur
 * as whole words; `{ text, only: [n, …] }` marks only those occurrences (1-based). Where two
 * mention texts overlap ("Kaldera reservoir" and "Kaldera"), the longer one wins. A claim's
 * `quote` must occur exactly once unless `occurrence` says which; `claimant` is an actor's name.
 */
const DESCRIPTIONS = [
  {
    file: 'brenn-water-rationing.txt',
    workspace: true,
    actors: [
      {
        name: 'Tomáš Řehoř',
        type: 'person',
        aliases: ['Řehoř', 'Environment Minister'],
        notes: 'Environment Minister; his office answers press questions by email only.',
        mentions: ['Tomáš Řehoř', 'Řehoř'],
      },
      { name: 'Zoë Aldám', type: 'person', aliases: ['Aldám'], notes: "Chair of the Brenn Farmers' Union.", mentions: ['Zoë Aldám', 'Aldám'] },
      { name: "Brenn Farmers' Union", type: 'organisation', aliases: ['the union'], mentions: ["Brenn Farmers' Union", 'union'] },
      {
        name: 'Brenn Regional Water Authority',
        type: 'organisation',
        aliases: ['the authority'],
        notes: 'Publishes reservoir storage every Monday.',
        mentions: ['Brenn Regional Water Authority', 'authority'],
      },
      { name: 'Ministry of the Environment', type: 'organisation', aliases: ['the ministry'], mentions: ['ministry'] },
      { name: 'Brenn valley', type: 'location', mentions: ['Brenn valley', 'valley'] },
      { name: 'Kaldera reservoir', type: 'location', notes: 'Completed in April; not yet connected to the supply network.', mentions: ['Kaldera reservoir'] },
      { name: 'Kaldera', type: 'location', mentions: ['Kaldera', 'KALDERA'] },
      { name: 'Brenn valley drought', type: 'event', aliases: ['#BrennDrought'], mentions: ['drought', 'BrennDrought'] },
    ],
    claims: [
      {
        quote: 'holding 31 per cent of capacity, well above the emergency threshold',
        claimant: 'Tomáš Řehoř',
        status: 'checked',
        verdict: 'mostly-false',
        sources: [
          {
            url: 'https://www.brenn-water.example/bulletins/2024-06-10',
            title: 'Reservoir storage bulletin, 10 June',
            archived: 'https://web.archive.org/web/20240611083000/https://www.brenn-water.example/bulletins/2024-06-10',
            accessed: '2024-06-11',
          },
          { url: 'https://www.environment.example/press/2024-06-17-drought-briefing', title: 'Drought briefing, transcript', accessed: '2024-06-17' },
        ],
        notes: 'Reaches 31% only by counting the Kaldera reservoir, which has no connection to the network yet. The three reservoirs in service hold 24%.',
      },
      {
        quote: 'Our wells are dry 💧',
        claimant: "Brenn Farmers' Union",
        status: 'unchecked',
        notes: 'Social media post; ask the union which wells and since when.',
      },
      {
        quote: 'Rationing began on 3 June in 14 municipalities',
        status: 'checked',
        verdict: 'true',
        sources: [{ url: 'https://www.brenn-water.example/notices/rationing-order', title: 'Rationing order for 14 municipalities', accessed: '2024-06-12' }],
      },
      { quote: 'at least 60 farms had lost their spring harvest', claimant: 'Zoë Aldám', status: 'unchecked' },
      {
        quote: 'rainfall in May had been the lowest since records began in 1961',
        claimant: 'Tomáš Řehoř',
        status: 'in-progress',
        sources: [{ url: 'https://www.weather-service.example/climate/2024-05', title: 'Monthly climate summary, May', accessed: '2024-06-18' }],
        notes: 'The weather service ranks May second-driest, after May 1976. Asked the ministry which series it used.',
      },
    ],
  },
  {
    file: 'riverside-council-election.md',
    workspace: true,
    actors: [
      { name: 'Helena Marsh', type: 'person', aliases: ['Marsh'], notes: 'Civic Alliance candidate for mayor.', mentions: ['Helena Marsh', 'Marsh'] },
      { name: 'Piotr Wiśniewski', type: 'person', aliases: ['Wiśniewski'], notes: 'Incumbent mayor.', mentions: ['Piotr Wiśniewski', 'Wiśniewski'] },
      { name: 'Civic Alliance', type: 'organisation', mentions: ['Civic Alliance'] },
      { name: 'Riverside Labour Party', type: 'organisation', aliases: ['Labour'], mentions: ['Riverside Labour Party', 'Labour'] },
      { name: 'Riverside Electoral Office', type: 'organisation', mentions: ['electoral office'] },
      { name: 'Riverside', type: 'location', mentions: ['Riverside'] },
      { name: 'Eastmoor', type: 'location', notes: 'The one district north of the river that Labour did not win.', mentions: ['Eastmoor'] },
      { name: 'Riverside mayoral election', type: 'event', aliases: ['first round', 'runoff'], mentions: ['mayoral election', 'first round', 'runoff'] },
    ],
    claims: [
      {
        quote: "collapsed to 29 per cent, the lowest in the city's history",
        claimant: 'Helena Marsh',
        status: 'checked',
        verdict: 'false',
        sources: [
          {
            url: 'https://www.riverside.example/elections/2024/mayor/first-round',
            title: 'Mayoral election 2024, first round: declaration of results',
            archived: 'https://web.archive.org/web/20240507120000/https://www.riverside.example/elections/2024/mayor/first-round',
            accessed: '2024-05-07',
          },
          { url: 'https://www.riverside.example/elections/archive/2011', title: 'Municipal election 2011: results', accessed: '2024-05-14' },
        ],
        notes: 'Turnout was 30.0% (41,882 of 139,604). Not the lowest: 2011 was 27.6%.',
      },
      {
        quote: 'won every district north of the river',
        // The first is the section heading; the second is what he said on the radio.
        occurrence: 2,
        claimant: 'Piotr Wiśniewski',
        status: 'checked',
        verdict: 'mixed',
        sources: [{ url: 'https://www.riverside.example/elections/2024/mayor/first-round/districts', title: 'First round: results by district', accessed: '2024-05-14' }],
        notes: 'Labour came first in five of the six northern districts; the Civic Alliance won Eastmoor by 212 votes.',
      },
      {
        quote: 'council tax has risen 40 per cent under this mayor',
        claimant: 'Civic Alliance',
        status: 'in-progress',
        sources: [{ url: 'https://www.riverside.example/council-tax/bands', title: 'Council tax bands and charges', accessed: '2024-05-15' }],
        notes: 'Band D: £1,412 (2019) to £1,786, +26.5%. Asked the party on 15 May for its figure including the transport levy.',
      },
      {
        quote: 'turnout in the 2011 municipal election was 27.6 per cent',
        status: 'checked',
        verdict: 'true',
        sources: [{ url: 'https://www.riverside.example/elections/archive/2011', title: 'Municipal election 2011: results', accessed: '2024-05-14' }],
      },
      { quote: '41,882 of 139,604 registered voters cast a ballot on 5 May', status: 'unchecked' },
    ],
  },
  {
    file: 'measles-vaccine-supply.news',
    workspace: true,
    actors: [
      {
        name: 'Alliance for Childhood Immunisation',
        type: 'organisation',
        aliases: ['the alliance'],
        mentions: ['Alliance for Childhood Immunisation', 'alliance'],
      },
      { name: 'Henrik Solberg', type: 'person', aliases: ['Solberg'], notes: 'Supply director of the alliance.', mentions: ['Henrik Solberg', 'Solberg'] },
      { name: "Vaccine Manufacturers' Council", type: 'organisation', mentions: ["Vaccine Manufacturers' Council"] },
      { name: 'World Health Organization', type: 'organisation', aliases: ['WHO'], wikidata: 'Q7817', mentions: ['World Health Organization'] },
      { name: 'Geneva', type: 'location', wikidata: 'Q71', mentions: ['Geneva', 'GENEVA'] },
      { name: 'November pledging conference', type: 'event', mentions: ['November pledging conference'] },
    ],
    claims: [
      {
        quote: '38 million doses had been delivered of the 92 million pledged at the November pledging conference',
        claimant: 'Henrik Solberg',
        status: 'in-progress',
        sources: [{ url: 'https://www.childhood-immunisation.example/briefings/2025-03-14', title: 'Supply briefing, 14 March', accessed: '2025-03-14' }],
        notes: 'Delivery tracker received; the pledge total still has to be matched against the conference communiqué.',
      },
      {
        quote: 'barely four in ten of what was promised',
        claimant: 'Henrik Solberg',
        status: 'checked',
        verdict: 'true',
        notes: '38 of 92 million is 41%.',
      },
      { quote: 'confirmed cases in the nine countries doubled between January and February', status: 'unchecked' },
      {
        quote: 'delivered every dose that was ordered and paid for',
        claimant: "Vaccine Manufacturers' Council",
        status: 'checked',
        verdict: 'unproven',
        notes: 'The council has published no order or delivery figures; two requests unanswered by 20 March.',
      },
      {
        quote: 'coverage of 95 per cent with both doses is needed to prevent outbreaks',
        claimant: 'World Health Organization',
        status: 'checked',
        verdict: 'true',
        sources: [{ url: 'https://www.who.int/news-room/fact-sheets/detail/measles', title: 'Measles: fact sheet', accessed: '2025-03-15' }],
      },
    ],
  },
  {
    file: 'csto-exercise.txt',
    workspace: false,
    actors: [
      { name: 'Armenia', type: 'country', wikidata: 'Q399', mentions: ['Armenia'] },
      { name: 'Russia', type: 'country', wikidata: 'Q159', aliases: ['Moscow'], mentions: ['Russia', 'Moscow'] },
      { name: 'Kyrgyzstan', type: 'country', wikidata: 'Q813', mentions: ['Kyrgyzstan'] },
      {
        name: 'Collective Security Treaty Organization',
        type: 'organisation',
        aliases: ['CSTO'],
        wikidata: 'Q189006',
        mentions: ['Collective Security Treaty Organization', 'CSTO'],
      },
      { name: 'Nikol Pashinyan', type: 'person', aliases: ['Pashinyan'], notes: 'Prime Minister of Armenia.', mentions: ['Nikol Pashinyan', 'Pashinyan'] },
    ],
    claims: [
      { quote: 'Approximately 2,500 personnel and various military equipment are involved in the exercises', status: 'unchecked' },
      {
        quote: 'a defense alliance comprising Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, and Tajikistan',
        status: 'checked',
        verdict: 'true',
        sources: [{ url: 'https://www.wikidata.org/wiki/Q189006', title: 'Collective Security Treaty Organization: member states (Wikidata)', accessed: '2024-09-02' }],
      },
    ],
  },
];

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** UTF-16 [start, end) of every whole-word occurrence of `needle`. */
function occurrences(text, needle) {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + needle.length]);
}

function mentionSpans(text, actors) {
  const wanted = [];
  actors.forEach((actor, actorIndex) => {
    for (const entry of actor.mentions) {
      const { text: needle, only } = typeof entry === 'string' ? { text: entry } : entry;
      const found = occurrences(text, needle);
      if (found.length === 0) {
        throw new Error(`"${needle}" (a mention of ${actor.name}) does not occur in the article`);
      }
      found.forEach((span, i) => {
        if (!only || only.includes(i + 1)) {
          wanted.push({ actorIndex, span });
        }
      });
    }
  });
  // Longest first, so "Kaldera reservoir" is not also marked as "Kaldera".
  wanted.sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]) || a.span[0] - b.span[0]);
  const taken = [];
  const byActor = actors.map(() => []);
  for (const { actorIndex, span } of wanted) {
    if (!taken.some(([s, e]) => span[0] < e && s < span[1])) {
      taken.push(span);
      byActor[actorIndex].push(model.anchorAt(text, span[0], span[1]));
    }
  }
  return byActor;
}

function claimSpan(text, claim) {
  const all = [];
  for (let at = text.indexOf(claim.quote); at >= 0; at = text.indexOf(claim.quote, at + 1)) {
    all.push(at);
  }
  if (all.length === 0 || (all.length > 1 && !claim.occurrence)) {
    throw new Error(`The claim "${claim.quote}" occurs ${all.length} times; it must occur once, or say which occurrence`);
  }
  const start = all[(claim.occurrence ?? 1) - 1];
  return [start, start + claim.quote.length];
}

function annotationsFor(description, text) {
  const taken = new Set();
  const mentions = mentionSpans(text, description.actors);
  const actors = description.actors.map((actor, i) => {
    const id = model.slugId(actor.name, taken);
    taken.add(id);
    return { id, name: actor.name, type: actor.type, aliases: actor.aliases, wikidata: actor.wikidata, notes: actor.notes, mentions: mentions[i] };
  });
  const idOf = (name) => {
    const actor = actors.find((a) => a.name === name);
    if (!actor) {
      throw new Error(`The claimant "${name}" is not one of the actors of ${description.file}`);
    }
    return actor.id;
  };
  const claims = [];
  for (const claim of description.claims) {
    const [start, end] = claimSpan(text, claim);
    claims.push({
      id: model.nextClaimId(claims),
      anchor: model.anchorAt(text, start, end),
      claimant: claim.claimant === undefined ? undefined : idOf(claim.claimant),
      status: claim.status,
      verdict: claim.verdict,
      sources: claim.sources ?? [],
      notes: claim.notes,
    });
  }
  return { article: { file: description.file }, actors, claims };
}

/** Writes `content` to `file`, or in check mode reports whether it would change. Returns true when up to date. */
function put(file, content, check) {
  const current = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  const fresh = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  if (current && current.equals(fresh)) {
    return true;
  }
  if (!check) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fresh);
  }
  console.log(`${check ? 'out of date' : 'wrote'}: ${path.relative(ROOT, file)}`);
  return false;
}

const check = process.argv.includes('--check');
let upToDate = true;
for (const description of DESCRIPTIONS) {
  const articlePath = path.join(SAMPLES, description.file);
  // Read as stored: a BOM or CRLF is part of the text the offsets count.
  const text = fs.readFileSync(articlePath, 'utf8');
  const annotations = annotationsFor(description, text);
  const yaml = sidecar.encodeSidecar(annotations, text);
  const problems = sidecar.decodeSidecar(yaml, text).problems;
  if (problems.length) {
    throw new Error(`${description.file}: the written sidecar does not read back cleanly: ${JSON.stringify(problems)}`);
  }
  const sidecarName = sidecar.sidecarNameFor(description.file);
  upToDate = put(path.join(SAMPLES, sidecarName), yaml, check) && upToDate;
  if (description.workspace) {
    upToDate = put(path.join(WORKSPACE, description.file), fs.readFileSync(articlePath), check) && upToDate;
    upToDate = put(path.join(WORKSPACE, sidecarName), yaml, check) && upToDate;
  }
  const mentionCount = annotations.actors.reduce((n, a) => n + a.mentions.length, 0);
  console.log(`${description.file}: ${annotations.actors.length} actors, ${mentionCount} mentions, ${annotations.claims.length} claims`);
}
if (check && !upToDate) {
  console.error('Run: node scripts/make-samples.mjs');
  process.exit(1);
}
