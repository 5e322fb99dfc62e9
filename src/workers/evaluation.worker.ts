/// <reference lib="webworker" />
/**
 * The Evaluation page's "run this row in my browser" worker: one request,
 * progress replies, then the result or what failed (eval-browser/run-row.ts).
 * The page cancels by ending the worker.
 */
import './zod-jitless';
import { runRow } from '../lib/eval-browser/run-row';
import type { RowReply, RowRequest } from '../lib/eval-browser/messages';

const post = (reply: RowReply) => self.postMessage(reply);

self.onmessage = (event: MessageEvent<RowRequest>) => {
  runRow(event.data, post).catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
