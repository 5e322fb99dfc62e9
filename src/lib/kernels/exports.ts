import type { DistanceExports } from './distances.ts';
import type { HeadExports } from './head.ts';
import type { LossExports } from './losses.ts';
import type { NormalizeExports } from './normalize.ts';
import type { OpenSetExports } from './openset.ts';
import type { PcaExports } from './pca.ts';
import type { PrototypeExports } from './prototypes.ts';
import type { PropagationExports } from './propagation.ts';
import type { SampledSoftmaxExports } from './sampled-softmax.ts';
import type { SharedEmbeddingsExports } from './shared-embeddings.ts';
import type { RefineExports } from './refine.ts';
import type { RetrievalExports } from './retrieval.ts';
import type { SoftmaxExports } from './softmax.ts';
import type { TransportExports } from './transport.ts';

/** The flat exports of assembly/index.ts: each wrapper declares the part it calls. */
export type KernelExports = { memory: WebAssembly.Memory; heapBase(): number; usesRelaxedSimd(): number } & NormalizeExports &
  PrototypeExports &
  DistanceExports &
  SoftmaxExports &
  OpenSetExports &
  RefineExports &
  PcaExports &
  LossExports &
  HeadExports &
  TransportExports &
  RetrievalExports &
  PropagationExports &
  SampledSoftmaxExports &
  SharedEmbeddingsExports;
