/**
 * The camera: photos for a class, one frame as a query, and live mode. Live
 * mode classifies as fast as the device allows: frames go to the worker as
 * transferred bitmaps, with no thumbnail and no map, against the cached
 * prototypes. Two frames are kept in flight, so the next one is already
 * waiting in the worker when a verdict comes back: with one, the worker sat
 * idle for the reply, the wait for a new video frame and the capture (about a
 * quarter of each verdict's time with the photo model). Verdicts are shown in
 * the order the frames were taken.
 */
import * as Comlink from 'comlink';
import { createCamera } from './camera';
import type { LabPage } from './lab-page';

/** Frames for live verdicts are sent this small: the photo model needs 224 px. */
const LIVE_SIDE = 320;
/** Frames sent and not yet answered: one being classified, one waiting behind it. */
const IN_FLIGHT = 2;

export function wireCamera(page: LabPage) {
  const { $, root } = page;
  const camera = createCamera($<HTMLVideoElement>('[data-lab-video]'));
  const cameraStatus = $<HTMLElement>('[data-lab-camera-status]');
  const liveToggle = $<HTMLInputElement>('[data-lab-live]');
  const rate = $<HTMLElement>('[data-lab-live-rate]');
  let stopLive: (() => void) | undefined;
  /** Counts live runs, so that a verdict of a run already stopped is not shown. */
  let liveRuns = 0;

  const setCamera = (on: boolean, message: string) => {
    root.dataset.camera = on ? 'on' : 'off';
    cameraStatus.textContent = message;
    if (!on) live(false);
  };

  function live(on: boolean) {
    stopLive?.();
    stopLive = undefined;
    liveToggle.checked = on;
    rate.textContent = '';
    const run = ++liveRuns;
    if (!on) return;
    let inFlight = 0;
    let verdicts = 0;
    let since = performance.now();
    stopLive = camera.eachFrame(() => {
      if (inFlight >= IN_FLIGHT) return;
      inFlight++;
      void camera
        .frame(LIVE_SIDE)
        .then((bitmap) => page.engine().predictFrame(Comlink.transfer(bitmap, [bitmap])))
        .then((result) => {
          if (run !== liveRuns) return;
          page.show(result);
          verdicts++;
          root.dataset.liveVerdicts = String(Number(root.dataset.liveVerdicts ?? 0) + 1);
          const elapsed = performance.now() - since;
          if (elapsed > 1000) {
            rate.textContent = `${((1000 * verdicts) / elapsed).toFixed(1)} verdicts per second`;
            [verdicts, since] = [0, performance.now()];
          }
        })
        .catch((error: Error) => (cameraStatus.textContent = error.message))
        .finally(() => inFlight--);
    });
  }

  $<HTMLButtonElement>('[data-lab-camera-on]').addEventListener('click', async () => {
    try {
      await camera.start();
      setCamera(true, 'Camera on. The picture stays on this device.');
    } catch (error) {
      setCamera(false, (error as Error).message);
    }
  });
  $<HTMLButtonElement>('[data-lab-camera-off]').addEventListener('click', () => {
    camera.stop();
    setCamera(false, 'Camera off.');
  });
  $<HTMLButtonElement>('[data-lab-camera-classify]').addEventListener('click', () =>
    void page.attempt(async () => {
      const bitmap = await camera.frame();
      const reply = await page.engine().predict(Comlink.transfer([{ source: bitmap, name: 'the camera’s picture' }], [bitmap]));
      page.show(reply.verdicts, reply.problems);
    }, cameraStatus),
  );
  liveToggle.addEventListener('change', () => live(liveToggle.checked));

  /** Camera frames become examples of the class, in one request (transferred). */
  async function addFrames(classId: string, bitmaps: ImageBitmap[], message: HTMLElement) {
    const reply = await page.engine().addExamples(classId, Comlink.transfer(bitmaps.map((source) => ({ source, name: 'the camera’s picture' })), bitmaps));
    message.textContent = reply.problems.join(' ');
    page.apply(reply);
  }

  return {
    /** The camera's current frame, for hold-to-record's capture. */
    frame: () => camera.frame(),
    addFrames,
    /** One photo from the camera becomes an example of the class. */
    async photo(classId: string, message: HTMLElement) {
      await addFrames(classId, [await camera.frame()], message);
    },
  };
}
