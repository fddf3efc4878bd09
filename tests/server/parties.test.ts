// Online tables and classes of a scenario whose parties are not the shipped ones (issue 19): the
// seats are the scenario's party ids, any other id is refused with the list of them, the console's
// rows and the teacher's seating name the scenario's parties.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyReplay } from '../../src/core/replay';
import { loadScenarioText } from '../../src/core/scenario/loader';
import { loadShipped, renameParties } from '../support/scenarios';
import { tempDir } from '../support/tempDir';
import { useServer } from './backends';
import { createClass, joinClass, type Student, waitFor } from './classClient';
import { createTable, joinTable, playToEnd, replayOf } from './client';

// The tutorial with its parties called `north` and `south`, the only scenario this server plays.
const dir = join(tempDir('server-parties'), 'scenarios');
mkdirSync(dir, { recursive: true });
const renamed = renameParties(loadShipped('tutorial').scenario, { us: 'north', iran: 'south' });
renamed.id = 'renamed';
delete renamed.$schema;
const text = JSON.stringify(renamed);
writeFileSync(join(dir, 'renamed.json'), text);
const loaded = loadScenarioText(text, 'renamed.json');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const { scenario, sha256 } = loaded;

describe('a scenario whose parties are north and south, online', () => {
  const server = useServer({ dataDir: 'memory://', scenarioDir: dir });

  it('seats the host and a joiner at its parties, refuses other ids, and plays to the end', async () => {
    await expect(createTable(server.url, { scenarioId: 'renamed', side: 'us', opponent: 'human' })).rejects.toThrow(
      'table options.side: "us" is not a party of',
    );
    const north = await createTable(server.url, { scenarioId: 'renamed', side: 'north', opponent: 'human', name: 'Ana', deltas: true });
    expect(north.welcome.viewer).toBe('north');
    await expect(joinTable(server.url, north.welcome.code, { side: 'iran' })).rejects.toThrow(
      'join options.side: "iran" is not a party at this table: the parties are "north" and "south"',
    );
    const south = await joinTable(server.url, north.welcome.code, { deltas: true });
    expect(south.welcome.viewer).toBe('south');
    const u = await north.until((x) => x.seats.south?.connected === true, 'south to be seated');
    expect(Object.keys(u.seats)).toEqual(['north', 'south']);
    expect(u.seats.north).toMatchObject({ name: 'Ana', controller: 'human', taken: true });
    expect(u.settings).toEqual({ north: 'human', south: 'human', difficulty: scenario.defaults.difficulty });

    // The host hands a seat over by its party id; another id is refused.
    north.room.send('seat', { side: 'us', controller: 'ai:linear' });
    await waitFor(() => north.refusals.find((r) => r.includes('seat.side: "us" is not a party at this table')), 'the refusal');

    const end = await playToEnd(scenario, { north, south });
    expect(end.view.phase).toBe('ended');
    expect(verifyReplay(scenario, sha256, await replayOf(north))).toMatchObject({ ok: true, checksum: end.final });
  });

  it('a class seats teams at its parties: alone against the AI by studentSide, or two by the teacher', async () => {
    await expect(
      createClass(server.url, { scenarioId: 'renamed', formation: 'ai', studentSide: 'iran', seedPolicy: 'same', seed: 'x' }),
    ).rejects.toThrow('class options.studentSide: "iran" is not a party of');

    const alone = await createClass(server.url, {
      scenarioId: 'renamed',
      formation: 'ai',
      studentSide: 'south',
      seedPolicy: 'same',
      seed: 'a',
    });
    const solo = await joinClass(server.url, alone.code, { name: 'Larks' });
    expect((await solo.untilSeated()).side).toBe('south');
    const soloRow = await alone.untilRow(() => true, 'the table on the grid');
    expect(Object.keys(soloRow.seats)).toEqual(['north', 'south']);
    expect(soloRow.seats.north).toMatchObject({ ai: true });
    expect(soloRow.seats.south).toMatchObject({ name: 'Larks', ai: false });

    const teacher = await createClass(server.url, {
      scenarioId: 'renamed',
      formation: 'teams',
      seating: 'teacher',
      seedPolicy: 'same',
      seed: 'b',
    });
    const students: Student[] = [];
    for (const name of ['Cedar', 'Ash']) students.push(await joinClass(server.url, teacher.code, { name }));
    await waitFor(() => teacher.teams.length === 2, 'both teams on the console');
    const [cedar, ash] = teacher.teams.map((t) => t.id) as [string, string];
    teacher.room.send('seat', { us: cedar, iran: ash });
    await teacher.untilRefused(/^seat: name a team for each party, "north" or "south" \("us" is not one\)$/);
    teacher.room.send('seat', { north: cedar });
    await teacher.untilRefused(/^seat: name a team for each party, "north" or "south"$/);
    teacher.room.send('seat', { north: ash, south: cedar });
    await teacher.untilDone(/Ash and Cedar are seated together/);
    const seated = await Promise.all(students.map((s) => s.untilSeated()));
    expect(seated.map((s) => s.side)).toEqual(['south', 'north']);
    const row = await teacher.untilRow((t) => t.code === seated[0]?.table, 'the table on the grid');
    expect(row.seats.north?.name).toBe('Ash');
    expect(row.seats.south?.name).toBe('Cedar');
    for (const s of students) await s.room.leave();
  });
});
