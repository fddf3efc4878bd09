// `npm run serve`'s server as a child process (bin/serve.mjs, without the client build), for the tests
// that kill it, restart it or run several: resolves once it prints its address.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './scenarios';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything it has printed so far. */
  output: () => string;
}

/** Starts the server with `args` (and `env` on top of this process's); every child goes into `children` for the caller to stop. */
export async function serveProcess(args: string[], children: ChildProcess[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/serve.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const read = (d: Buffer) => {
    out += String(d);
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const start = Date.now();
  for (;;) {
    const url = /serving on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
    if (url) return { url, child, output: () => out };
    if (child.exitCode !== null) throw new Error(`the server process stopped:\n${out}`);
    if (Date.now() - start > 60_000) throw new Error(`the server process did not start in 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
