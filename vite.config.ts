import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { loadScenarioText } from './src/core/scenario/loader.ts';
import { localiseScenario } from './src/core/scenario/localise.ts';

const VIRTUAL_ID = 'virtual:backchannel-scenarios';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const TEXTS_ID = 'virtual:backchannel-scenario-texts';
const RESOLVED_TEXTS_ID = `\0${TEXTS_ID}`;
/** The scenario the title screen opens on (the game's code names no scenario: it reads this from the build). */
export const DEFAULT_SCENARIO = 'muscat-2026';

/**
 * Validates scenarios/*.yaml with the core loader at build time and hands the browser the validated
 * data (with its sha256), and the id of the scenario to open on (`defaultScenario`). The parser and
 * schema validator then stay out of the game bundle; a broken scenario still reaches the title screen
 * as its list of errors.
 */
export function bundledScenarios(dir = resolve(import.meta.dirname, 'scenarios'), defaultId = DEFAULT_SCENARIO): Plugin {
  return {
    name: 'backchannel-scenarios',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : id === TEXTS_ID ? RESOLVED_TEXTS_ID : null),
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_TEXTS_ID) return null;
      const files = readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
      if (id === RESOLVED_TEXTS_ID) {
        // The scenarios in their other languages, a chunk of its own loaded only when one is chosen:
        // { [id]: { fa: scenario, … } }, each the same scenario with its texts in that language.
        const texts: Record<string, Record<string, unknown>> = {};
        for (const file of files) {
          const path = join(dir, file);
          this.addWatchFile(path);
          const result = loadScenarioText(readFileSync(path, 'utf8'), file);
          if (!result.ok) continue;
          const byLang: Record<string, unknown> = {};
          for (const lang of result.languages.slice(1)) byLang[lang] = localiseScenario(result.source, lang);
          if (Object.keys(byLang).length) texts[file.replace(/\.ya?ml$/, '')] = byLang;
        }
        return `export default ${JSON.stringify(texts)};`;
      }
      const entries = files.map((file) => {
        const path = join(dir, file);
        this.addWatchFile(path);
        const result = loadScenarioText(readFileSync(path, 'utf8'), file);
        return {
          id: file.replace(/\.ya?ml$/, ''),
          file,
          result: result.ok ? { ok: true, scenario: result.scenario, hash: result.sha256 } : { ok: false, errors: result.errors },
        };
      });
      return `export const defaultScenario = ${JSON.stringify(defaultId)};\nexport default ${JSON.stringify(entries)};`;
    },
  };
}

/**
 * Phaser's build flags, set the way Phaser's own build sets them (each `typeof FLAG` in its sources
 * becomes a constant): both renderers, no WebGL debugging, no sound (the game makes its own), no
 * optional plugins. Used with the slim Phaser in src/vendor/phaser-slim.cjs.
 */
export function phaserBuildFlags(): Plugin {
  const flags: Record<string, string> = {
    'typeof CANVAS_RENDERER': 'true',
    'typeof WEBGL_RENDERER': 'true',
    'typeof WEBGL_DEBUG': 'false',
    'typeof FEATURE_SOUND': 'false',
    'typeof PLUGIN_CAMERA3D': 'false',
    'typeof PLUGIN_FBINSTANT': 'false',
  };
  return {
    name: 'phaser-build-flags',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').includes('/node_modules/phaser/src/')) return null;
      let out = code;
      for (const [flag, value] of Object.entries(flags)) out = out.replaceAll(flag, value);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * In the built game, `import Phaser from 'phaser'` gets the slim build. The dev server (`npm start`)
 * keeps Phaser's full ES module: it cannot serve CommonJS sources to the browser. The browser tests
 * run the built game, so they check the slim build.
 */
export const SLIM_PHASER = { find: /^phaser$/, replacement: resolve(import.meta.dirname, 'src/vendor/phaser-slim.cjs') };

/**
 * Play online from `npm start`: the game server (`npm run serve`, port 2567) answers on the page's own
 * origin. Colyseus 0.16 matchmakes over HTTP (`POST /matchmake/…`) and then opens a WebSocket to
 * `/<processId>/<roomId>?sessionId=…` (a room id is a table code, XXXX-XXXX). Vite's own paths and its
 * HMR socket (on `/`) are not matched.
 */
const GAME_SERVER = process.env.BACKCHANNEL_SERVER ?? 'http://127.0.0.1:2567';
export const GAME_SERVER_PROXY = {
  '/matchmake': { target: GAME_SERVER, changeOrigin: true },
  '/api/tables': { target: GAME_SERVER, changeOrigin: true },
  '/api/classes': { target: GAME_SERVER, changeOrigin: true },
  '^/[A-Za-z0-9_-]+/[A-Z0-9]{4}-[A-Z0-9]{4}(\\?|$)': { target: GAME_SERVER, ws: true, changeOrigin: true },
};

export default defineConfig(({ command }) => ({
  base: './',
  resolve: { alias: command === 'build' ? [SLIM_PHASER] : [] },
  plugins: [bundledScenarios(), phaserBuildFlags()],
  server: { host: '127.0.0.1', port: 5173, proxy: GAME_SERVER_PROXY },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Two pages: the game, and the teacher's class debrief (class.html, no Phaser).
    rolldownOptions: {
      input: { main: resolve(import.meta.dirname, 'index.html'), class: resolve(import.meta.dirname, 'class.html') },
    },
  },
}));
