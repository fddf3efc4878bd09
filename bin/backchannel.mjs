#!/usr/bin/env node
// Runs the TypeScript CLI. The CLI and the rules it drives are bundled once with esbuild into
// node_modules/.cache (rebuilt when any source file is newer): a plain-JS bundle plays batches about
// twice as fast as on-the-fly transpiling. If bundling is impossible, tsx runs the sources directly.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'main.ts');
const bundle = join(root, 'node_modules', '.cache', 'backchannel', 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function loadMain() {
  try {
    const fresh = (() => {
      try {
        return statSync(bundle).mtimeMs >= Math.max(newestSource(join(root, 'src', 'core')), newestSource(join(root, 'src', 'cli')));
      } catch {
        return false;
      }
    })();
    if (!fresh) {
      const { build } = await import('esbuild');
      mkdirSync(dirname(bundle), { recursive: true });
      await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: bundle,
        packages: 'external',
        logLevel: 'error',
      });
    }
    return await import(pathToFileURL(bundle).href);
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return await import('../src/cli/main.ts');
  }
}

// The bundle lives outside src/, so tell the CLI where the project (and its scenarios/) is.
process.env.BACKCHANNEL_ROOT = root;
const { main } = await loadMain();
process.exitCode = main(process.argv.slice(2));
