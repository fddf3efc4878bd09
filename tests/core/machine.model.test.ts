// Model-based: xstate/graph walks the machine with a human at each seat and canned moves, and
// every state of the machine is reached; each path is then played on a real actor and checked.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { type GameEvent, gameMachine } from '../../src/core/machine';
import { agendaMask, idealPackage, packageToTerms, spaceOf } from '../../src/core/negotiation/space';
import { concedableIssues, validateAction } from '../../src/core/rules';
import type { Action } from '../../src/core/types';
import { loadShipped } from '../support/scenarios';

const { scenario, sha256 } = loadShipped('tutorial');
const input = { scenario, scenarioHash: sha256, seed: 'model', settings: { us: 'human', iran: 'human', difficulty: 'normal' } } as const;
const machine = gameMachine.provide({});

type Snap = ReturnType<ReturnType<typeof createActor<typeof machine>>['getSnapshot']>;

function candidateMoves(snapshot: Snap): GameEvent[] {
  const { game } = snapshot.context;
  if (game.phase === 'ended') return [];
  const side = game.toMove;
  const space = spaceOf(scenario);
  const mask = agendaMask(space, game.agenda.on);
  const mine = packageToTerms(space, idealPackage(space, side, mask), mask);
  const theirs = packageToTerms(space, idealPackage(space, side === 'us' ? 'iran' : 'us', mask), mask);
  const actions: Action[] = [
    { type: 'propose-agenda', issues: [] },
    { type: 'accept-agenda' },
    { type: 'force-agenda' },
    { type: 'propose', terms: mine },
    { type: 'propose', terms: theirs },
    { type: 'accept' },
    { type: 'accept-bridge' },
    { type: 'statement', tone: 'threat' },
    { type: 'recess' },
    { type: 'bridge' },
    { type: 'walkout' },
  ];
  const issue = concedableIssues(scenario, game, side)[0];
  if (issue) actions.push({ type: 'concede', issue });
  return actions.map((action) => ({ type: 'ACT', side, action }));
}

const model = createTestModel(machine, {
  events: (snapshot): GameEvent[] => [{ type: 'START' }, { type: 'BEGIN' }, { type: 'DEBRIEF' }, ...candidateMoves(snapshot as Snap)],
  filterEvents: (snapshot, event) => {
    if (event.type !== 'ACT') return snapshot.can(event);
    return validateAction(scenario, snapshot.context.game, event.side, event.action) === null;
  },
  serializeState: (snapshot) => {
    const g = (snapshot as Snap).context.game;
    return JSON.stringify([snapshot.value, g.phase, g.round, g.toMove, g.movesThisRound, g.outcome?.kind ?? null, g.agenda.turnsLeft]);
  },
  limit: 4000,
});

describe('the game machine (model-based)', () => {
  const paths = model.getShortestPaths({ input } as never);

  it('reaches every state of the machine', () => {
    const reached = new Set(paths.flatMap((p) => p.steps.map((step) => String(step.state.value))));
    expect([...reached].sort()).toEqual(['agenda', 'briefing', 'debrief', 'outcome', 'rounds', 'setup']);
  });

  it('reaches every kind of ending the rules allow at a hotseat table', () => {
    const kinds = new Set(paths.flatMap((p) => p.steps.map((step) => step.state.context.game.outcome?.kind)).filter(Boolean));
    for (const kind of ['comprehensive-deal', 'walkout', 'no-deal']) expect(kinds).toContain(kind);
  });

  it('plays each path on a real actor to the same state', () => {
    const sample = paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / 60)) === 0);
    for (const path of sample) {
      const actor = createActor(machine, { input }).start();
      for (const step of path.steps) actor.send(step.event);
      const snap = actor.getSnapshot();
      expect(snap.value).toEqual(path.state.value);
      expect(snap.context.game.turn).toBe(path.state.context.game.turn);
      expect(snap.context.error).toBeNull();
      actor.stop();
    }
  });

  it('survives a JSON round trip of its snapshot (persistence)', () => {
    const actor = createActor(machine, { input }).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'BEGIN' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = createActor(machine, { input, snapshot: persisted }).start();
    expect(restored.getSnapshot().value).toBe('agenda');
    expect(restored.getSnapshot().context.game).toEqual(actor.getSnapshot().context.game);
  });

  it('lets the AI answer inside the same transition in solo play', () => {
    const actor = createActor(machine, {
      input: { ...input, settings: { us: 'human', iran: 'ai:tit-for-tat', difficulty: 'normal' } },
    }).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'BEGIN' });
    actor.send({ type: 'ACT', side: 'us', action: { type: 'propose-agenda', issues: ['inspectors'] } });
    const { game, actions } = actor.getSnapshot().context;
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(actions[1]?.side).toBe('iran');
    expect(game.toMove === 'us' || game.phase === 'ended').toBe(true);
  });

  it('rejects an illegal move with a reason and changes nothing', () => {
    const actor = createActor(machine, { input }).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'BEGIN' });
    const errors: string[] = [];
    actor.on('rejected', (e) => errors.push(e.error));
    const before = actor.getSnapshot().context.game;
    actor.send({ type: 'ACT', side: 'iran', action: { type: 'walkout' } });
    expect(errors).toEqual(["it is US's turn, not Iran's"]);
    expect(actor.getSnapshot().context.game).toEqual(before);
  });
});
