/**
 * Hold to record: while a button is held (pointer, or Space / Enter) frames
 * are captured at a steady rate and handed on to their class; release stops
 * (frame-recorder.ts keeps the rate and delivers every frame). The lab page's
 * "Take photos" and the slide stage share it.
 */
import { frameRecorder, type HoldToRecordOptions } from './frame-recorder';

export type { HoldToRecordOptions, RecordingState } from './frame-recorder';

export interface HoldToRecord {
  readonly recording: boolean;
  /** Resolves once every frame captured so far has been delivered. */
  settled(): Promise<void>;
  dispose(): void;
}

/** Keys that hold a button down, as a pointer does. */
const HOLD_KEYS = new Set([' ', 'Enter']);

export function holdToRecord<T>(button: HTMLElement, options: HoldToRecordOptions<T>): HoldToRecord {
  const recorder = frameRecorder(options);
  const { start, stop } = recorder;
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    event.preventDefault();
    // Captured, so the release is seen even when the pointer has slid off the button.
    button.setPointerCapture?.(event.pointerId);
    start();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!HOLD_KEYS.has(event.key)) return;
    // No click: Enter would click on keydown and Space on keyup, a frame more than was held.
    event.preventDefault();
    if (!event.repeat) start();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (!HOLD_KEYS.has(event.key)) return;
    event.preventDefault();
    stop();
  };
  // A click no pointer or key produced (a screen reader's activation) takes one frame.
  const onClick = (event: MouseEvent) => {
    if (event.detail === 0 && !recorder.recording) (start(), stop());
  };
  const onHidden = () => document.visibilityState === 'hidden' && stop();
  const preventMenu = (event: Event) => event.preventDefault();
  const listeners: Array<[EventTarget, string, EventListener]> = [
    [button, 'pointerdown', onPointerDown as EventListener],
    [button, 'pointerup', stop],
    [button, 'pointercancel', stop],
    [button, 'lostpointercapture', stop],
    [button, 'keydown', onKeyDown as EventListener],
    [button, 'keyup', onKeyUp as EventListener],
    [button, 'blur', stop],
    [button, 'click', onClick as EventListener],
    // A long touch would open the context menu instead of recording.
    [button, 'contextmenu', preventMenu],
    // A page hidden mid-hold never sees the release.
    [document, 'visibilitychange', onHidden],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);

  return {
    get recording() {
      return recorder.recording;
    },
    settled: () => recorder.settled(),
    dispose() {
      stop();
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    },
  };
}
