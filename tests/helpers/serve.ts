/**
 * The built site on a free local port, served by the same static server the
 * Playwright suites use (the Firefox and WebKit suites). `headers` applies the
 * site's _headers file (COOP/COEP among them: cross-origin isolated).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

export async function serveSite(dir: string, { headers = false } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const args = ['scripts/serve-static.mjs', dir, String(port), '/', ...(headers ? ['--headers'] : [])];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  // The server says where it serves once it listens.
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Serving') && resolve());
    server.once('exit', (code) => reject(new Error(`The static server for ${dir} stopped (exit ${code}).`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.kill();
      await once(server, 'exit');
    },
  };
}
