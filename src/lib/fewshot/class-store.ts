import type { HeadOptions } from './head.ts';
import { checkHeadOptions } from './head.ts';
import { MAX_HEAD_EXAMPLES } from './head-losses.ts';
import { checkMethod, DEFAULT_METHOD, type Method } from './method.ts';
import { cleanName, FewShotError, ids } from './names.ts';

export { FewShotError } from './names.ts';

/**
 * The few-shot classifier's data, without any DOM: classes and examples by
 * id (their embeddings), the method, and the learned head's settings.
 * Modelled on TensorFlow.js's KNN classifier (it owns its data set). Every
 * change bumps `revision`, which is how a Predictor knows its cached fit is
 * stale. The lab's worker and the evaluation harness in Node run this code.
 */
export interface SessionClass {
  id: string;
  name: string;
  examples: Array<{ id: string; embedding: Float32Array }>;
}

/** Everything a ClassStore holds, as plain data (the lab's save and rebuild, and tests). */
export interface StoreSnapshot {
  method: Method;
  head: HeadOptions | null;
  classes: SessionClass[];
}

export class ClassStore {
  readonly dim: number;
  private classes: SessionClass[] = [];
  private current: Method = DEFAULT_METHOD;
  private headOptions: HeadOptions | null = null;
  /** Bumped by every change that alters what a fit is made of (not by a rename). */
  revision = 0;

  constructor(dim: number) {
    if (!Number.isInteger(dim) || dim < 1) throw new FewShotError(`The embedding size must be a whole number ≥ 1; got ${dim}.`);
    this.dim = dim;
  }

  get method(): Method {
    return this.current;
  }

  /** The learned metric head's options, or null when verdicts use plain prototypes. */
  get head(): HeadOptions | null {
    return this.headOptions;
  }

  /** A copy of the classes' names and example ids, so callers cannot change the store behind its back. */
  list(): Array<{ id: string; name: string; exampleIds: string[] }> {
    return this.classes.map((c) => ({ id: c.id, name: c.name, exampleIds: c.examples.map((e) => e.id) }));
  }

  /** The classes that have examples (the ones a fit is made of). */
  ready(): SessionClass[] {
    return this.classes.filter((c) => c.examples.length > 0);
  }

  setMethod(method: Partial<Method>): Method {
    this.current = checkMethod({ ...this.current, ...method });
    return this.changed(this.current);
  }

  /** Turns the learned metric on (the engine trains it, see Predictor.trainHead) or off (null). */
  setHead(options: Partial<HeadOptions> | null): HeadOptions | null {
    this.headOptions = options === null ? null : checkHeadOptions(options);
    return this.changed(this.headOptions);
  }

  /** Whether the examples allow a head: two classes with two examples or more (it needs held-out examples to calibrate), and not too many. */
  canLearnMetric(): boolean {
    const total = this.classes.reduce((sum, c) => sum + c.examples.length, 0);
    return this.classes.filter((c) => c.examples.length >= 2).length >= 2 && total <= MAX_HEAD_EXAMPLES;
  }

  /** Adds a class at `index` (default: the end); refuses a blank name or one another class has. */
  addClass(name: string, id: string = ids.next('class'), index = this.classes.length): string {
    if (this.classes.some((c) => c.id === id)) throw new FewShotError(`There is already a class ${id}.`);
    this.classes.splice(index, 0, { id, name: this.uniqueName(name), examples: [] });
    return this.changed(id);
  }

  renameClass(id: string, name: string): string {
    const target = this.find(id);
    return (target.name = this.uniqueName(name, target));
  }

  /** Removes a class and returns it with its position, so it can be put back. */
  removeClass(id: string): { removed: SessionClass; index: number } {
    const index = this.classes.indexOf(this.find(id));
    const [removed] = this.classes.splice(index, 1);
    return this.changed({ removed: removed!, index });
  }

  addExample(classId: string, embedding: Float32Array, id: string = ids.next('example')): string {
    if (embedding.length !== this.dim) throw new FewShotError(`This embedding has ${embedding.length} values, but the model gives ${this.dim}.`);
    if (!embedding.every(Number.isFinite)) throw new FewShotError('This embedding contains NaN or infinity; the image could not be embedded.');
    if (this.classes.some((c) => c.examples.some((e) => e.id === id))) throw new FewShotError(`There is already an example ${id}.`);
    this.find(classId).examples.push({ id, embedding: embedding.slice() });
    return this.changed(id);
  }

  removeExample(id: string): void {
    for (const c of this.classes) {
      const at = c.examples.findIndex((e) => e.id === id);
      if (at !== -1) return void this.changed(c.examples.splice(at, 1));
    }
    throw new FewShotError(`There is no example ${id}.`);
  }

  snapshot(): StoreSnapshot {
    return { method: this.current, head: this.headOptions, classes: this.classes.map((c) => ({ id: c.id, name: c.name, examples: c.examples.map((e) => ({ ...e })) })) };
  }

  /** Replaces everything with a snapshot's, checked as if each class and example were added one by one. */
  restore(snapshot: StoreSnapshot): void {
    const restored = new ClassStore(this.dim);
    restored.setMethod(snapshot.method);
    restored.setHead(snapshot.head);
    for (const c of snapshot.classes) {
      restored.addClass(c.name, c.id);
      for (const e of c.examples) restored.addExample(c.id, e.embedding, e.id);
    }
    [this.classes, this.current, this.headOptions] = [restored.classes, restored.current, restored.headOptions];
    this.changed(undefined);
  }

  private changed<T>(value: T): T {
    this.revision++;
    return value;
  }

  private uniqueName(name: string, self?: SessionClass): string {
    const clean = cleanName(name);
    const clash = this.classes.find((c) => c !== self && c.name.toLocaleLowerCase() === clean.toLocaleLowerCase());
    if (clash) throw new FewShotError(`There is already a class called “${clash.name}”; give this one another name.`);
    return clean;
  }

  private find(id: string): SessionClass {
    const found = this.classes.find((c) => c.id === id);
    if (!found) throw new FewShotError(`There is no class ${id}.`);
    return found;
  }
}
