import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { loadScenarioText } from './src/core/scenario/loader.ts';

const VIRTUAL_ID = 'virtual:backchannel-scenarios';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Validates scenarios/*.yaml with the core loader at build time and hands the browser the validated
 * data (with its sha256). The parser and schema validator then stay out of the game bundle; a broken
 * scenario still reaches the title screen as its list of errors.
 */
export function bundledScenarios(dir = resolve(import.meta.dirname, 'scenarios')): Plugin {
  return {
    name: 'backchannel-scenarios',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const files = readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
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
      return `export default ${JSON.stringify(entries)};`;
    },
  };
}

const SCHEMA_MODULE = resolve(import.meta.dirname, 'src/core/scenario/schema.ts');

/**
 * In the browser the scenarios arrive validated, so the zod schema is dead weight (~25 KB gzip): the
 * game only needs the plain constants schema.ts exports. A missing export fails the build loudly.
 * (Remove once the core keeps SIDES in a zod-free module.)
 */
export function schemaConstantsOnly(): Plugin {
  return {
    name: 'backchannel-schema-constants',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== SCHEMA_MODULE) return null;
      return [
        "export const SIDES = ['us', 'iran'];",
        "export const SEVERITIES = ['deescalation', 'status-quo', 'posturing', 'nonviolent', 'violent'];",
        'export const ID_PATTERN = /^[a-z0-9_-]{1,64}$/;',
        'export const MAX_TEXT = 4000;',
      ].join('\n');
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [bundledScenarios(), schemaConstantsOnly()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
