// Text helpers for the UI scenarios, and the functions they run inside the page against the workbench's DOM.

/** Visible text as a user reads it: non-breaking spaces (how the editor renders spaces) as spaces. */
export function clean(text) {
  return (text ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** In the page: the on-screen box of the n-th occurrence of `text` across an editor's rendered lines. */
export const TEXT_BOX = (root, { text, occurrence }) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n, at: all.length });
    all += n.data.replace(/\u00a0/g, ' ');
  }
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = all.indexOf(text, at + 1);
    if (at < 0) return null;
  }
  const locate = (offset) => {
    const hit = nodes.findLast((n) => n.at <= offset);
    return [hit.node, offset - hit.at];
  };
  const range = document.createRange();
  range.setStart(...locate(at));
  range.setEnd(...locate(at + text.length - 1));
  range.setEnd(range.endContainer, range.endOffset + 1);
  const r = range.getClientRects()[0];
  return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
};

/** In the page: the classes of Newsmark-style decoration boxes ("cdr ced-…") under a point. */
export const HIGHLIGHTS_AT = ({ x, y }) =>
  [...document.querySelectorAll('.editor-group-container.active .view-overlays .cdr')]
    .filter((el) => /(^|\s)ced-/.test(el.className))
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
    })
    .map((el) => el.className);

// Serialised into the page on its own, so it cannot call HIGHLIGHTS_AT.
export const HIGHLIGHT_AT = ({ x, y }) =>
  [...document.querySelectorAll('.editor-group-container.active .view-overlays .cdr')].some((el) => {
    const r = el.getBoundingClientRect();
    return /(^|\s)ced-/.test(el.className) && r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
  });

export const DECORATIONS_CHANGED = ({ x, y, before }) =>
  [...document.querySelectorAll('.editor-group-container.active .view-overlays .cdr')]
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return /(^|\s)ced-/.test(el.className) && r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
    })
    .map((el) => el.className)
    .sort()
    .join(' ') !== before;

/** 1-based line and column (UTF-16, as Go to Line counts) of the n-th occurrence of `text`. */
export function position(source, text, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = source.indexOf(text, at + 1);
    if (at < 0) throw new Error(`“${text}” (occurrence ${occurrence}) is not in the article`);
  }
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Code-point offset of the n-th occurrence of `text`, as the sidecar counts. */
export function offsetOf(source, text, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = source.indexOf(text, at + 1);
  if (at < 0) throw new Error(`“${text}” is not in the article`);
  return [...source.slice(0, at)].length;
}

export function escapeRe(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
