// What the class-page tests build their classes from: a fake class room the console talks to, a
// table's row as the server sends it, the class's info, a played table loaded from its replay, and the
// console's view on the page's #root.
import type { RoomLike } from '../../src/app/online';
import { ClassApi } from '../../src/class/api';
import type { ClassConsole } from '../../src/class/console';
import { ConsoleView } from '../../src/class/consoleView';
import { bundledScenarios } from '../../src/class/debrief';
import { type LoadedTable, loadTable } from '../../src/class/load';
import { playGame } from '../../src/core/play';
import { makeReplay, replayToText } from '../../src/core/replay';
import type { Scenario } from '../../src/core/scenario/schema';
import type { Settings } from '../../src/core/types';
import type { ConsoleState, TableSummary } from '../../src/server/classProtocol';

/** A class room that records what the console sends and lets the test play the server's messages. */
export class FakeRoom implements RoomLike {
  sent: [string, unknown][] = [];
  left = false;
  // biome-ignore lint/suspicious/noExplicitAny: messages are any, as in colyseus.js
  private handlers = new Map<string, ((m: any) => void)[]>();
  private leaveHandlers: ((code: number) => void)[] = [];
  constructor(public roomId = 'CLASS1') {}
  // biome-ignore lint/suspicious/noExplicitAny: as in colyseus.js
  onMessage(type: string, cb: (m: any) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), cb]);
  }
  onLeave = (cb: (code: number) => void): void => {
    this.leaveHandlers.push(cb);
  };
  send(type: string, message?: unknown): void {
    this.sent.push([type, message]);
  }
  leave(): void {
    this.left = true;
  }
  emit(type: string, message: unknown): void {
    for (const h of this.handlers.get(type) ?? []) h(message);
  }
  drop(code = 1006): void {
    for (const h of this.leaveHandlers) h(code);
  }
  last(): [string, unknown] | undefined {
    return this.sent[this.sent.length - 1];
  }
}

/** A table's row in the console, as the server sends it (a US team against the AI, mid-talks). */
export function tableSummary(code: string, over: Partial<TableSummary> = {}): TableSummary {
  return {
    code,
    seats: { us: { name: `Team ${code}`, ai: false, connected: true }, iran: { name: 'Steady', ai: true, connected: true } },
    phase: 'rounds',
    round: 2,
    deadline: 8,
    roundEndsAt: null,
    toMove: 'us',
    paused: false,
    rung: 2,
    rungName: 'Posturing',
    hazard: 0.05,
    support: { us: 60, iran: 55 },
    lastMove: 'The US offered a package.',
    lastMoveAt: null,
    turns: 5,
    outcome: null,
    ...over,
  };
}

/** A class's info (Muscat, teams, one seed), as the console receives it. */
export function classInfo(code: string): ConsoleState['info'] {
  return {
    code,
    title: 'Period 3',
    scenarioId: 'muscat-2026',
    formation: 'teams',
    seating: 'auto',
    personality: null,
    seedPolicy: 'same',
    seed: 'class-seed',
    createdAt: '2026-02-01T09:00:00.000Z',
    endedAt: null,
  };
}

/** A whole game between two policies, as the class debrief loads it from its replay file `<name>.json`. */
export function replayTable(scenario: Scenario, hash: string, name: string, seed: string, settings: Settings): LoadedTable {
  const g = playGame(scenario, seed, settings, { checksums: true });
  const text = replayToText(
    makeReplay({ scenario, scenarioHash: hash, seed, settings, log: g.log, checksums: g.checksums, finalState: g.state }),
  );
  const r = loadTable({ name: `${name}.json`, text }, [{ id: scenario.id, scenario, hash }]);
  if (!r.ok) throw new Error(r.problem.reason);
  return r.table;
}

/** The console's view of `c` on #root, as class.html shows it (the bundled scenarios, no server behind its API, every confirm yes). */
export function consoleViewOf(c: ClassConsole): { root: HTMLElement; view: ConsoleView } {
  const root = document.getElementById('root') as HTMLElement;
  const view = new ConsoleView(root, c, {
    known: bundledScenarios(),
    api: new ClassApi(async () => new Response('')),
    origin: 'https://school.example',
    confirm: () => true,
  });
  return { root, view };
}
