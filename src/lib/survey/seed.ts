/**
 * Parser for the survey's source text (src/content/source/seed.txt).
 *
 * The seed is a plain-text export of a web page: a table of contents, then one
 * section per topic whose papers are bullets ("  • ") and whose notes are
 * deeper bullets (two more spaces per level). The parser is independent of the
 * content collection on purpose: tests compare the two, so a paper or note
 * dropped while curating the collection fails the build.
 */

export type RelevanceMark = 'recommended' | 'not-recommended' | 'none';

export interface SeedNote {
  /** 1 for a note directly under the paper, 2 for a note under that note, … */
  depth: number;
  text: string;
}

export interface SeedPaper {
  /** The paper's line without its bullet and relevance mark, e.g. "Ranked List Loss for Deep Metric Learning". */
  line: string;
  mark: RelevanceMark;
  /** Notes in reading order; a remark written after the mark on the paper's own line comes first. */
  notes: SeedNote[];
}

export interface SeedSection {
  /** The heading as the seed's body gives it; empty where the seed leaves it out. */
  heading: string;
  papers: SeedPaper[];
}

export interface SeedSurvey {
  title: string;
  legend: string;
  /** The numbered table of contents, one entry per topic. */
  contents: string[];
  sections: SeedSection[];
}

const BULLET = /^( *)• (.*)$/;
const CONTENTS_ENTRY = /^ {2}\d+\. (.*)$/;
const MARKS: ReadonlyArray<[string, RelevanceMark]> = [
  [':+1:', 'recommended'],
  [':-1:', 'not-recommended'],
];
/** The page footer that follows the survey. */
const END_OF_SURVEY = '# #';

export function parsePaperLine(text: string): { line: string; mark: RelevanceMark; remark?: string } {
  for (const [token, mark] of MARKS) {
    const at = text.indexOf(token);
    if (at === -1) continue;
    const line = text.slice(0, at).trim();
    const remark = text
      .slice(at + token.length)
      .replace(/^\s*:?\s*/, '')
      .trim();
    return remark ? { line, mark, remark } : { line, mark };
  }
  return { line: text.trim(), mark: 'none' };
}

export function parseSeed(source: string): SeedSurvey {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const title = lines[0]?.trim() ?? '';
  const legend = lines.find((l) => l.includes(':+1:'))?.trim() ?? '';
  const contents: string[] = [];
  const sections: SeedSection[] = [];

  let i = 0;
  while (i < lines.length && !CONTENTS_ENTRY.test(lines[i]!)) i++;
  while (i < lines.length && CONTENTS_ENTRY.test(lines[i]!)) {
    contents.push(CONTENTS_ENTRY.exec(lines[i]!)![1]!.trim());
    i++;
  }

  let section: SeedSection | undefined;
  let paper: SeedPaper | undefined;
  let blankRun = 0;
  let proseSection = false;

  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === END_OF_SURVEY) break;
    if (raw.trim() === '') {
      blankRun++;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      const depth = bullet[1]!.length / 2 - 1;
      const text = bullet[2]!.trim();
      // Several blank lines before a paper bullet stand for a heading the seed left out.
      if (!section || (depth === 0 && blankRun >= 2)) {
        section = { heading: '', papers: [] };
        sections.push(section);
        proseSection = false;
      }
      if (depth === 0) {
        const parsed = parsePaperLine(text);
        paper = { line: parsed.line, mark: parsed.mark, notes: [] };
        if (parsed.remark) paper.notes.push({ depth: 1, text: parsed.remark });
        section.papers.push(paper);
      } else {
        if (!paper) throw new Error(`Seed line ${i + 1}: a note comes before any paper.`);
        paper.notes.push({ depth, text });
      }
    } else if (raw.startsWith(' ')) {
      throw new Error(`Seed line ${i + 1}: indented text that is not a bullet: "${raw.trim()}"`);
    } else if (section && section.heading && (section.papers.length === 0 || proseSection)) {
      // A section without bullets is itself one paper (the last topic); its paragraphs are its notes.
      if (!proseSection) {
        paper = { ...parsePaperLine(section.heading), notes: [] };
        section.papers.push(paper);
        proseSection = true;
      }
      paper!.notes.push({ depth: 1, text: raw.trim() });
    } else {
      section = { heading: raw.trim(), papers: [] };
      sections.push(section);
      paper = undefined;
    }
    blankRun = 0;
  }
  return { title, legend, contents, sections };
}
