#!/usr/bin/env node
// Runs the TypeScript CLI. The CLI and the rules it drives are bundled once with esbuild into
// node_modules/.cache/backchannel (rebuilt when a source file is newer) and run as plain JavaScript:
// a `play` starts in about half the time of transpiling on the fly. If the bundle cannot be built or
// loaded, the reason goes to stderr and tsx runs the sources instead, so the command still works.
// BACKCHANNEL_DEBUG=1 says on stderr which of the two ran.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'main.ts');
const cacheDir = process.env.BACKCHANNEL_CACHE_DIR || join(root, 'node_modules', '.cache', 'backchannel');
const bundle = join(cacheDir, 'cli.mjs');
/** Which checkout built the bundle: another one sharing these node_modules (a git worktree) builds other rules. */
const builtFrom = join(cacheDir, 'cli.root');
const debug = process.env.BACKCHANNEL_DEBUG === '1';

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh() {
  try {
    // The folders the CLI's bundle is built from: the rules, the CLI, and the catalogue its transcript speaks.
    const newest = Math.max(...['core', 'cli', 'i18n'].map((dir) => newestSource(join(root, 'src', dir))));
    if (statSync(bundle).mtimeMs < newest) return false;
    return !existsSync(builtFrom) || readFileSync(builtFrom, 'utf8') === root;
  } catch {
    return false;
  }
}

async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  // Built under a name of its own and renamed into place: tests start many CLIs at once.
  const partial = `${bundle}.${process.pid}.tmp.mjs`;
  try {
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: partial,
      // Packages stay imports, so the bundle resolves them as Node does: a path that only a bundler
      // would resolve (an extension left off) fails here, in the loading below, not in the field.
      packages: 'external',
      logLevel: 'silent',
    });
    renameSync(partial, bundle);
    writeFileSync(partial, root);
    renameSync(partial, builtFrom);
  } finally {
    rmSync(partial, { force: true });
  }
}

const firstLine = (err) => String(err instanceof Error ? err.message : err).split('\n')[0];

async function loadMain() {
  try {
    if (!isFresh()) await buildBundle();
    const loaded = await import(pathToFileURL(bundle).href);
    if (debug) console.error(`backchannel: running the bundle ${relative(process.cwd(), bundle) || bundle}`);
    return loaded;
  } catch (err) {
    console.error(
      `backchannel: the CLI bundle failed (${firstLine(err)}); running the TypeScript sources with tsx instead, which is slower`,
    );
    const { register } = await import('tsx/esm/api');
    register();
    const loaded = await import('../src/cli/main.ts');
    if (debug) console.error('backchannel: running the sources with tsx');
    return loaded;
  }
}

// The bundle lives outside src/, so tell the CLI where the project (and its scenarios/) is, and which
// of its scenarios a command given none plays (the CLI's code names no scenario; vite.config.ts names
// the game's). The environment may name another.
process.env.BACKCHANNEL_ROOT = root;
process.env.BACKCHANNEL_DEFAULT_SCENARIO ||= 'muscat-2026';
// A reader that stops early (`backchannel play … | head -2`) closes the pipe: the rest of the output
// has nowhere to go, which is what the user asked for, not an error. Stop quietly, with status 0,
// instead of an "Unhandled 'error' event" stack trace (console.log drops such errors already;
// process.stdout.write, used for long output such as `schema`, does not).
process.stdout.on('error', (err) => {
  if (err?.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await loadMain();
process.exitCode = main(process.argv.slice(2));
