/**
 * Frames captured at a steady rate between start() and stop(), and handed on
 * to their class. Capturing (a camera bitmap, a few ms) is kept apart from
 * delivering (the worker embeds them, which can be slower than the rate):
 * frames captured while a delivery is under way wait and go together in the
 * next one, so the rate holds however busy the worker is and no frame is
 * dropped, even after stop(). hold-to-record.ts drives it from a button.
 */

export interface HoldToRecordOptions<T> {
  /** Grabs one frame now (e.g. the camera's current picture). */
  capture(): Promise<T>;
  /** Hands frames to their class; called with every frame captured since the last call finished, never two calls at once. */
  deliver(frames: T[]): Promise<void>;
  /** Told the frames captured in this hold, at its start (0), after each frame, and once delivery is done (`recording` false, `pending` 0). */
  onCount?(state: RecordingState): void;
  /** A capture or delivery failed; recording stops. */
  onError?(error: Error): void;
  /** Frames per second while held (default 12: above the ten the lab promises, with room for timer jitter). */
  framesPerSecond?: number;
}

export interface RecordingState {
  /** Frames captured in the current (or last) hold. */
  count: number;
  recording: boolean;
  /** Captured frames not yet delivered. */
  pending: number;
}

export interface FrameRecorder {
  start(): void;
  stop(): void;
  readonly recording: boolean;
  /** Resolves once every frame captured so far has been delivered. */
  settled(): Promise<void>;
}

export function frameRecorder<T>(options: HoldToRecordOptions<T>): FrameRecorder {
  const interval = 1000 / (options.framesPerSecond ?? 12);
  let timer: ReturnType<typeof setInterval> | undefined;
  let count = 0;
  let queue: T[] = [];
  let delivering: Promise<void> | undefined;
  let capturing = 0;
  // One promise per busy spell (a hold and its deliveries, or overlapping holds), for settled().
  let idle: Promise<void> | undefined;
  let markIdle = () => {};
  const busy = () => timer !== undefined || delivering !== undefined || capturing > 0 || queue.length > 0;

  const report = () => options.onCount?.({ count, recording: timer !== undefined, pending: queue.length + capturing + (delivering ? 1 : 0) });
  const fail = (error: Error) => {
    stop();
    options.onError?.(error);
  };

  function flush() {
    if (delivering || queue.length === 0) {
      if (idle && !busy()) {
        idle = undefined;
        markIdle();
        report();
      }
      return;
    }
    const frames = queue;
    queue = [];
    delivering = options
      .deliver(frames)
      .catch(fail)
      .finally(() => {
        delivering = undefined;
        flush();
      });
  }

  function takeOne() {
    capturing++;
    options
      .capture()
      .then((frame) => {
        queue.push(frame);
        count++;
      })
      .catch(fail)
      .finally(() => {
        capturing--;
        report();
        flush();
      });
  }

  function start() {
    if (timer !== undefined) return;
    count = 0;
    idle ??= new Promise((resolve) => (markIdle = resolve));
    timer = setInterval(takeOne, interval);
    report();
    takeOne();
  }

  function stop() {
    if (timer === undefined) return;
    clearInterval(timer);
    timer = undefined;
    report();
    flush();
  }

  return {
    start,
    stop,
    get recording() {
      return timer !== undefined;
    },
    settled: () => idle ?? Promise.resolve(),
  };
}
