/**
 * The letters of the n-th class name in spreadsheet order: 0 → "A", 25 → "Z",
 * 26 → "AA", 701 → "ZZ", 702 → "AAA". Bijective base 26, so every name is
 * used once and none is skipped, however many classes a visitor adds.
 */
export function classLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The name a new class gets: the first of "Class A", "Class B", … "Class Z", "Class AA", … that no class has yet (names compare without case). */
export function nextClassName(taken: string[]): string {
  const names = new Set(taken.map((name) => name.toLocaleLowerCase()));
  let n = 0;
  while (names.has(`class ${classLetters(n).toLocaleLowerCase()}`)) n++;
  return `Class ${classLetters(n)}`;
}
