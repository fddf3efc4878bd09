// src/core is pure and deterministic: no Phaser, DOM, clock, timers or Math.random. Biome blocks
// the imports and DOM globals; this test also catches the clock and Math.random, which lint cannot.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';

const FORBIDDEN = [
  /Math\.random/,
  /Date\.now/,
  /new Date\(/,
  /performance\.now/,
  /setTimeout|setInterval|requestAnimationFrame/,
  /from ['"]phaser['"]/,
  /\bdocument\./,
  /\bwindow\./,
  /localStorage/,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('the pure core', () => {
  it('has no clock, timers, Math.random, DOM or Phaser in src/core', () => {
    const hits: string[] = [];
    for (const file of files(join(ROOT, 'src', 'core'))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          for (const pattern of FORBIDDEN) if (pattern.test(code)) hits.push(`${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
