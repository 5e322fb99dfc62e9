/** The name a new class gets: the first of "Class A", "Class B", … that no class has yet (names compare without case). */
export function nextClassName(taken: string[]): string {
  const names = new Set(taken.map((name) => name.toLocaleLowerCase()));
  let n = 0;
  while (names.has(`class ${String.fromCharCode(97 + n)}`)) n++;
  return `Class ${String.fromCharCode(65 + n)}`;
}
