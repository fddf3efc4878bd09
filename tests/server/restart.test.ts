// The server killed with SIGKILL mid-game and started again (issue 16): every open table comes back
// from the database, both players take their seats back with their tokens and finish, and the
// table's replay verifies in the CLI with the final checksum both players saw.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadShipped, ROOT } from '../support/scenarios';
import { serveProcess } from '../support/serveProcess';
import { tempDir } from '../support/tempDir';
import { createTable, joinTable, playToEnd } from './client';

const { scenario } = loadShipped('muscat-2026');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** The server on a free port, with its data in `dir`. */
const serve = (dir: string) => serveProcess(['--port', '0', '--data', dir], children);

describe('a server killed mid-game', () => {
  it('restores the table from the database; both players finish and the CLI verifies the replay', async () => {
    const dir = tempDir('backchannel-restart-');
    const first = await serve(join(dir, 'data'));
    const us = await createTable(first.url, { scenarioId: 'muscat-2026', seed: 'restart-9', side: 'us', opponent: 'human' });
    const iran = await joinTable(first.url, us.welcome.code);
    const code = us.welcome.code;
    const mid = await playToEnd(scenario, { us, iran }, { stopAt: (u) => u.turns >= 12 });
    expect(mid.view.phase).not.toBe('ended');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await serve(join(dir, 'data'));
    expect(second.output()).toMatch(/restored 1 open table from the database/);
    const usBack = await joinTable(second.url, code, { token: us.welcome.token as string });
    const iranBack = await joinTable(second.url, code, { token: iran.welcome.token as string });
    expect(usBack.welcome.viewer).toBe('us');
    expect(iranBack.welcome.viewer).toBe('iran');
    // Nothing acknowledged before the kill was lost.
    expect(usBack.last().turns).toBe(mid.turns);
    expect(usBack.last().checksum).toBe(mid.checksum);
    const end = await playToEnd(scenario, { us: usBack, iran: iranBack });
    expect(end.view.phase).toBe('ended');
    expect(iranBack.last().final).toBe(end.final);

    const response = await fetch(`${second.url}/api/tables/${code}/replay`);
    expect(response.status).toBe(200);
    const file = join(dir, `${code}.replay.json`);
    writeFileSync(file, await response.text());
    const printed = execFileSync(process.execPath, [join(ROOT, 'bin/backchannel.mjs'), 'replay', 'verify', file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(printed).toContain(end.final as string);
    console.log(`restart test: table ${code}, ${end.turns} turns, final checksum ${end.final}; CLI: ${printed.trim()}`);
    for (const s of [usBack, iranBack]) await s.room.leave();
    second.child.kill('SIGTERM');
  }, 120_000);
});
