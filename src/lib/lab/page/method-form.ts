import type { Calibration } from '../../fewshot/fit';
import type { Method } from '../../fewshot/method';

/**
 * The Method form: distance, normalisation, temperature ("automatic", or a
 * number the visitor sets) and refinement steps, read and written as a Method.
 */
export function readMethod(form: HTMLFormElement): Method {
  const data = new FormData(form);
  return {
    metric: data.get('metric') as Method['metric'],
    normalization: data.get('normalization') as Method['normalization'],
    // Read from the field itself: it is disabled (so absent from FormData) while automatic.
    temperature: data.get('temperatureAuto') ? 'auto' : Number((form.elements.namedItem('temperature') as HTMLInputElement).value),
    refine: Number(data.get('refine')),
  };
}

export function writeMethod(form: HTMLFormElement, method: Method, calibration: Calibration | null): void {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  field('metric').value = method.metric;
  field('normalization').value = method.normalization;
  field('refine').value = String(method.refine);
  const auto = method.temperature === 'auto';
  field('temperatureAuto').checked = auto;
  const temperature = field('temperature');
  temperature.disabled = auto;
  if (auto && calibration) temperature.value = String(Number(calibration.temperature.toPrecision(3)));
  if (!auto) temperature.value = String(method.temperature);
  const said = form.querySelector<HTMLElement>('[data-lab-temperature-source]');
  if (said) said.textContent = auto ? (calibration ? `automatic (T = ${calibration.temperature.toPrecision(3)}, ${sourceWords(calibration)})` : 'automatic') : 'set by you';
}

function sourceWords(c: Calibration): string {
  if (c.temperatureSource === 'examples') return 'fitted on your examples';
  if (c.temperatureSource === 'card') return 'from the model card';
  return 'no calibration for this model';
}
