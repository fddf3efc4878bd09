// Rules that refuse what a scenario says but can never happen: an event whose conditions no game can
// meet (a round after the last, a rung above the top, a lower bound above its upper bound, an issue
// that must be off the agenda when it is always on, an event waiting for itself), and a list of
// issues that names one twice. Called from crossCheck in schema.ts, once the shape is valid.
import type { ScenarioSource } from './schema.ts';

type Add = (path: (string | number)[], message: string) => void;

/** The parts of a scenario these rules read (the agenda's compromise list under either of its names). */
type Checked = Pick<ScenarioSource, 'rounds' | 'ladder' | 'events' | 'agenda'>;

export function checkNeverHappens(s: Checked, add: Add): void {
  checkAgendaLists(s, add);
  checkLadder(s, add);
  const impossible = checkEventConditions(s, add);
  checkAfterChains(s, impossible, add);
}

/** An issue named twice in one agenda list is a slip: the second mention is refused. */
function checkAgendaLists(s: Checked, add: Add): void {
  const agenda = s.agenda as unknown as {
    core: readonly string[];
    contested: readonly string[];
    wants: Record<string, readonly string[]>;
    mediatorCompromise?: readonly string[];
    omanCompromise?: readonly string[];
  };
  const twice = (path: (string | number)[], list: readonly string[] | undefined) =>
    list?.forEach((ref, i) => {
      if (list.indexOf(ref) < i) add([...path, i], `"${ref}" is listed twice`);
    });
  twice(['agenda', 'core'], agenda.core);
  twice(['agenda', 'contested'], agenda.contested);
  for (const [side, list] of Object.entries(agenda.wants ?? {})) twice(['agenda', 'wants', side], list);
  // The compromise list was `omanCompromise` before the mediator became the scenario's own.
  const compromiseKey = agenda.mediatorCompromise !== undefined ? 'mediatorCompromise' : 'omanCompromise';
  twice(['agenda', compromiseKey], agenda.mediatorCompromise ?? agenda.omanCompromise);
}

/** Tension is held within ±maxTension once a round closes; only the opening value may lie outside. */
function tensionBounds(s: Checked): { low: number; high: number } {
  const { maxTension, initialTension } = s.ladder;
  return { low: Math.min(-maxTension, initialTension), high: Math.max(maxTension, initialTension) };
}

function checkLadder(s: Checked, add: Add): void {
  const { maxTension, descendBelow } = s.ladder;
  if (descendBelow < -maxTension)
    add(
      ['ladder', 'descendBelow'],
      `tension never falls below -${maxTension} (ladder.maxTension), so at ${descendBelow} no rung is ever stepped down`,
    );
}

/** Refuses conditions no game can meet; returns the ids of the events that carry them. */
function checkEventConditions(s: Checked, add: Add): Set<string> {
  const impossible = new Set<string>();
  const rungs = s.ladder.rungs.length;
  const core = new Set(s.agenda.core);
  // Events that move the deadline back may each happen once: together they are the longest the talks can run.
  const extension = s.events.reduce((sum, e) => sum + Math.max(0, e.effects.deadline ?? 0), 0);
  const lastRound = s.rounds + extension;
  const { low, high } = tensionBounds(s);
  s.events.forEach((e, i) => {
    const c = e.conditions;
    if (!c) return;
    const at = (key: string) => ['events', i, 'conditions', key];
    const never = (key: string, why: string) => {
      impossible.add(e.id);
      add(at(key), `${why}: the event can never happen`);
    };
    if (c.minRound !== undefined && c.minRound > lastRound)
      never(
        'minRound',
        extension > 0
          ? `the talks last at most ${lastRound} rounds (${s.rounds}, and ${extension} more if every event that moves the deadline back happens)`
          : `scenario has only ${s.rounds} rounds`,
      );
    if (c.maxRung !== undefined && c.maxRung >= rungs) add(at('maxRung'), `ladder has only ${rungs} rungs, numbered 0 to ${rungs - 1}`);
    if (c.minRound !== undefined && c.maxRound !== undefined && c.minRound > c.maxRound)
      never('minRound', `minRound ${c.minRound} is after maxRound ${c.maxRound}`);
    if (c.minRung !== undefined && c.maxRung !== undefined && c.minRung > c.maxRung)
      never('minRung', `minRung ${c.minRung} is above maxRung ${c.maxRung}`);
    if (c.minTension !== undefined && c.maxTension !== undefined && c.minTension > c.maxTension)
      never('minTension', `minTension ${c.minTension} is above maxTension ${c.maxTension}`);
    if (c.minTension !== undefined && c.minTension > high)
      never(
        'minTension',
        `tension never rises above ${high} (ladder.maxTension${high === s.ladder.maxTension ? '' : ' and initialTension'})`,
      );
    if (c.maxTension !== undefined && c.maxTension < low)
      never(
        'maxTension',
        `tension never falls below ${low} (ladder.maxTension${low === -s.ladder.maxTension ? '' : ' and initialTension'})`,
      );
    if (c.onAgenda !== undefined && c.onAgenda === c.offAgenda)
      never('offAgenda', `"${c.offAgenda}" cannot be on the agenda (onAgenda) and off it (offAgenda) at once`);
    else if (c.offAgenda !== undefined && core.has(c.offAgenda))
      never('offAgenda', `"${c.offAgenda}" is a core issue, always on the agenda`);
  });
  return impossible;
}

/**
 * An event drawn only after another (`after`) can never be drawn when that one never happens: when it
 * waits for itself, for a chain that comes back to it, or for an event whose conditions no game meets.
 */
function checkAfterChains(s: Checked, impossible: ReadonlySet<string>, add: Add): void {
  const byId = new Map(s.events.map((e) => [e.id, e]));
  const waits = (ids: string[]) => ids.map((x) => `"${x}"`).join(', which waits for ');
  s.events.forEach((e, i) => {
    const first = e.conditions?.after;
    if (first === undefined || !byId.has(first) || impossible.has(e.id)) return;
    const at = ['events', i, 'conditions', 'after'];
    const chain: string[] = [];
    for (let ref: string | undefined = first; ref !== undefined && byId.has(ref); ref = byId.get(ref)?.conditions?.after) {
      if (ref === e.id) {
        add(
          at,
          chain.length === 0
            ? 'waits for itself: the event can never happen'
            : `waits for ${waits([...chain, ref])}: ${chain.length === 1 ? 'neither' : 'none of them'} can ever happen`,
        );
        return;
      }
      // A loop further along the chain is reported at its own events too.
      if (chain.includes(ref)) {
        add(at, `waits for ${waits(chain)}, which waits in a loop that never starts: so neither can this event`);
        return;
      }
      chain.push(ref);
      if (impossible.has(ref)) {
        add(at, `waits for ${waits(chain)}, which can never happen: so neither can this event`);
        return;
      }
    }
  });
}
