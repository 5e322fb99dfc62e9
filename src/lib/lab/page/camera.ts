/**
 * The visitor's camera, for taking examples and for live queries. The stream
 * stays on this device: frames are read into pixels in the page and go no
 * further than the lab's own worker.
 */
export interface Camera {
  readonly running: boolean;
  start(): Promise<void>;
  stop(): void;
  /** The current frame as a bitmap (to transfer to the lab's worker), its longer side at most `side` px. */
  frame(side?: number): Promise<ImageBitmap>;
  /** Calls `onFrame` once per new video frame (requestVideoFrameCallback, else animation frames) until the returned stop is called. */
  eachFrame(onFrame: () => void): () => void;
}

export class CameraError extends Error {
  override name = 'CameraError';
}

export function createCamera(video: HTMLVideoElement): Camera {
  let stream: MediaStream | undefined;
  return {
    get running() {
      return stream !== undefined;
    },
    async start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        throw new CameraError('This browser gives no camera to this page (cameras need https or localhost). Add pictures as files instead.');
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } }, audio: false });
      } catch (error) {
        const name = (error as DOMException).name;
        if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraError('Camera access was denied. Allow it in the browser’s settings for this site, or add pictures as files.');
        if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new CameraError('No camera was found on this device. Add pictures as files instead.');
        if (name === 'NotReadableError') throw new CameraError('The camera is in use by another program. Close it and try again.');
        throw new CameraError(`The camera could not be started (${name}).`);
      }
      video.srcObject = stream;
      await video.play();
    },
    stop() {
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = undefined;
      video.srcObject = null;
    },
    async frame(side = 512) {
      if (!stream || video.videoWidth === 0) throw new CameraError('The camera is not on.');
      const scale = Math.min(1, side / Math.max(video.videoWidth, video.videoHeight));
      return createImageBitmap(video, { resizeWidth: Math.round(video.videoWidth * scale), resizeHeight: Math.round(video.videoHeight * scale), resizeQuality: 'medium' });
    },
    eachFrame(onFrame) {
      let running = true;
      const paced = 'requestVideoFrameCallback' in video;
      const next = () => {
        if (!running) return;
        onFrame();
        if (paced) video.requestVideoFrameCallback(next);
        else requestAnimationFrame(next);
      };
      if (paced) video.requestVideoFrameCallback(next);
      else requestAnimationFrame(next);
      return () => (running = false);
    },
  };
}
