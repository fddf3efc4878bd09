// The log in no language: every line, risk entry and outcome the rules write carries a message of ids
// and numbers, and src/i18n/logWords.ts says it in the language shown. With the English catalogue
// the words are the rules' own text, character for character, in many games of every shipped
// scenario (facilitator's turns included); in Persian no line is left in English and every digit is Persian.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseAction, playGame } from '../../src/core/play';
import { applySeatActionInPlace } from '../../src/core/rules';
import { loadScenarioText } from '../../src/core/scenario/loader';
import { forEachText, localiseScenario } from '../../src/core/scenario/localise';
import type { Scenario } from '../../src/core/scenario/schema';
import { sidesOf } from '../../src/core/sides';
import { createGame } from '../../src/core/state';
import type { FacilitatorAction, GameState, Settings } from '../../src/core/types';
import { viewFor } from '../../src/core/view';
import { addScenarioTexts, resetLanguage, setLanguage, shown } from '../../src/i18n';
import { logText, outcomeText, riskText } from '../../src/i18n/logWords';
import { ROOT } from '../support/scenarios';

const IDS = readdirSync(join(ROOT, 'scenarios'))
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => name.replace(/\.ya?ml$/, ''))
  .sort();

function load(id: string) {
  const file = join(ROOT, 'scenarios', `${id}.yaml`);
  const result = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

const POLICIES = ['random', 'script:always-threat', 'script:reference', 'script:concede-every-round', 'script:hold-then-accept'];

/** Pairings: every personality against a few others and the scripts, a couple of seeds each. */
function settingsOf(scenario: Scenario): Settings[] {
  const [a, b] = sidesOf(scenario) as [string, string];
  const policies = [...scenario.personalities.map((p) => `ai:${p.id}`), ...POLICIES];
  const out: Settings[] = [];
  policies.forEach((p, i) => {
    const q = policies[(i * 3 + 1) % policies.length] as string;
    for (const difficulty of scenario.difficulties.map((d) => d.id).slice(0, 2)) out.push({ [a]: p, [b]: q, difficulty } as Settings);
  });
  return out;
}

/** A game with a facilitator at the table: pauses, hides the hazard, moves the deadline, injects events (its own too), bridges. */
function facilitatedGame(scenario: Scenario, seed: string, n: number): GameState {
  const [a, b] = sidesOf(scenario) as [string, string];
  const state = createGame(scenario, seed, { [a]: 'random', [b]: 'ai:linear', difficulty: 'normal' } as Settings);
  const act = (action: FacilitatorAction) => applySeatActionInPlace(scenario, state, 'facilitator', action);
  const over = () => state.phase === 'ended';
  let turns = 0;
  while (!over() && turns++ < 400) {
    if (state.phase === 'rounds') {
      const k = turns % 9;
      if (k === 1) act({ type: 'pause', paused: true }) ?? act({ type: 'pause', paused: false });
      if (k === 2) act({ type: 'show-hazard', visible: turns % 2 === 0 });
      if (k === 3) act({ type: 'deadline', delta: turns % 4 === 0 ? 1 : -1 });
      if (k === 4) {
        const event = scenario.events[(turns + n) % scenario.events.length];
        if (event) act({ type: 'inject', event: event.id });
      }
      if (k === 5)
        act({
          type: 'inject-custom',
          title: n % 2 ? 'A leak to the press' : 'Un incident',
          text: 'Someone talked.',
          severity: n % 3 === 0 ? 'violent' : 'posturing',
          effects: { tension: 10, rung: n % 3 === 0 ? 2 : 0, support: { [a]: -(n % 5) * 10 } },
        });
      if (k === 7 || n === 7) {
        // A perception check; and in game 7, the facilitator's own event climbs the ladder until it ends the talks.
        const side = state.toMove;
        applySeatActionInPlace(scenario, state, side, { type: 'guess', priority: scenario.issues[0]!.id, redLine: scenario.issues[1]!.id });
        if (n === 7)
          act({ type: 'inject-custom', title: 'An incident at sea', text: 'Shots were fired.', severity: 'violent', effects: { rung: 2 } });
        if (over()) break;
      }
      if (k === 6) {
        const offer = state.offers[a] ?? state.offers[b];
        if (offer) {
          const terms: Record<string, string> = {};
          scenario.issues.forEach((issue, i) => {
            if (state.agenda.on.includes(issue.id)) terms[issue.id] = issue.options[offer[i] as number]?.id ?? '';
          });
          act({ type: 'mediator-bridge', terms });
        }
      }
      if (over()) break;
    }
    if (state.paused) act({ type: 'pause', paused: false });
    const side = state.toMove;
    const error = applySeatActionInPlace(scenario, state, side, chooseAction(scenario, state, side));
    if (error) throw new Error(error);
  }
  return state;
}

/** Every game the tests read, by scenario: the pairings, and facilitated games. */
function gamesOf(scenario: Scenario): GameState[] {
  const games = settingsOf(scenario).flatMap((settings, i) => [0, 1].map((k) => playGame(scenario, `words-${i}-${k}`, settings).state));
  for (let n = 0; n < 8; n++) games.push(facilitatedGame(scenario, `facilitated-${n}`, n));
  // Events that jump the ladder to its top at the round's opening: the ending no policy chooses.
  const wild = structuredClone(scenario);
  for (const event of wild.events) event.effects = { ...event.effects, rung: wild.ladder.rungs.length };
  wild.eventsPerRound = { ...wild.eventsPerRound, chance: 1 };
  const [a, b] = sidesOf(scenario) as [string, string];
  games.push(playGame(wild, 'wild', { [a]: 'ai:linear', [b]: 'random', difficulty: 'normal' } as Settings).state);
  return games;
}

const loaded = new Map(IDS.map((id) => [id, load(id)]));
const played = new Map(IDS.map((id) => [id, gamesOf(loaded.get(id)!.scenario)]));

describe('the log in English is the rules’ own text', () => {
  beforeAll(() => resetLanguage());
  const seen = new Set<string>();

  for (const id of IDS)
    it(`${id}: every line, risk entry and outcome, word for word`, () => {
      const { scenario } = loaded.get(id)!;
      const ids = new Set<string>();
      let lines = 0;
      for (const state of played.get(id)!) {
        for (const entry of state.log) {
          expect(entry.msg, entry.text).toBeDefined();
          ids.add(entry.msg!.id);
          expect(logText(entry, scenario)).toBe(entry.text);
          lines++;
        }
        for (const entry of state.risk) {
          expect(entry.msg, entry.text).toBeDefined();
          ids.add(entry.msg!.id);
          expect(riskText(entry, scenario)).toBe(entry.text);
        }
        expect(state.outcome).not.toBeNull();
        expect(outcomeText(state.outcome!, scenario)).toBe(state.outcome!.reason);
        // A seat's view with the hazard hidden: the same words as its text without the percentage.
        const hidden = { ...state, phase: 'rounds' as const, hazardVisible: false };
        for (const entry of viewFor(scenario, hidden, sidesOf(scenario)[0]!).risk) expect(riskText(entry, scenario)).toBe(entry.text);
      }
      expect(lines).toBeGreaterThan(500);
      for (const i of ids) seen.add(i);
      for (const state of played.get(id)!) for (const e of state.log) if (e.msg?.id === 'support') seen.add(`support:${e.msg.args.why}`);
      // The games reach most kinds of line (the facilitator's, the agenda's, every ending but a few).
      expect(ids.size).toBeGreaterThan(30);
    });

  it('the games say every message there is', () => {
    const all =
      'acceptAgenda accepts agendaSettled bridge bridgeRefused bridgeRisk conceded concedes conflictEvents conflictInject conflictRound deadlineMoved dealRisk dealSigned drawClimbed drawDown drawHeld endorsesBridge event eventRisk eventRung facilitatorDeadline forceAgenda forcedAgenda guess hazardHidden hazardShown inject mediatorAgenda mediatorBridge noDeal paused pressure proposeAgenda proposes recalled recess recessRisk resumed roundOpens statement statementRisk support support:backdown support:concessions support:event support:statement support:yielded walkedOut walkedOutOfTalks walksOut';
    expect([...seen].sort().join(' ')).toBe(all);
  });

  it('an entry without a message, or naming what the scenario lacks, is shown as its text', () => {
    const { scenario } = loaded.get('tutorial')!;
    expect(logText({ text: 'as it was' }, scenario)).toBe('as it was');
    expect(logText({ text: 'no such party', msg: { id: 'guess', args: { party: 'nobody' } } }, scenario)).toBe('no such party');
    expect(riskText({ text: 'no such issue', msg: { id: 'conceded', args: { party: sidesOf(scenario)[0]!, issue: 99 } } }, scenario)).toBe(
      'no such issue',
    );
  });
});

describe('the log in Persian', () => {
  beforeAll(async () => {
    for (const [id, result] of loaded) addScenarioTexts(id, 'fa', localiseScenario(result.source, 'fa') as Scenario);
    await setLanguage('fa');
  });
  afterAll(() => resetLanguage());

  /** The scenario's own words (in Persian where it has them; English where it has none) and the facilitator's, taken out. */
  const wordsOf = new Map<Scenario, string[]>();
  function catalogueWords(line: string, scenario: Scenario): string {
    let texts = wordsOf.get(scenario);
    if (!texts) {
      const found = ['A leak to the press', 'Un incident', 'Someone talked.', 'An incident at sea', 'Shots were fired.'];
      forEachText(shown(scenario), (_path, value) => {
        if (typeof value === 'string' && value.length > 0) found.push(value);
      });
      texts = found.sort((x, y) => y.length - x.length);
      wordsOf.set(scenario, texts);
    }
    let rest = line;
    for (const t of texts) rest = rest.split(t).join(' ');
    return rest;
  }

  for (const id of IDS)
    it(`${id}: no line is English, every digit Persian`, () => {
      const { scenario } = loaded.get(id)!;
      const translated = loaded.get(id)!.languages.includes('fa');
      for (const state of played.get(id)!) {
        const said = [
          ...state.log.map((e) => [e.text, logText(e, scenario), e.msg?.id, e.msg?.args] as const),
          ...state.risk.map((e) => [e.text, riskText(e, scenario), e.msg?.id, e.msg?.args] as const),
          [state.outcome!.reason, outcomeText(state.outcome!, scenario), state.outcome!.msg.id, state.outcome!.msg.args] as const,
        ];
        for (const [english, persian, msgId, args] of said) {
          // What the catalogue said (the scenario's and the facilitator's words taken out): Persian letters and digits only.
          expect(catalogueWords(persian, scenario), persian).not.toMatch(/[A-Za-z0-9]/);
          if (msgId === 'roundOpens') expect(persian).toMatch(/^دور [۰-۹]+ از [۰-۹]+ آغاز می‌شود\.$/);
          // An event's line is its title and text: the scenario's words (or the facilitator's, as typed).
          if (msgId === 'event') continue;
          expect(persian).not.toBe(english);
          const typed = args !== undefined && 'title' in args;
          if (translated && !typed) expect(persian, persian).toMatch(/[\u0600-\u06FF]/);
        }
      }
    });

  it('muscat-2026: the parties by their Persian names', () => {
    const { scenario } = loaded.get('muscat-2026')!;
    const state = played.get('muscat-2026')![0]!;
    const names = sidesOf(scenario).map((side) => shown(scenario).parties[side]!.short);
    expect(names.every((n) => /[\u0600-\u06FF]/.test(n))).toBe(true);
    const words = state.log.map((e) => logText(e, scenario)).join('\n');
    for (const name of names) expect(words).toContain(name);
  });
});
