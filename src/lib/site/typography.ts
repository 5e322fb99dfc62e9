/**
 * Words run into links and code when a line break in a template meets a tag
 * or `{…}` and the build collapses the whitespace ("follow the<a …>graph</a>").
 * These checks find them in built HTML: a letter or ")" directly before an
 * opening <a>, <code> or <em>, or a closing </a>, </code>, </em> directly
 * before a letter or "(".
 */
const OPENING = /([\p{L})])(<(?:a|code|em)\b[^>]*>)/gu;
const CLOSING = /(<\/(?:a|code|em)>)([\p{L}(])/gu;

export interface RunTogether {
  /** The offending place with a little text either side, tags stripped, for the error message. */
  context: string;
}

/** Text of the page that a reader sees: scripts, styles, comments and SVG drawings removed. */
function visibleMarkup(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/g, '');
}

export function findRunTogether(html: string): RunTogether[] {
  const markup = visibleMarkup(html);
  const found: RunTogether[] = [];
  for (const pattern of [OPENING, CLOSING]) {
    for (const match of markup.matchAll(pattern)) {
      const start = Math.max(0, match.index - 60);
      const context = markup.slice(start, match.index + match[0].length + 60).replace(/<[^>]*>/g, '⟨⟩').replace(/\s+/g, ' ');
      found.push({ context });
    }
  }
  return found;
}
