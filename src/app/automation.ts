// window.backchannel: the automation API (docs/design.md §5; reference in docs/automation-api.md).
// JSON in, JSON out. Game actions go through the same path as the buttons; the other side's private
// type stays hidden until the end. Sides are named by the scenario's party ids.
import { stateChecksum } from '../core/checksum';
import type { Scenario } from '../core/scenario/schema';
import { isSide, sidesOf } from '../core/sides';
import type { Action, FacilitatorAction, Side } from '../core/types';
import { viewFor } from '../core/view';
import { quote, shortText } from '../core/words';
import type { App } from './app';
import { noticeRemaining } from './classJoin';
import { SECRETS_LOCKED_REASON } from './hotseat';
import { plainCopy } from './plainJson';
import { loadScenario } from './scenarios';
import type { GameChoice } from './session';

export const API_VERSION = 2;

/** Moves between screens, in the same shape as game actions. */
export type NavigationAction =
  | { type: 'choose'; scenario?: string; seed?: string; side?: Side; personality?: string; difficulty?: string; mode?: string }
  | { type: 'start' }
  | { type: 'begin' }
  | { type: 'debrief' }
  | { type: 'title' }
  | { type: 'continue' }
  | { type: 'open-replay'; replay: unknown }
  | { type: 'step'; to: number }
  | { type: 'take-over'; side: Side }
  | { type: 'watch-ending' }
  | { type: 'take-seat'; side: Side }
  | { type: 'facilitate'; pin?: string; action: FacilitatorAction }
  | { type: 'create-table'; opponent?: string; name?: string }
  /** `watch: true`: watch the table from the spectators' seat (read-only, public information only). */
  | { type: 'join-table'; code: string; watch?: boolean; name?: string }
  /** Join a live class as a team (its name; not needed when this browser kept the team's token). */
  | { type: 'join-class'; code: string; name?: string }
  /** Dismiss the teacher's message (class play). */
  | { type: 'dismiss-notice' };

export interface BackchannelApi {
  version: number;
  state(): unknown;
  legalActions(): unknown[];
  act(action: unknown): unknown;
  /** The replay so far; in hot seat before the talks end, only with the facilitator's PIN. */
  replay(pin?: unknown): unknown;
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function automationApi(app: App): BackchannelApi {
  const navigation = (): NavigationAction[] => {
    switch (app.screen) {
      case 'title': {
        const out: NavigationAction[] = [{ type: 'choose' }];
        if (!app.startProblem()) out.push({ type: 'start' });
        const inClass = app.classJoin !== null && (app.classJoin.active || app.classJoin.status === 'seated');
        if (app.choice.mode === 'online' && !app.online.busy && !app.online.waiting && !inClass) {
          if (!app.classJoin) {
            if (!app.createProblem()) out.push({ type: 'create-table', opponent: 'human' });
            out.push({ type: 'join-table', code: '…' });
          }
          out.push({ type: 'join-class', code: app.classJoin?.code ?? '…', name: '…' });
        }
        if (app.saves.saved) out.push({ type: 'continue' });
        out.push({ type: 'open-replay', replay: '…' });
        return out;
      }
      case 'replay': {
        const v = app.viewer;
        const out: NavigationAction[] = [{ type: 'step', to: v?.step ?? 0 }];
        if (v?.canTakeOver) for (const side of sidesOf(v.scenario)) out.push({ type: 'take-over', side });
        if (v?.atEnd && v.state.phase === 'ended') out.push({ type: 'watch-ending' });
        out.push({ type: 'title' });
        return out;
      }
      case 'briefing':
        return [{ type: 'begin' }, { type: 'title' }];
      case 'outcome':
        return [{ type: 'debrief' }, { type: 'title' }];
      case 'debrief':
        return [{ type: 'title' }];
      case 'handoff':
        return [{ type: 'take-seat', side: app.classroom.calling }, { type: 'title' }];
      default:
        return [{ type: 'title' }];
    }
  };
  const legalActions = (): unknown[] =>
    json([
      ...(app.screen === 'handoff' ? [] : (app.session?.legalActions() ?? [])),
      ...navigation(),
      ...facilitation(),
      ...(app.notice ? [{ type: 'dismiss-notice' }] : []),
    ]);
  const facilitation = (): NavigationAction[] =>
    app.session && app.session.game.phase !== 'ended' && app.classroom.pinSet
      ? [{ type: 'facilitate', pin: '…', action: { type: 'pause', paused: !app.session.game.paused } }]
      : [];
  const state = () => {
    const s = app.session;
    const remote = app.remote;
    return json({
      version: API_VERSION,
      screen: app.screen,
      renderer: app.renderer,
      timing: app.timing,
      // Hot seat before the talks end: no seed (it gives away both sides' private draws).
      choice: app.secretsLocked ? { ...app.choice, seed: null } : app.choice,
      problems: app.problems,
      error: app.lastError,
      side: seatOf(app),
      // The parties of the game in play (or of the scenario chosen on the title screen): the ids every side is named by.
      parties: partiesOf(s?.scenario ?? app.viewer?.scenario ?? (app.loaded.ok ? app.loaded.scenario : null)),
      scenario: s ? { id: s.scenario.id, title: s.scenario.title, sha256: s.scenarioHash } : null,
      seed: app.secretsLocked ? null : (s?.choice.seed ?? null),
      yourTurn: seatOf(app) !== null && (s?.isMyTurn ?? false),
      draft: seatOf(app) === null ? null : (s?.draft ?? null),
      game: remote && s === remote ? remote.view : s ? viewFor(s.scenario, s.game, seatOf(app) ?? 'spectator') : null,
      hotseat:
        s?.choice.mode === 'hotseat'
          ? { atTable: app.classroom.atTable, calling: app.classroom.calling, secretsLocked: app.secretsLocked }
          : null,
      facilitator: { pinSet: app.classroom.pinSet, paused: s?.game.paused ?? false },
      // Online, the whole state is the server's: its checksum is the table's `final` once the talks end.
      checksum: remote && s === remote ? remote.update.final : s ? stateChecksum(s.game) : null,
      online: remote
        ? {
            code: remote.code,
            viewer: remote.update.viewer,
            host: remote.host,
            seats: remote.seats,
            turns: remote.update.turns,
            checksum: remote.update.checksum,
            final: remote.update.final,
            connected: remote.connected,
            waiting: remote === app.online.waiting,
            link: app.tableLink(remote.code),
          }
        : null,
      onlineLobby: { busy: app.online.busy, problem: app.online.problem, code: app.online.code },
      class: app.classJoin
        ? {
            code: app.classJoin.code,
            team: app.classJoin.team || null,
            status: app.classJoin.status,
            problem: app.classJoin.problem ?? (app.classJoin.status === 'seated' ? app.online.problem : null),
            table: app.classJoin.table,
            side: app.classJoin.side,
          }
        : null,
      notice: noticeState(app),
      save: {
        available: app.saves.available,
        problem: app.saves.problem,
        saved: app.saves.saved
          ? {
              side: app.saves.saved.side,
              view: app.saves.saved.view,
              turns: app.saves.saved.replay.log.length,
              final: app.saves.saved.replay.final,
            }
          : null,
      },
      replayProblem: app.replayProblem,
      scenarios: app.scenarios.map((x) => ({ id: x.id, ok: x.loaded.ok, fromFile: x.fromFile, file: x.file })),
      scenarioFile: app.scenarioFile ? { name: app.scenarioFile.name, ok: app.scenarioFile.ok, lines: app.scenarioFile.lines } : null,
      viewer: app.viewer ? viewerState(app) : null,
    });
  };
  const act = (raw: unknown): unknown => {
    let action = raw;
    if (typeof raw === 'string') {
      try {
        action = JSON.parse(raw);
      } catch {
        return { ok: false, error: 'act() takes an action object or its JSON text' };
      }
    }
    // Copied to plain data at the boundary and checked before anything reads it: a self-reference, a
    // getter, a Proxy or a huge list is refused here with a sentence, never thrown (issue 18).
    const copied = plainCopy(action, 'the action');
    if (!copied.ok) return { ok: false, error: copied.error };
    action = copied.value;
    if (!action || typeof action !== 'object' || Array.isArray(action) || typeof (action as { type?: unknown }).type !== 'string')
      return { ok: false, error: 'an action must be an object with a type' };
    const checked = action as Action | NavigationAction;
    let error: string | null;
    try {
      error = perform(app, checked);
    } catch (e) {
      // Nothing an action carries may stop the page: the game stays where it was, and says why.
      error = `${typeName(checked)}: the game could not do that (${e instanceof Error ? e.message : String(e)})`;
    }
    // Whatever a message quotes (the rules', a file reader's), it is cut to a sane length.
    return error ? { ok: false, error: shortText(error) } : { ok: true, state: state() };
  };
  const replay = (pin?: unknown) => {
    if (!app.session) return null;
    if (app.secretsLocked && !app.classroom.checkPin(typeof pin === 'string' ? pin : ''))
      return { ok: false, error: `replay: in hot seat the replay is ${SECRETS_LOCKED_REASON} (replay(pin))` };
    return json(app.session.replay());
  };
  return { version: API_VERSION, state, legalActions, act, replay };
}

function perform(app: App, action: Action | NavigationAction): string | null {
  switch (action.type) {
    case 'choose': {
      if (app.screen !== 'title') return 'choose: only on the title screen';
      for (const key of ['scenario', 'personality', 'difficulty', 'mode'] as const) {
        const v = action[key];
        if (v !== undefined && (typeof v !== 'string' || v.length > 64))
          return `choose: ${key} must be an id (at most 64 characters), not ${quote(v)}`;
      }
      if (action.seed !== undefined && !['string', 'number'].includes(typeof action.seed))
        return `choose: seed must be text or a number, not ${quote(action.seed)}`;
      if (String(action.seed ?? '').length > 256) return 'choose: seed is longer than 256 characters';
      const patch: Partial<GameChoice> = {};
      if (action.scenario !== undefined) patch.scenarioId = action.scenario;
      if (action.seed !== undefined) patch.seed = String(action.seed);
      if (action.side !== undefined) {
        const chosen = loadScenario(action.scenario ?? app.choice.scenarioId);
        if (chosen.ok && !isSide(chosen.scenario, action.side)) return `choose: side must be ${sideList(chosen.scenario)}`;
        if (typeof action.side !== 'string' || action.side.length > 64)
          return `choose: side must be a party id (at most 64 characters), not ${quote(action.side)}`;
        patch.side = action.side;
      }
      if (action.personality !== undefined) patch.personality = action.personality;
      if (action.difficulty !== undefined) patch.difficulty = action.difficulty;
      if (action.mode !== undefined) {
        if (!['solo', 'hotseat', 'replay', 'online'].includes(action.mode)) return 'choose: mode must be solo, hotseat, replay or online';
        patch.mode = action.mode as GameChoice['mode'];
      }
      app.choose(patch);
      return null;
    }
    case 'start':
      return app.screen === 'title' ? app.startGame() : 'start: only on the title screen';
    case 'begin':
      if (app.screen !== 'briefing') return 'begin: only on the briefing screen';
      app.toAgenda();
      return null;
    case 'debrief':
      if (app.screen !== 'outcome') return 'debrief: only once the talks are over';
      app.toDebrief();
      return null;
    case 'title':
      app.toTitle();
      return null;
    case 'continue':
      return app.screen === 'title' ? app.continueSaved() : 'continue: only on the title screen';
    case 'open-replay':
      return app.screen === 'title' || app.screen === 'replay' ? app.openReplay(action.replay) : 'open-replay: only on the title screen';
    case 'step':
      if (app.screen !== 'replay' || !app.viewer) return 'step: only in the replay viewer';
      if (typeof action.to !== 'number' || !Number.isFinite(action.to)) return 'step: "to" must be a step number';
      app.viewStep(action.to);
      return null;
    case 'take-over':
      if (app.screen !== 'replay') return 'take-over: only in the replay viewer';
      if (!app.viewer) return 'take-over: no replay is open';
      if (!isSide(app.viewer.scenario, action.side)) return `take-over: side must be ${sideList(app.viewer.scenario)}`;
      return app.takeOver(action.side);
    case 'watch-ending':
      return app.screen === 'replay' ? app.watchEnding() : 'watch-ending: only in the replay viewer';
    case 'create-table':
      if (app.screen !== 'title' || app.choice.mode !== 'online') return 'create-table: only on the title screen in online mode';
      if (action.opponent !== undefined && typeof action.opponent !== 'string')
        return 'create-table: opponent must be "human" or "ai:<personality>"';
      if (action.name !== undefined) {
        if (typeof action.name !== 'string' || action.name.length > 40) return 'create-table: name must be text of at most 40 characters';
        app.online.name = action.name;
      }
      return app.createTable(action.opponent);
    case 'join-table':
      if (app.screen !== 'title' || app.choice.mode !== 'online') return 'join-table: only on the title screen in online mode';
      if (typeof action.code !== 'string') return 'join-table: code must be the table code, like K7QW-M3ZP';
      if (action.watch !== undefined && typeof action.watch !== 'boolean') return 'join-table: watch must be true or false';
      if (action.name !== undefined) {
        if (typeof action.name !== 'string' || action.name.length > 40) return 'join-table: name must be text of at most 40 characters';
        app.online.name = action.name;
      }
      return app.joinTable(action.code, { watch: action.watch === true });
    case 'join-class':
      if (app.screen !== 'title' || app.choice.mode !== 'online') return 'join-class: only on the title screen in online mode';
      if (typeof action.code !== 'string') return 'join-class: code must be the class code, like K7QW-M3ZP';
      if (action.name !== undefined && (typeof action.name !== 'string' || [...action.name].length > 40))
        return 'join-class: name must be text of at most 40 characters';
      return app.joinClass(action.code, action.name ?? app.online.name);
    case 'dismiss-notice':
      if (!app.notice) return 'dismiss-notice: there is no message from the teacher';
      app.dismissNotice();
      return null;
    case 'take-seat':
      if (typeof action.side !== 'string') return 'take-seat: side must be a party id';
      return app.takeSeat(action.side);
    case 'facilitate':
      if (!app.session) return 'facilitate: no game in progress';
      if (app.classroom.pinSet && !app.classroom.checkPin(String(action.pin ?? ''))) return 'facilitate: wrong facilitator PIN';
      if (!action.action || typeof action.action !== 'object') return 'facilitate: action must be a facilitator action object';
      return app.facilitate(action.action);
    default:
      if (app.screen !== 'agenda' && app.screen !== 'rounds') return `${typeName(action)}: not at the table (screen is ${app.screen})`;
      if (!app.session) return 'no game in progress';
      return app.act(action);
  }
}

/** An action's type as a message names it: as it is when it looks like one, quoted and cut when not. */
function typeName(action: { type: string }): string {
  return /^[a-z][a-z-]{0,39}$/.test(action.type) ? action.type : quote(action.type);
}

/** Whose view `state()` shows: the player's side in solo play; in hot seat the team at the table (null on the handoff screen); null for a spectator. */
function seatOf(app: App): Side | null {
  const s = app.session;
  if (!s || app.spectating) return null;
  if (s.choice.mode !== 'hotseat') return s.side;
  return app.screen === 'handoff' ? null : app.classroom.atTable;
}

/** The scenario's two parties: each one's id (what `side` takes) and its names. */
function partiesOf(scenario: Scenario | null) {
  return scenario
    ? sidesOf(scenario).map((id) => ({ id, name: scenario.parties[id]?.name ?? id, short: scenario.parties[id]?.short ?? id }))
    : null;
}

/** `"a" or "b"`: the scenario's party ids, as a message offers them. */
function sideList(scenario: Scenario): string {
  return sidesOf(scenario)
    .map((id) => `"${id}"`)
    .join(' or ');
}

/** The teacher's message on screen: its words, the countdown's end (server clock) and the seconds left now. */
function noticeState(app: App) {
  const shown = app.notice;
  if (!shown) return null;
  const left = noticeRemaining(shown.notice, shown.offset);
  return {
    text: shown.notice.text,
    until: shown.notice.until,
    secondsLeft: left === null ? null : Math.ceil(left / 1000),
  };
}

/** The viewer's cursor and what the replay showed when it was verified. */
function viewerState(app: App) {
  const v = app.viewer;
  if (!v) return null;
  const last = v.states[v.steps];
  return {
    step: v.step,
    steps: v.steps,
    round: v.state.round,
    playing: v.playing,
    seed: v.replay.seed,
    settings: v.state.settings,
    /** The verified replay's final checksum and outcome (the same as `replay verify` prints). */
    final: v.opened.checksum,
    outcome: last?.outcome?.kind ?? null,
    /** The state at the cursor: its checksum, and its outcome once the talks have ended there. */
    checksum: stateChecksum(v.state),
    stepOutcome: v.state.outcome?.kind ?? null,
    parent: v.replay.parent ?? null,
  };
}
