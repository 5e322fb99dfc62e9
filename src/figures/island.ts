/**
 * Brings a statically rendered figure to life: dragging (mouse, pen, touch),
 * arrow keys on focused handles, sliders and buttons, and a text summary that
 * follows every change. Loaded only when the figure scrolls into view.
 */
import type { Kernels } from '../lib/kernels/index.ts';
import { wireFrameBox } from '../lib/frame/frame-box.ts';
import { handleMarkup } from './handles.ts';
import type { AnyFigure, Handle } from './types.ts';

export function hydrate(root: HTMLElement, figure: AnyFigure, kernels: Kernels): void {
  const svg = root.querySelector<SVGSVGElement>('[data-figure-svg]')!;
  const scene = svg.querySelector<SVGGElement>('[data-scene]')!;
  const handleLayer = svg.querySelector<SVGGElement>('[data-handles]')!;
  const summary = root.querySelector<HTMLElement>('[data-summary]')!;
  const state = figure.initial();
  const step = figure.width / 60;
  let frame = 0;

  function render() {
    const drawing = figure.draw(state, kernels);
    scene.innerHTML = drawing.scene;
    summary.textContent = drawing.summary;
    syncHandles(figure.handles(state));
    for (const [name, value] of Object.entries(figure.values(state))) {
      const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      const output = root.querySelector<HTMLOutputElement>(`output[data-for="${name}"]`);
      if (input && document.activeElement !== input) input.value = String(value);
      if (output) output.textContent = String(value);
    }
  }

  /** Updates handles in place (never re-creates one that still exists), so keyboard focus survives a redraw. */
  function syncHandles(handles: Handle[]) {
    const existing = new Map([...handleLayer.querySelectorAll<SVGGElement>('[data-handle]')].map((g) => [g.dataset.handle!, g]));
    for (const handle of handles) {
      let g = existing.get(handle.id);
      existing.delete(handle.id);
      if (!g) {
        handleLayer.insertAdjacentHTML('beforeend', handleMarkup(handle));
        g = handleLayer.lastElementChild as SVGGElement;
      }
      g.setAttribute('transform', `translate(${handle.x.toFixed(1)} ${handle.y.toFixed(1)})`);
      g.setAttribute('aria-label', handle.label);
      g.setAttribute('class', `handle ${handle.className}`);
      if (handle.pointerOnly) g.setAttribute('aria-hidden', 'true');
      else {
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-roledescription', 'movable point');
      }
    }
    for (const stale of existing.values()) stale.remove();
  }

  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  };

  const toSvg = (event: PointerEvent) => {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM()!.inverse());
    return { x: point.x, y: point.y };
  };

  let dragging: { id: string; pointer: number; moved: boolean } | undefined;
  handleLayer.addEventListener('pointerdown', (event) => {
    const g = (event.target as Element).closest<SVGGElement>('[data-handle]');
    if (!g) return;
    event.preventDefault();
    g.setPointerCapture(event.pointerId);
    dragging = { id: g.dataset.handle!, pointer: event.pointerId, moved: false };
  });
  handleLayer.addEventListener('pointermove', (event) => {
    if (!dragging || event.pointerId !== dragging.pointer) return;
    const { x, y } = toSvg(event);
    figure.moveHandle(state, dragging.id, x, y);
    dragging.moved = true;
    schedule();
  });
  const endDrag = (event: PointerEvent) => {
    if (!dragging || event.pointerId !== dragging.pointer) return;
    if (!dragging.moved) {
      figure.act(state, `activate:${dragging.id}`);
      schedule();
    }
    dragging = undefined;
  };
  handleLayer.addEventListener('pointerup', endDrag);
  handleLayer.addEventListener('pointercancel', endDrag);

  const KEYS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  handleLayer.addEventListener('keydown', (event) => {
    const g = (event.target as Element).closest<SVGGElement>('[data-handle]');
    if (!g) return;
    const id = g.dataset.handle!;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      figure.act(state, `activate:${id}`);
      render();
      return;
    }
    const direction = KEYS[event.key];
    if (!direction) return;
    event.preventDefault();
    const handle = figure.handles(state).find((h) => h.id === id);
    if (!handle) return;
    const distance = event.shiftKey ? 5 * step : step;
    figure.moveHandle(state, id, handle.x + direction[0] * distance, handle.y + direction[1] * distance);
    render();
  });

  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-slider]')) {
    input.disabled = false;
    input.addEventListener('input', () => {
      figure.setValue(state, input.name, Number(input.value));
      schedule();
    });
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
    button.disabled = false;
    button.addEventListener('click', () => {
      figure.act(state, button.dataset.action!);
      render();
    });
  }

  const embedBox = root.querySelector<HTMLElement>('.embed-box');
  if (embedBox) wireFrameBox(embedBox);
  render();
}
