// Tests of source citations: what a fact-checker pastes into a write-up, with nothing invented and no punctuation glued to addresses.

import assert from 'node:assert/strict';
import { formatCitation, formatCitations, readableDate, siteName } from '../../../src/core/citation';

describe('citation', () => {
  it('cites a source with its title, site, date accessed and archived copy', () => {
    assert.equal(
      formatCitation({
        url: 'https://www.example.org/csto-exercise',
        title: 'CSTO press release',
        archived: 'https://web.archive.org/web/2026/https://example.org/csto-exercise',
        accessed: '2026-11-28',
      }),
      'CSTO press release. example.org. Accessed 28 November 2026. https://www.example.org/csto-exercise (archived at https://web.archive.org/web/2026/https://example.org/csto-exercise)',
    );
  });

  it('leaves out what the source does not have', () => {
    assert.equal(formatCitation({ url: 'https://example.org/levels' }), 'example.org. https://example.org/levels');
    assert.equal(formatCitation({ url: 'https://example.org/levels', accessed: '2026-06-03' }), 'example.org. Accessed 3 June 2026. https://example.org/levels');
  });

  it('does not repeat the site when the title names it, nor end a sentence twice', () => {
    assert.equal(
      formatCitation({ url: 'https://reuters.com/x', title: 'Reservoirs at record low | Reuters.com' }),
      'Reservoirs at record low | Reuters.com. https://reuters.com/x',
    );
    assert.equal(formatCitation({ url: 'https://example.org/q', title: 'Is the figure right?' }), 'Is the figure right? example.org. https://example.org/q');
  });

  it('writes dates day-month-year, and keeps a date it cannot read as written', () => {
    assert.equal(readableDate('2026-01-09'), '9 January 2026');
    assert.equal(readableDate('2026-13-01'), '2026-13-01');
    assert.equal(readableDate('last week'), 'last week');
  });

  it('names the site by its host without www', () => {
    assert.equal(siteName('https://www.gov.am/en/news'), 'gov.am');
    assert.equal(siteName('not a url'), undefined);
  });

  it('numbers several sources one per line, and leaves a single one unnumbered', () => {
    const sources = [{ url: 'https://a.example/1' }, { url: 'https://b.example/2', title: 'Second' }];
    assert.equal(formatCitations(sources), '1. a.example. https://a.example/1\n2. Second. b.example. https://b.example/2');
    assert.equal(formatCitations(sources.slice(0, 1)), 'a.example. https://a.example/1');
  });

  it('writes a title as one line, and leaves out a title of spaces only', () => {
    assert.equal(formatCitation({ url: 'https://example.org/a', title: '  Reservoir\n  levels\tin June ' }), 'Reservoir levels in June. example.org. https://example.org/a');
    assert.equal(formatCitation({ url: 'https://example.org/a', title: ' \n ' }), 'example.org. https://example.org/a');
  });

  it('names the site when the title does not, whatever the case of either', () => {
    assert.equal(formatCitation({ url: 'https://WWW.Example.org/a', title: 'Levels' }), 'Levels. example.org. https://WWW.Example.org/a');
    assert.equal(formatCitation({ url: 'https://example.org/a', title: 'From EXAMPLE.ORG' }), 'From EXAMPLE.ORG. https://example.org/a');
    assert.equal(formatCitation({ url: 'https://example.org/a', title: 'Example says' }), 'Example says. example.org. https://example.org/a');
  });

  it('ends a title that closes a sentence without another full stop', () => {
    assert.equal(formatCitation({ url: 'https://example.org/a', title: 'Drought declared!' }), 'Drought declared! example.org. https://example.org/a');
    assert.equal(formatCitation({ url: 'https://example.org/a', title: 'Levels fell.' }), 'Levels fell. example.org. https://example.org/a');
    assert.equal(formatCitation({ url: 'https://example.org/a', title: 'Levels fell. Again' }), 'Levels fell. Again. example.org. https://example.org/a');
  });

  it('copies addresses without the spaces around them', () => {
    assert.equal(
      formatCitation({ url: '  https://example.org/a ', archived: ' https://web.archive.org/web/2026/https://example.org/a\n' }),
      'example.org. https://example.org/a (archived at https://web.archive.org/web/2026/https://example.org/a)',
    );
    assert.equal(formatCitation({ url: 'not an address' }), 'not an address');
  });

  it('keeps a date with an impossible day or month, or anything around it, as written', () => {
    assert.equal(readableDate('2026-12-31'), '31 December 2026');
    assert.equal(readableDate('2026-01-01'), '1 January 2026');
    for (const odd of ['2026-00-10', '2026-06-00', '2026-06-32', 'on 2026-06-03', '2026-06-03 noon', '2026-6-3', '26-06-03']) {
      assert.equal(readableDate(odd), odd);
      assert.equal(formatCitation({ url: 'https://example.org/a', accessed: odd }), `example.org. Accessed ${odd}. https://example.org/a`);
    }
  });

  it('keeps "www" that is part of a host name, and names no site for an address without a host', () => {
    assert.equal(siteName('https://awww.example.org/'), 'awww.example.org');
    assert.equal(siteName('https://www.www.example.org/'), 'www.example.org');
    assert.equal(siteName(' https://example.org/ '), 'example.org');
    assert.equal(siteName('mailto:desk@example.org'), undefined);
    assert.equal(formatCitation({ url: 'mailto:desk@example.org', title: 'Desk' }), 'Desk. mailto:desk@example.org');
  });

  it('names every month', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    months.forEach((month, i) => assert.equal(readableDate(`2026-${String(i + 1).padStart(2, '0')}-15`), `15 ${month} 2026`));
  });

  it('copies an address without an archived copy without the spaces around it', () => {
    assert.equal(formatCitation({ url: ' https://example.org/a\n', title: 'Levels' }), 'Levels. example.org. https://example.org/a');
  });

  it('lists no sources as nothing', () => {
    assert.equal(formatCitations([]), '');
  });
});
