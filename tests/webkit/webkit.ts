/**
 * WebKit, Safari's engine, for the WebKit suite: Debian's WebKitGTK MiniBrowser
 * driven over WebDriver (classic) by WebKitWebDriver (package webkit2gtk-driver)
 * from selenium-webdriver. WebKitGTK has no headless mode, so it draws on a
 * virtual X display: Xvfb (package xvfb), started here with -displayfd, so that
 * it picks a free display itself (xvfb-run -a guesses one, which races with other
 * X servers started at the same time) and this module stops exactly what it
 * started. One WebDriver session, so one MiniBrowser, per page: each starts with
 * empty storage (no lab kept from another test).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import { Command } from 'selenium-webdriver/lib/command.js';
import { freePort } from '../helpers/serve.ts';

const MULTIARCH: Record<string, string> = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
/** Shipped by libwebkit2gtk-4.1-0, which webkit2gtk-driver depends on. */
export const MINIBROWSER = process.env.MINIBROWSER_PATH || `/usr/lib/${MULTIARCH[process.arch] ?? 'x86_64-linux-gnu'}/webkit2gtk-4.1/MiniBrowser`;
/** Room for a 1920 × 1080 viewport and the MiniBrowser's toolbar above it. */
const SCREEN = '2560x1600x24';
/** How long a MiniBrowser may take to start and answer (a browser that cannot start leaves the driver waiting for good). */
const SESSION_TIMEOUT = 30_000;

/** A point in the viewport, in CSS pixels. */
export type Point = [number, number];
export type PointerType = 'mouse' | 'touch';

/** Xvfb and WebKitWebDriver on it; `open` starts a MiniBrowser session. */
export interface WebKit {
  /** The MiniBrowser's WebKitGTK version, as the first session reported it. */
  version(): Promise<string>;
  open(url: string, viewport?: { width: number; height: number }): Promise<WebKitPage>;
  close(): Promise<void>;
}

export async function startWebKit(): Promise<WebKit> {
  // -noreset: by default the X server resets when its last client leaves, and a MiniBrowser that connects
  // during the reset dies with "cannot open display", leaving its session waiting; each page's browser is the last client.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', SCREEN, '-nolisten', 'tcp', '-noreset'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const started: ChildProcess[] = [xvfb];
  // Should the test process end without after() (a crash, process.exit), its X server and driver end with it.
  const killAll = () => started.forEach((child) => child.kill());
  process.once('exit', killAll);
  const stop = async () => {
    process.off('exit', killAll);
    for (const child of started.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill();
      await once(child, 'exit');
    }
  };
  try {
    const display = await firstLine(xvfb, 3, 'Xvfb');
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: `:${display}` }, stdio: ['ignore', 'ignore', 'inherit'] });
    started.push(driver);
    const server = `http://127.0.0.1:${port}`;
    await untilReady(server, driver);
    let version: string | undefined;
    const webkit: WebKit = {
      async version() {
        if (!version) await (await webkit.open('about:blank')).close();
        return version!;
      },
      async open(url, viewport) {
        const session = await withTimeout(
          new Builder()
            .usingServer(server)
            .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
            .build(),
          SESSION_TIMEOUT,
          `${MINIBROWSER} did not start a WebDriver session within ${SESSION_TIMEOUT / 1000} s (its messages are above).`,
        );
        version ??= String((await session.getCapabilities()).get('browserVersion'));
        const page = new WebKitPage(session);
        try {
          if (viewport) await page.setViewport(viewport.width, viewport.height);
          await page.goto(url);
        } catch (error) {
          await page.close();
          throw error;
        }
        return page;
      },
      close: stop,
    };
    return webkit;
  } catch (error) {
    await stop();
    throw error;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The first line a child writes on one of its pipes (Xvfb writes its display number on the -displayfd pipe once it listens). */
function firstLine(child: ChildProcess, fd: number, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const errors: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    child.stdio[fd]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${name} stopped (exit ${code}) before it was ready: ${errors.join('').trim()}`)));
  });
}

/** Waits until the driver answers /status as ready (it listens a moment after it starts). */
async function untilReady(server: string, driver: ChildProcess, timeout = 20_000) {
  let exit: number | null | undefined;
  driver.once('exit', (code) => (exit = code));
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (exit !== undefined) throw new Error(`${WEBKIT_DRIVER} stopped (exit ${exit}) before it was ready.`);
    const ready = await fetch(`${server}/status`).then(
      async (r) => ((await r.json()) as { value?: { ready?: boolean } }).value?.ready === true,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${WEBKIT_DRIVER} did not answer ${server}/status within ${timeout / 1000} s.`);
}

/**
 * Uncaught errors and unhandled rejections in the page, kept from the moment
 * the page has loaded (WebDriver classic has no event for them; what goes wrong
 * while the page loads shows as a missing element instead).
 */
function watchErrors() {
  const seen: string[] = ((window as unknown as { __uncaught: string[] }).__uncaught = []);
  addEventListener('error', (e) => seen.push(e.message));
  addEventListener('unhandledrejection', (e) => seen.push(String((e.reason as Error)?.message ?? e.reason)));
}

/** One MiniBrowser window on one page, with the few operations the suite needs. */
export class WebKitPage {
  readonly driver: WebDriver;

  constructor(driver: WebDriver) {
    this.driver = driver;
  }

  async goto(url: string) {
    await this.driver.get(url);
    await this.watchErrors();
  }

  /** Starts keeping uncaught errors (again, after a navigation by the page itself). */
  async watchErrors() {
    await this.evaluate(watchErrors);
  }

  /** Runs `fn` in the page (it is serialised: nothing from its closure). */
  evaluate<A extends unknown[], T>(fn: (...args: A) => T, ...args: A): Promise<T> {
    return this.driver.executeScript<T>(fn, ...args);
  }

  /** Waits until `fn` returns something truthy in the page, and returns it. */
  async waitFor<A extends unknown[], T>(what: string, timeout: number, fn: (...args: A) => T, ...args: A): Promise<T> {
    return this.until(what, timeout, () => this.evaluate(fn, ...args), Boolean);
  }

  /** Waits until what `fn` returns in the page passes `accept` (here), and returns it. */
  async waitForValue<T>(what: string, timeout: number, fn: () => T, accept: (value: T) => boolean): Promise<T> {
    return this.until(what, timeout, () => this.evaluate(fn), accept);
  }

  /** Polls `read` until `accept`; a read that fails (the page is navigating) counts as not yet. */
  private async until<T>(what: string, timeout: number, read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
    let last: T | undefined;
    let failure: unknown;
    const poll = async () => {
      try {
        return accept((last = await read()));
      } catch (error) {
        failure = error;
        return false;
      }
    };
    await this.driver.wait(poll, timeout, `WebKit: waited ${timeout / 1000} s for ${what}`).catch((error: Error) => {
      throw new Error(`${error.message} (last seen: ${JSON.stringify(last)}${failure ? `; last failure: ${String(failure)}` : ''})`);
    });
    return last!;
  }

  text(selector: string): Promise<string> {
    return this.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);
  }

  async click(selector: string) {
    await this.driver.findElement(By.css(selector)).click();
  }

  async selectOption(selector: string, value: string) {
    await this.driver.findElement(By.css(`${selector} option[value="${value}"]`)).click();
  }

  /** Picks files on a file input, as a visitor choosing them in the file dialog. */
  async pickFiles(selector: string, paths: string[]) {
    await this.driver.findElement(By.css(selector)).sendKeys(paths.join('\n'));
  }

  /** Presses a key where the focus is (Key.ARROW_UP and such from selenium-webdriver). */
  async pressKey(key: string) {
    await this.driver.actions().sendKeys(key).perform();
  }

  /** Sizes the window so that the viewport (innerWidth × innerHeight) is width × height CSS pixels. */
  async setViewport(width: number, height: number) {
    const window = this.driver.manage().window();
    const inner = () => this.evaluate(() => [innerWidth, innerHeight]);
    const [outer, [w, h]] = await Promise.all([window.getRect(), inner()]);
    await window.setRect({ width: outer.width + width - w!, height: outer.height + height - h! });
    const size = await this.waitFor(`a ${width} × ${height} viewport`, 5000, (a: number, b: number) => innerWidth === a && innerHeight === b, width, height).catch(() => false);
    if (!size) throw new Error(`WebKit: asked for a ${width} × ${height} viewport, got ${(await inner()).join(' × ')}`);
  }

  /**
   * Pointer strokes by WebDriver actions (trusted input, as the browser's own),
   * each a press, moves and a release, in viewport pixels.
   */
  async strokes(pointerType: PointerType, strokes: Point[][]) {
    const at = ([x, y]: Point, duration: number) => ({ type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration });
    const actions = strokes.flatMap(([first, ...rest]) => [at(first!, 0), { type: 'pointerDown', button: 0 }, ...rest.map((p) => at(p, 15)), { type: 'pointerUp', button: 0 }]);
    await this.driver.execute(new Command('actions').setParameter('actions', [{ type: 'pointer', id: pointerType, parameters: { pointerType }, actions }]));
    await this.driver.execute(new Command('clearActions'));
  }

  /** The element's box in the viewport, after scrolling it to the middle. */
  box(selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.evaluate((s: string) => {
      const element = document.querySelector(s)!;
      element.scrollIntoView({ block: 'center', behavior: 'instant' });
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }, selector);
  }

  /** Draws on an element: points in 0–1 of its box (tests/e2e/lab-drawing.ts makes shapes). */
  async draw(selector: string, shape: Point[][], pointerType: PointerType = 'mouse') {
    const { x, y, width, height } = await this.box(selector);
    await this.strokes(pointerType, shape.map((stroke) => stroke.map(([u, v]): Point => [x + u * width, y + v * height])));
  }

  /**
   * Touch as Safari on an iPad hands it to the page: pointer events with
   * pointerType 'touch', dispatched from script at the element (points in 0–1
   * of its box). WebKitGTK's WebDriver accepts pointerType 'touch' in actions
   * but dispatches them as its mouse (the page sees pointerType 'mouse'), so the
   * touch events themselves can only come from here. They use pointerId 1, the
   * one pointer WebKitGTK has active: setPointerCapture, which the pads call,
   * throws NotFoundError for an id that is not an active pointer. After each
   * pointerup the capture is released, as the browser does after a real one.
   */
  async touchFromScript(selector: string, shape: Point[][]) {
    await this.box(selector);
    await this.evaluate(
      (s: string, strokes: Point[][]) => {
        const target = document.querySelector(s)!;
        const box = target.getBoundingClientRect();
        const fire = (type: string, [u, v]: Point) =>
          target.dispatchEvent(
            new PointerEvent(type, { pointerId: 1, pointerType: 'touch', isPrimary: true, width: 12, height: 12, pressure: type === 'pointerup' ? 0 : 0.5, clientX: box.x + u * box.width, clientY: box.y + v * box.height, bubbles: true, cancelable: true, composed: true }),
          );
        for (const [first, ...rest] of strokes) {
          fire('pointerdown', first!);
          for (const point of rest) fire('pointermove', point);
          fire('pointerup', rest.at(-1) ?? first!);
          if (target.hasPointerCapture(1)) target.releasePointerCapture(1);
        }
      },
      selector,
      shape,
    );
  }

  /** Uncaught errors and unhandled rejections since the page loaded. */
  errors(): Promise<string[]> {
    return this.evaluate(() => (window as unknown as { __uncaught?: string[] }).__uncaught ?? ['(the error watch was lost: the page navigated)']);
  }

  async close() {
    await this.driver.quit();
  }
}
