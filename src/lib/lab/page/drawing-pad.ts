/**
 * A drawing pad for the sketch model: pen, mouse or touch (pointer events),
 * white ink on black, with undo and clear. Drawing needs a pointer; keyboard
 * users add pictures as files instead.
 */
export interface DrawingPad {
  readonly canvas: HTMLCanvasElement;
  isEmpty(): boolean;
  undo(): void;
  clear(): void;
  /** The drawing as a bitmap, to hand (transferred) to the lab's worker. */
  bitmap(): Promise<ImageBitmap>;
  /**
   * The drawing as a bitmap, the pad cleared at once: a stroke begun while the bitmap is made stays on the pad for
   * the next picture instead of being wiped by a clear that comes after it.
   */
  take(): Promise<ImageBitmap>;
}

const PEN_WIDTH = 10;

export function createDrawingPad(canvas: HTMLCanvasElement, onChange: () => void = () => {}): DrawingPad {
  // The context and the first paint wait for the first stroke: a big lab fills a screenful of class cards at once, and
  // making and painting their canvases held the page ~40 ms (a Chromium trace). Until then the CSS paints it black.
  let painter: CanvasRenderingContext2D | undefined;
  const strokes: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> | null = null;

  const point = (event: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * canvas.width, ((event.clientY - box.top) / box.height) * canvas.height];
  };

  function redraw() {
    const context = (painter ??= canvas.getContext('2d', { willReadFrequently: true })!);
    context.fillStyle = '#000';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = '#fff';
    context.fillStyle = '#fff';
    context.lineWidth = PEN_WIDTH;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    for (const stroke of strokes) {
      if (stroke.length === 1) {
        context.beginPath();
        context.arc(stroke[0]![0], stroke[0]![1], PEN_WIDTH / 2, 0, Math.PI * 2);
        context.fill();
        continue;
      }
      context.beginPath();
      stroke.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
      context.stroke();
    }
  }

  canvas.addEventListener('pointerdown', (event) => {
    canvas.setPointerCapture(event.pointerId);
    current = [point(event)];
    strokes.push(current);
    redraw();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!current) return;
    current.push(point(event));
    redraw();
  });
  const finish = () => {
    if (!current) return;
    current = null;
    onChange();
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);

  return {
    canvas,
    isEmpty: () => strokes.length === 0,
    undo() {
      strokes.pop();
      redraw();
      onChange();
    },
    clear() {
      strokes.length = 0;
      redraw();
      onChange();
    },
    bitmap: () => createImageBitmap(canvas),
    take() {
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      copy.getContext('2d')!.drawImage(canvas, 0, 0);
      strokes.length = 0;
      redraw();
      onChange();
      return createImageBitmap(copy);
    },
  };
}
