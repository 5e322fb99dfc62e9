import { describe, expect, test } from 'vitest';
import { DEFAULT_METHOD } from '../../../src/lib/fewshot/method.ts';
import { withUnsaved } from '../../../src/lib/lab/worker/tab-merge.ts';
import type { LabShape } from '../../../src/lib/lab/worker/store.ts';

const lab = (...classes: Array<[string, string, string[]]>): LabShape => ({ modelId: 'sketch-protonet', method: DEFAULT_METHOD, classes: classes.map(([id, name, exampleIds]) => ({ id, name, exampleIds })) });

describe('withUnsaved', () => {
  test('returns the saved lab when this tab has nothing that was never stored', () => {
    const saved = lab(['c1', 'Cats', ['e1', 'e2']]);
    expect(withUnsaved(saved, lab(['c1', 'Cats', ['e1']]), new Set(['e1']))).toEqual({ shape: saved, added: 0 });
  });

  test('returns this tab’s never-stored examples in the saved class of the same id, else the same name, else a class of their own', () => {
    const saved = lab(['c1', 'Cats', ['e1']], ['c2', 'Dogs', []]);
    const mine = lab(['c1', 'Cats renamed here', ['e1', 'n1']], ['c9', 'dogs', ['n2']], ['c8', 'Birds', ['n3']]);
    expect(withUnsaved(saved, mine, new Set(['e1']))).toEqual({ shape: lab(['c1', 'Cats', ['e1', 'n1']], ['c2', 'Dogs', ['n2']], ['c8', 'Birds', ['n3']]), added: 3 });
  });

  test('returns without an example this tab knew stored and the other tab removed (its removal stands)', () => {
    const saved = lab(['c1', 'Cats', ['e2']]);
    expect(withUnsaved(saved, lab(['c1', 'Cats', ['e1', 'e2']]), new Set(['e1', 'e2'])).shape).toEqual(saved);
  });
});
