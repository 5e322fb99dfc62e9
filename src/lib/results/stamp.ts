import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { arch, cpus, release, totalmem, type as osType } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { datasetSource } from '../eval/dataset-sources.ts';
import { stampSchema, type Stamp } from '../../schemas/bench-file.ts';
import { hashDataset, hashModel, ROOT } from './hashes.ts';

export { hashDataset, hashModel, modelIdsWithFiles } from './hashes.ts';

/**
 * The stamp every results file carries (src/schemas/bench-file.ts): the
 * command, the commit, the date, the machine, the runtime and browser, and a
 * SHA-256 of every model and data set measured. Node only; every writer in
 * bench/ and scripts/ calls makeStamp just before it writes its file.
 */

/** Results files: what a run writes is not "uncommitted code" for its stamp. */
const RESULTS_PATHS = [/^bench\/results\//, /^src\/data\//];

export interface StampRequest {
  /** Model ids (folders under models/) the run measured. */
  models?: readonly string[];
  /** Data set ids the run measured (datasets/<id>/, or Debian's for fashion-mnist). */
  datasets?: readonly string[];
  /** The browser that measured, with its version ("Chromium 142.0…"). */
  browser?: string;
  /** What ran the models or kernels ("onnxruntime-web 1.30.0, WASM, 1 thread"). */
  engine?: string;
  /** Environment variables the writer reads: those set are part of the command. */
  env?: readonly string[];
  /** Date.now() when the run started, for stamp.seconds. */
  startedAt?: number;
  /** gitCommit() when the run started, for a long run (others may commit meanwhile); by default, now. */
  commit?: Stamp['commit'];
}

export function makeStamp(request: StampRequest = {}): Stamp {
  return stampSchema.parse({
    command: commandLine(request.env ?? []),
    commit: request.commit ?? gitCommit(),
    date: new Date().toISOString(),
    ...(request.startedAt !== undefined && { seconds: Math.round((Date.now() - request.startedAt) / 1000) }),
    machine: machine(),
    runtime: { node: process.versions.node, ...(request.browser && { browser: request.browser }), ...(request.engine && { engine: request.engine }) },
    models: [...new Set(request.models ?? [])].map(hashModel),
    datasets: [...new Set(request.datasets ?? [])].map(hashDataset),
  });
}

/** The header of a bench/results/*.json: the npm script, the date and the stamp (src/schemas/bench-file.ts benchFileFields). */
export function stampedHeader(generatedBy: string, stamp: Stamp) {
  return { generatedBy, date: stamp.date, stamp };
}

/** The command as typed: the environment variables given, then `npm run <script> -- <args>` (or `node <file> <args>` outside npm). */
export function commandLine(envNames: readonly string[], argv = process.argv, env = process.env): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);
  const assignments = envNames.filter((name) => env[name] !== undefined).map((name) => `${name}=${quote(env[name]!)}`);
  const args = argv.slice(2).map(quote);
  // npm sets npm_command to run (run-script before npm 11) under `npm run`; npx sets exec, with a lifecycle event of its own.
  const script = env.npm_command === 'run' || env.npm_command === 'run-script' ? env.npm_lifecycle_event : undefined;
  const base = script ? ['npm run', script, ...(args.length ? ['--', ...args] : [])] : ['node', relative(ROOT, argv[1] ?? '') || '?', ...args];
  return [...assignments, ...base].join(' ');
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** HEAD, and whether anything but results files differs from it (untracked files included, ignored ones not). */
export function gitCommit(): Stamp['commit'] {
  let sha: string;
  let status: string;
  try {
    sha = git(['rev-parse', 'HEAD']).trim();
    status = git(['status', '--porcelain', '-z']);
  } catch (error) {
    throw new Error(`A results file records the commit it measured, and git could not say (${(error as Error).message.split('\n')[0]}): run it in a git checkout.`);
  }
  const paths = status
    .split('\0')
    .filter(Boolean)
    .map((entry) => entry.slice(3));
  return { sha, dirty: paths.some((path) => !RESULTS_PATHS.some((re) => re.test(path))) };
}

function machine(): Stamp['machine'] {
  const list = cpus();
  const osRelease = existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return {
    cpu: list[0]?.model.trim() || 'unknown',
    cores: Math.max(1, list.length),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: [osRelease, `${osType()} ${release()}`, arch()].filter(Boolean).join(', '),
  };
}

/**
 * How a stamp's models and data sets differ from the files here today, one
 * line each; empty when none does. A Debian data set that is not installed
 * here cannot be compared and is left out.
 */
export function stampDifferences(stamp: Stamp): string[] {
  const differences: string[] = [];
  const short = (hex: string) => hex.slice(0, 12);
  for (const model of stamp.models) {
    const now = existsSync(join(ROOT, model.file)) ? hashModel(model.id).sha256 : undefined;
    if (now !== model.sha256) differences.push(`${model.file}: measured ${short(model.sha256)}, ${now ? `now ${short(now)}` : 'now missing'}`);
  }
  for (const dataset of stamp.datasets) {
    const source = datasetSource(dataset.id);
    if (source.debianPackage && !existsSync(source.dir)) continue;
    const now = existsSync(isAbsolute(source.dir) ? source.dir : join(ROOT, source.dir)) ? hashDataset(dataset.id) : undefined;
    if (now?.sha256 !== dataset.sha256) differences.push(`${dataset.dir}: measured ${short(dataset.sha256)}, ${now ? `now ${short(now.sha256)}` : 'now missing'}`);
  }
  return differences;
}
