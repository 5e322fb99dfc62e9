/**
 * Starting the lab, choosing its model (the site's, or the visitor's own ONNX
 * file) and its backend, and the example sets. A change of model keeps every
 * class and example: the worker re-embeds the kept originals, with progress.
 */
import * as Comlink from 'comlink';
import { isMetric } from '../../kernels/metrics';
import type { Method } from '../../fewshot/method';
import type { StartRequest } from '../messages';
import { currentModelId, DEFAULT_MODEL, isModelId } from '../../models/catalog';
import { readCustomModel } from './custom-model';
import { earlyPhotoModel } from './early-photo-model';
import type { LabPage } from './lab-page';
import { retryOffer } from './model-retry';

export function wireModelChoice(page: LabPage): void {
  const { $ } = page;
  const startButton = $<HTMLButtonElement>('[data-lab-start]');
  const modelSelect = $<HTMLSelectElement>('[data-lab-model]');
  const backendSelect = $<HTMLSelectElement>('[data-lab-backend]');
  const presetButton = $<HTMLButtonElement>('[data-lab-preset]');
  const workspace = $<HTMLElement>('[data-lab-workspace]');
  const customForm = $<HTMLFormElement>('[data-lab-custom]');
  const customMessage = $<HTMLElement>('[data-lab-custom-message]');
  const fileStatus = $<HTMLElement>('[data-lab-file-status]');
  // A model's second example set (the photo model's textures), offered while that model is chosen.
  const alsoButton = page.root.querySelector<HTMLButtonElement>('[data-lab-preset-also]');
  const offerAlso = () => alsoButton && (alsoButton.hidden = modelSelect.value !== alsoButton.dataset.labModel);
  const controls = [startButton, modelSelect, backendSelect, presetButton, ...(alsoButton ? [alsoButton] : [])];
  const retry = retryOffer($<HTMLButtonElement>('[data-lab-retry]'), $<HTMLElement>('[data-lab-progress]'));
  // Settings from the address, for embeds: ?model=…&metric=…&preset=1 (the model's example set) or preset=<set id> (e.g. textures)
  const params = new URLSearchParams(location.search);
  const metric = [params.get('metric')].find((m) => m && isMetric(m)) as Method['metric'] | undefined;
  let modelInUse = '';
  let started: StartRequest | undefined;

  /** Runs one model request with the controls locked; true when it worked. `kept`: what a failure leaves, said after its error. */
  async function busy(task: () => Promise<void>, kept?: string): Promise<boolean> {
    controls.forEach((c) => (c.disabled = true));
    retry.clear();
    try {
      const said = (error: unknown) => (kept ? new Error(retry.message(error, kept)) : error);
      return (await page.attempt(async () => (await task().catch((error: unknown) => Promise.reject(said(error))), true))) ?? false;
    } finally {
      controls.forEach((c) => (c.disabled = false));
      if (modelInUse && isModelId(modelInUse)) modelSelect.value = modelInUse;
      offerAlso();
    }
  }

  async function start(modelId: string): Promise<boolean> {
    if (page.started()) return true;
    page.say('Starting the runtime…');
    const ok = await busy(async () => {
      const request = { base: page.base, modelId, backend: page.backend(), ...(metric ? { metric } : {}) };
      const reply = await page.engine().start(request, page.progress('Downloading the model and embedding your examples'));
      started = { ...request, modelId: reply.view.model?.id ?? modelId };
      modelInUse = reply.view.model?.id ?? modelId;
      startButton.hidden = true;
      workspace.hidden = false;
      page.apply(reply);
    }, 'The lab did not start; nothing saved is lost.');
    // Retry stands in for Start, which would do the same.
    if (!ok) retry.offer(() => start(modelId), startButton);
    return ok;
  }

  async function useModel(modelId: string): Promise<boolean> {
    if (modelId === modelInUse) return true;
    page.say('Loading the model; your examples are kept and embedded again…');
    const ok = await busy(async () => {
      const reply = await page.engine().useModel(modelId, page.backend(), page.progress('Embedding your examples with the new model'));
      modelInUse = modelId;
      page.apply(reply);
    }, 'The lab keeps the model it had, and your classes and examples.');
    if (!ok) retry.offer(() => useModel(modelId));
    return ok;
  }

  startButton.addEventListener('click', () => void start(modelSelect.value === 'custom' ? DEFAULT_MODEL : modelSelect.value));
  const early = earlyPhotoModel(page, modelSelect);
  modelSelect.addEventListener('change', () => {
    customForm.hidden = modelSelect.value !== 'custom';
    offerAlso();
    if (page.started() && modelSelect.value !== 'custom') void useModel(modelSelect.value);
    early.prepare();
  });
  backendSelect.addEventListener('change', () => {
    if (!page.started()) return;
    page.say('Switching the backend…');
    void busy(async () => page.apply(await page.engine().switchBackend(page.backend())));
  });
  customForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const model = await readCustomModel(customForm);
    if (typeof model === 'string') return void (customMessage.textContent = model);
    customMessage.textContent = 'Checking your model…';
    if (!(await start(DEFAULT_MODEL))) return void (customMessage.textContent = 'The lab could not start.');
    const ok = await page.attempt(async () => {
      const reply = await page.engine().useCustomModel(model.fileName, Comlink.transfer(model.bytes, [model.bytes.buffer]), model.card, page.backend(), page.progress('Embedding your examples with your model'));
      modelInUse = reply.view.model!.id;
      page.apply(reply);
      return true;
    }, customMessage);
    if (ok) customMessage.textContent = 'Your model is loaded. It stays on this device.';
  });
  /** Loads an example set over the visitor's classes (undoable): the chosen model's first, or the set named `setId`. */
  async function tryExampleSet(setId?: string) {
    const wanted = modelSelect.value === 'custom' ? DEFAULT_MODEL : modelSelect.value;
    const example = await page.attempt(() => early.exampleSet(wanted, setId));
    if (!example || !(await start(example.model)) || !(await useModel(example.model))) return;
    await busy(async () => {
      const reply = await page.engine().loadExampleSet(example.set, page.progress('Adding the example set'));
      page.apply(reply);
      page.show(reply.verdicts, reply.problems);
      const { view } = reply;
      fileStatus.textContent = `Example set “${example.title}”: ${example.credit}${view.undo ? ` Your own classes are kept for “${view.undo.replace(/^Undo /, 'Undo')}”.` : ''}`;
    });
  }
  presetButton.addEventListener('click', () => void tryExampleSet());
  alsoButton?.addEventListener('click', () => void tryExampleSet(alsoButton.dataset.labPresetAlso));

  // A worker that died is replaced (worker-supervisor.ts): the new one opens the lab as it was last saved, with the model in use.
  page.onWorkerRestart(async () => {
    if (!started) return;
    const reply = await page.engine().start({ ...started, modelId: isModelId(modelInUse) ? modelInUse : started.modelId }, page.progress('Restarting the lab'));
    page.apply(reply);
  });

  // A saved lab is resumed by Start: say so on the button (the worker peeks at its storage; the model loads only on Start).
  void page
    .engine()
    .peekSaved()
    .then((saved) => saved && (startButton.textContent = `Resume your lab (${saved.classes} classes, ${saved.examples} examples)`))
    .catch(() => undefined);

  // An address naming a retired model (an old embed or link) gets its successor.
  const requested = currentModelId(params.get('model') ?? '');
  if (isModelId(requested)) modelSelect.value = requested;
  offerAlso();
  early.prepare();
  const preset = params.get('preset');
  if (preset === '1') presetButton.click();
  else if (preset) void tryExampleSet(preset);
}
