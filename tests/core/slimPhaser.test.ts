// The built game runs on a slim Phaser (src/vendor/phaser-slim.cjs) while `npm start` and the headless
// scene tests use the full one: a game object a screen adds but the slim build leaves out would fail
// only in the built game. This reads which `add.<kind>` factories the slim build requires (from
// Phaser's own factory sources) and checks that every kind the screens add is among them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SLIM = join(ROOT, 'src/vendor/phaser-slim.cjs');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The names each factory the slim build requires registers with `GameObjectFactory.register`. */
function registeredKinds(): Set<string> {
  const slim = readFileSync(SLIM, 'utf8');
  const kinds = new Set<string>();
  for (const [, path] of slim.matchAll(/require\('([^']+Factory)'\)/g)) {
    const file = resolve(dirname(SLIM), `${path}.js`);
    for (const [, kind] of readFileSync(file, 'utf8').matchAll(/GameObjectFactory\.register\('([a-zA-Z]+)'/g)) kinds.add(kind as string);
  }
  return kinds;
}

describe('the slim Phaser build', () => {
  it('registers every kind of game object the screens add', () => {
    const used = new Set<string>();
    for (const file of sources(join(ROOT, 'src/game')))
      for (const [, kind] of readFileSync(file, 'utf8').matchAll(/\.add\.([a-z][a-zA-Z]*)\(/g))
        if (kind !== 'existing') used.add(kind as string);
    const kinds = registeredKinds();
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it('requires only files that exist in the installed Phaser', () => {
    const slim = readFileSync(SLIM, 'utf8');
    const missing = [...slim.matchAll(/require\('([^']+)'\)/g)]
      .map(([, path]) => resolve(dirname(SLIM), path as string))
      .filter((path) => {
        try {
          readFileSync(`${path}.js`);
          return false;
        } catch {
          try {
            readFileSync(join(path, 'index.js'));
            return false;
          } catch {
            return true;
          }
        }
      });
    expect(missing).toEqual([]);
  });
});
