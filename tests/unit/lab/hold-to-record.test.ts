import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { holdToRecord, type RecordingState } from '../../../src/lib/lab/page/hold-to-record';

/** A button stand-in: Node's EventTarget carries the same events the page sends. */
const fakeButton = () => new EventTarget() as unknown as HTMLElement;
const event = (type: string, props: Record<string, unknown> = {}) => Object.assign(new Event(type, { cancelable: true }), props);
const press = (button: HTMLElement, props: Record<string, unknown>) => button.dispatchEvent(event(props.key ? 'keydown' : 'pointerdown', props));
const release = (button: HTMLElement, props: Record<string, unknown>) => button.dispatchEvent(event(props.key ? 'keyup' : 'pointerup', props));

describe('holdToRecord', () => {
  let page: EventTarget & { visibilityState: string };
  beforeEach(() => {
    vi.useFakeTimers();
    page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('document', page);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function recorder(deliverMs = 0) {
    const button = fakeButton();
    const delivered: number[][] = [];
    const states: RecordingState[] = [];
    let n = 0;
    const recording = holdToRecord(button, {
      capture: async () => n++,
      deliver: (frames) => new Promise((resolve) => setTimeout(() => (delivered.push(frames), resolve()), deliverMs)),
      onCount: (state) => states.push(state),
    });
    return { button, delivered, states, recording };
  }

  for (const [how, props] of [
    ['a pointer', { button: 0, pointerId: 1 }],
    ['Space', { key: ' ' }],
    ['Enter', { key: 'Enter' }],
  ] as const) {
    test(`held for a second by ${how}, captures at least ten frames and delivers every one after release`, async () => {
      const { button, delivered, states, recording } = recorder();
      press(button, props);
      expect(recording.recording).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      release(button, props);
      expect(recording.recording).toBe(false);
      await vi.advanceTimersByTimeAsync(10);
      await recording.settled();
      const frames = delivered.flat();
      expect(frames.length).toBeGreaterThanOrEqual(10);
      expect(frames).toEqual([...frames.keys()]);
      expect(states.at(-1)).toEqual({ count: frames.length, recording: false, pending: 0 });
      // Released: nothing more is captured.
      await vi.advanceTimersByTimeAsync(1000);
      expect(delivered.flat()).toHaveLength(frames.length);
    });
  }

  test('keeps its rate while delivery is slow: frames wait and go together, none dropped', async () => {
    const { button, delivered, recording } = recorder(400);
    press(button, { key: ' ' });
    await vi.advanceTimersByTimeAsync(1000);
    release(button, { key: ' ' });
    const captured = delivered.flat().length;
    await vi.advanceTimersByTimeAsync(2000);
    await recording.settled();
    expect(delivered.length).toBeLessThan(delivered.flat().length);
    expect(delivered.flat().length).toBeGreaterThanOrEqual(10);
    expect(delivered.flat().length).toBeGreaterThan(captured);
  });

  test('key repeats do not restart the count, and other keys and buttons are ignored', async () => {
    const { button, states, recording } = recorder();
    press(button, { key: 'a' });
    press(button, { button: 2, pointerId: 1 });
    expect(recording.recording).toBe(false);
    press(button, { key: 'Enter' });
    await vi.advanceTimersByTimeAsync(500);
    press(button, { key: 'Enter', repeat: true });
    await vi.advanceTimersByTimeAsync(500);
    release(button, { key: 'Enter' });
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)!.count).toBeGreaterThanOrEqual(10);
  });

  test('a click with no pointer or key behind it (a screen reader) takes exactly one frame', async () => {
    const { button, delivered, recording } = recorder();
    button.dispatchEvent(event('click', { detail: 0 }));
    await vi.advanceTimersByTimeAsync(10);
    await recording.settled();
    expect(delivered.flat()).toEqual([0]);
  });

  test('a page hidden mid-hold stops recording', async () => {
    const { button, recording } = recorder();
    press(button, { key: ' ' });
    page.visibilityState = 'hidden';
    page.dispatchEvent(event('visibilitychange'));
    expect(recording.recording).toBe(false);
  });

  test('a failed capture stops recording and is reported', async () => {
    const button = fakeButton();
    const errors: string[] = [];
    const recording = holdToRecord(button, {
      capture: () => Promise.reject(new Error('The camera is not on.')),
      deliver: async () => {},
      onError: (error) => errors.push(error.message),
    });
    press(button, { button: 0, pointerId: 1 });
    await vi.advanceTimersByTimeAsync(10);
    expect(recording.recording).toBe(false);
    expect(errors[0]).toBe('The camera is not on.');
  });
});
