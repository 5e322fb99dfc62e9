/**
 * Marks the survey author's own remarks in paper notes.
 *
 * In src/content/papers/*.md, text between « and » is the seed author's
 * commentary (his opinion or reply), as opposed to what the paper claims. The
 * guillemets never reach the page: the text becomes a labelled span that the
 * stylesheet sets apart.
 */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

const REMARK = /«([^»]+)»/g;
export const REMARK_CLASS = 'author-remark';
export const REMARK_LABEL_CLASS = 'author-remark__label';

function span(className: string, children: MdNode[]): MdNode {
  return { type: 'emphasis', data: { hName: 'span', hProperties: { className: [className] } }, children };
}

function splitRemarks(value: string): MdNode[] {
  const out: MdNode[] = [];
  let last = 0;
  for (const match of value.matchAll(REMARK)) {
    if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
    out.push(
      span(REMARK_CLASS, [
        span(REMARK_LABEL_CLASS, [{ type: 'text', value: 'Survey author' }]),
        { type: 'text', value: match[1]! },
      ]),
    );
    last = match.index + match[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

function transform(node: MdNode): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text' && child.value?.includes('«')) return splitRemarks(child.value);
    transform(child);
    return [child];
  });
}

export default function remarkAuthorRemarks() {
  return (tree: MdNode) => transform(tree);
}
