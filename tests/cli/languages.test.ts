// `validate` on a scenario in two languages: a warning per text lacking one of them, naming the file,
// line:column and the path with the item's id, then a count; the exit code stays 0.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';

const CLI = join(ROOT, 'bin', 'backchannel.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('backchannel validate: text in two languages', () => {
  it('warns of the one text without Persian, and counts', () => {
    const file = 'tests/fixtures/languages/tutorial-fa.yaml';
    const r = cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe('ok: tutorial-fa (tutorial-fa.yaml: 3 issues, 6 rungs, 6 events)\n');
    expect(r.err).toBe(
      [
        `warning: ${file}:280:5: events[1] (id "families-appeal").title has no "fa" text (English is shown)`,
        `warning: ${file}: 1 text field lacks a translation (1 without "fa"); 3 have every language, and 116 are plain strings, shown as written in every language`,
        '',
      ].join('\n'),
    );
  });

  it('says nothing of languages for a scenario in one', () => {
    expect(cli('validate', 'scenarios/tutorial.yaml')).toEqual({
      code: 0,
      out: 'ok: tutorial (tutorial.yaml: 3 issues, 6 rungs, 6 events)\n',
      err: '',
    });
  });
});
