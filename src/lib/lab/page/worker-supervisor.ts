/**
 * The lab's worker, watched. A worker can die without a word (the browser
 * ends it for memory, a crash in WASM): its requests then never answer. While
 * a request is in flight the page pings the worker (an answer outside its
 * queue); one that stays silent for PING_TIMEOUT_MS is replaced by a new
 * worker, the requests in flight fail with a message naming them, and the
 * restart listener opens the saved lab again from IndexedDB.
 */
import * as Comlink from 'comlink';

/** Longer than anything the worker does without yielding (a head's training and held-out rounds take a few seconds). */
const PING_TIMEOUT_MS = 20_000;
const PING_EVERY_MS = 3_000;

/** What the supervisor needs of the worker's engine: an answer outside its queue. */
type Pingable = { ping(): true };

export interface LabWorker<E extends Pingable> {
  /** The engine of whichever worker is alive: a new one after a restart. */
  engine: Comlink.Remote<E>;
  /** What to do with a new worker after the old one died (e.g. start it on the saved lab). */
  onRestart(listener: (engine: Comlink.Remote<E>) => Promise<void>): void;
}

/** Request names as a visitor would say them, for the message after a restart. */
const DOING: Record<string, string> = {
  start: 'starting the lab',
  addExamples: 'adding pictures',
  addStagedFolders: 'adding pictures from folders',
  addPickedFolder: 'adding pictures from a folder',
  importZip: 'reading a zip',
  importLab: 'opening a saved lab',
  learnMetric: 'learning a metric',
  loadExampleSet: 'loading the example set',
  useModel: 'changing the model',
  predict: 'classifying',
};

export function superviseLabWorker<E extends Pingable>(open: () => Worker): LabWorker<E> {
  type Engine = Comlink.Remote<E>;
  let worker: Worker | undefined;
  let remote: Engine | undefined;
  let restartListener: ((engine: Engine) => Promise<void>) | undefined;
  let watching: ReturnType<typeof setInterval> | undefined;
  let pinging = false;
  let nextCall = 0;
  const inFlight = new Map<number, { name: string; reject: (error: Error) => void }>();

  const current = (): Engine => (remote ??= Comlink.wrap<E>((worker = open())));

  async function alive(): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silent = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
    return Promise.race([(current() as unknown as Comlink.Remote<Pingable>).ping().then(() => true), silent]).finally(() => clearTimeout(timer));
  }

  function watch() {
    watching ??= setInterval(() => {
      if (inFlight.size === 0) return void ((clearInterval(watching), (watching = undefined)));
      if (pinging) return;
      pinging = true;
      const watched = remote;
      void alive()
        .then((answered) => {
          if (!answered && watched === remote) void restart();
        })
        .finally(() => (pinging = false));
    }, PING_EVERY_MS);
  }

  async function restart() {
    worker?.terminate();
    [worker, remote] = [undefined, undefined];
    const failed = [...inFlight.values()];
    inFlight.clear();
    for (const { name, reject } of failed) reject(new Error(`The lab’s worker stopped while ${DOING[name] ?? name}, so that did not finish. A new one opened your lab as it was last saved.`));
    await restartListener?.(current());
  }

  const engine = new Proxy({} as Engine, {
    get(_, name) {
      // Not a thenable: awaiting the engine itself must not call it.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const id = ++nextCall;
          inFlight.set(id, { name, reject });
          watch();
          const call = (current() as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args);
          call.then(resolve, reject).finally(() => inFlight.delete(id));
        });
    },
  });

  return { engine, onRestart: (listener) => (restartListener = listener) };
}
