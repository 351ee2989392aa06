// Tests of the Markdown fact-check report and the CSV of claims.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBrat } from '../../../src/core/brat';
import { type Annotations, anchorAt, emptyAnnotations } from '../../../src/core/model';
import { CSV_COLUMNS, exportClaimsCsv, exportMarkdownReport } from '../../../src/core/report';

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
  const text = readFileSync(join(FIXTURES, 'summit.txt'), 'utf8');
  const imported = importBrat(text, readFileSync(join(FIXTURES, 'summit.ann'), 'utf8'), { articleFile: 'summit.txt' }).annotations!;
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

    it('gathers several articles under one header', () => {
      const rows = parseCsv(exportClaimsCsv([{ annotations: annotated(), text }, { annotations: emptyAnnotations('blank.txt'), text: '' }, { annotations: annotated(), text }]));
      assert.equal(rows.length, 1 + 3 + 3);
      assert.equal(rows.filter((r) => r[0] === 'article').length, 1);
    });
  });
});
