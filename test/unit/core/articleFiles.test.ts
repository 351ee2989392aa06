// Tests of which files Newsmark takes as articles.

import assert from 'node:assert/strict';
import { isArticlePath } from '../../../src/core/articleFiles';
import { EXPORT_FORMATS, exportFileName } from '../../../src/core/exporters';

describe('articleFiles', () => {
  it('takes plain text, Markdown and news-article files as articles', () => {
    for (const path of ['/news/csto-exercise.txt', '/news/summit.md', 'C:\\news\\budget.article', '/news/vote.news', '/news/README']) {
      assert.equal(isArticlePath(path), true, path);
    }
  });

  it('never takes a sidecar or any export of an article as an article', () => {
    assert.equal(isArticlePath('/news/csto.txt.annotations.yaml'), false);
    for (const format of EXPORT_FORMATS) {
      const name = exportFileName('csto.txt', format);
      assert.equal(isArticlePath(`/news/${name}`), false, name);
      assert.equal(isArticlePath(`/news/${name.toUpperCase()}`), false, name.toUpperCase());
    }
  });

  it('leaves out brat’s files, data files and Newsmark’s own folder', () => {
    for (const path of ['/corpus/summit.ann', '/corpus/annotation.conf', '/corpus/visual.conf', '/data/claims.csv', '/data/settings.json', '/data/x.jsonld', '/news/.newsmark/notes.txt', 'news\\.newsmark\\fact-checks.yaml']) {
      assert.equal(isArticlePath(path), false, path);
    }
    assert.equal(isArticlePath('/news/newsmark/summit.txt'), true, 'a folder merely named newsmark');
  });
});
