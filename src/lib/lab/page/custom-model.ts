/**
 * "Your own ONNX model": the form's fields as a model card (checked again in
 * the worker by the card's schema), and the file's bytes. Nothing leaves the device.
 */
export interface CustomModel {
  fileName: string;
  bytes: Uint8Array;
  card: unknown;
}

const numbers = (text: FormDataEntryValue | null) => (String(text ?? '').trim() ? String(text).split(',').map((v) => Number(v.trim())) : undefined);

export async function readCustomModel(form: HTMLFormElement): Promise<CustomModel | string> {
  const data = new FormData(form);
  const file = data.get('model') as File | null;
  if (!file || file.size === 0) return 'Choose an .onnx file first.';
  const kind = String(data.get('kind'));
  const mean = numbers(data.get('mean'));
  const std = numbers(data.get('std'));
  const card = {
    id: 'custom',
    name: `${file.name} (your model)`,
    kind,
    input: {
      name: String(data.get('inputName')),
      layout: 'NCHW',
      channels: Number(data.get('channels')),
      height: Number(data.get('height')),
      width: Number(data.get('width')),
      range: String(data.get('range')) === '255' ? [0, 255] : [0, 1],
      ...(mean ? { mean } : {}),
      ...(std ? { std } : {}),
      colorOrder: 'RGB',
      ...(kind === 'sketch' ? { ink: 'white-on-black', crop: { rule: 'ink-bounding-box', margin: 2 } } : {}),
    },
    output: { name: String(data.get('outputName')), dim: Number(data.get('dim')) },
    license: 'the visitor’s own',
    sources: [{ name: file.name, license: 'the visitor’s own' }],
  };
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), card };
}
