/**
 * The photo model's original TensorFlow.js graph (@vladmandic/human's
 * CenterNet) prepared as the reference for the ONNX conversion, in plain
 * data (no Node or browser API), for the tests, the harness and the browser
 * benchmark alike.
 */

/** The feature maps the converted model pools (training/convert_centernet.py's DEFAULT_TAPS). */
export const PHOTO_TAPS = ['tower_0/MobilenetV3/expanded_conv_11/add', 'tower_0/MobilenetV3/expanded_conv_9/add'];

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; min?: number; scale?: number; original_dtype?: string };
}
export interface GraphJson {
  modelTopology: { node: Array<{ op: string; attr: { shape?: { shape: { dim: Array<{ size: string }> } } } }> };
  weightsManifest: Array<{ paths: string[]; weights: WeightSpec[] }>;
  [key: string]: unknown;
}

/** The stock graph fixes its input to 512 × 512; [1, -1, -1, 3] runs it at the size the ONNX graph was built for. */
export function loosenInput(json: GraphJson): void {
  for (const node of json.modelTopology.node) {
    if (node.op === 'Placeholder') node.attr.shape!.shape.dim = [{ size: '1' }, { size: '-1' }, { size: '-1' }, { size: '3' }];
  }
}

/**
 * The graph stores every weight in float16, so hard-swish's 1/6 became
 * 0.16662598. The ONNX conversion uses ONNX's HardSwish and HardSigmoid, whose
 * 1/6 is exact (as TensorFlow's hard_swish defines it); this gives the
 * reference the same exact 1/6, stored as a one-byte uint8 weight with
 * min = 1/6, so conversion errors still show at float32 precision.
 */
export function withExactSixth(json: GraphJson, weights: Uint8Array): Uint8Array {
  const out: number[] = [];
  let offset = 0;
  for (const spec of json.weightsManifest.flatMap((group) => group.weights)) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = count * (spec.quantization?.dtype === 'float16' || spec.quantization?.dtype === 'uint16' ? 2 : spec.quantization?.dtype === 'uint8' ? 1 : 4);
    const chunk = weights.subarray(offset, offset + bytes);
    offset += bytes;
    if (count === 1 && spec.quantization?.dtype === 'float16' && Math.abs(float16(chunk[0]! | (chunk[1]! << 8)) - 1 / 6) < 1e-3) {
      spec.quantization = { dtype: 'uint8', min: 1 / 6, scale: 1, original_dtype: 'float32' };
      out.push(0);
    } else for (const b of chunk) out.push(b);
  }
  return Uint8Array.from(out);
}

function float16(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? Number.NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
