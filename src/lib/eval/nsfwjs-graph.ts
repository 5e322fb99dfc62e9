/**
 * nsfwjs's graph in plain data (no Node or browser API), for the Node
 * reference (nsfwjs-tfjs.ts) and the browser benchmark alike: the node whose
 * output is the pooled 1,792-d MobileNetV2 1.4 feature vector, before
 * nsfwjs's 5-class classifier (which is never used).
 */
export const NSFWJS_FEATURES =
  'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze';
