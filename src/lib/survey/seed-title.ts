import seedText from '../../content/source/seed.txt?raw';
import { parseSeed } from './seed';

/** The survey's own title and mark legend, read from the seed rather than retyped. */
export function parseSeedTitle(): { title: string; legend: string } {
  const { title, legend } = parseSeed(seedText);
  return { title, legend };
}
