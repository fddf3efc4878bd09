// The validator as a scenario author meets it: each problem names its line and column (YAML and
// JSON) and the id of the list item it is in, says how long a list or text actually is, refuses event
// conditions no game can meet, and suggests the closest key or value for a misspelt one.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadScenarioText, validateScenario } from '../../src/core/scenario/loader';
import { rawShipped } from '../support/scenarios';

// biome-ignore lint/suspicious/noExplicitAny: a scenario edited by hand, as an author would
type Raw = any;

/** The shipped scenario as plain data, with 12 rounds and no event moving the deadline (so the messages below are fixed). */
function muscat(): Raw {
  const s = parse(rawShipped('muscat-2026'));
  s.rounds = 12;
  for (const e of s.events) delete e.effects.deadline;
  return s;
}

/** The index of an event and its conditions (created when it has none). */
function event(s: Raw, id: string): { i: number; c: Raw } {
  const i = s.events.findIndex((e: Raw) => e.id === id);
  if (i < 0) throw new Error(`no event ${id}`);
  s.events[i].conditions ??= {};
  return { i, c: s.events[i].conditions };
}

const errorsOf = (s: Raw) => {
  const r = validateScenario(s, 'x.yaml');
  return r.ok ? [] : r.errors;
};

const errorsOfText = (text: string, name: string) => {
  const r = loadScenarioText(text, name);
  return r.ok ? [] : r.errors;
};

/**
 * `line:col` of `key` in the text: the first one after the line naming the item `id` (YAML `id: x`
 * or JSON `"id": "x"`); with several ids, each is looked for after the one before (an issue, then its option).
 */
function at(text: string, ids: string | string[], key: string): string {
  const lines = text.split('\n');
  let start = -1;
  for (const id of typeof ids === 'string' ? [ids] : ids)
    start = lines.findIndex((l, n) => n > start && (l.endsWith(`id: ${id}`) || l.includes(`"id": "${id}"`)));
  const line = lines.findIndex((l, n) => n > start && (l.trimStart().startsWith(`${key}:`) || l.trimStart().startsWith(`"${key}":`)));
  if (start < 0 || line < 0) throw new Error(`no ${key} after ${String(ids)}`);
  return `${line + 1}:${(lines[line] as string).search(/\S/) + 1}`;
}

describe('where a problem is: line, column and the id of its item', () => {
  it('YAML: file:line:column, then the path with the id of the nearest item that has one', () => {
    const s = muscat();
    const { i, c } = event(s, 'israel-strike');
    c.maxRung = 2;
    const text = stringify(s);
    expect(errorsOfText(text, 'scenarios/x.yaml')).toEqual([
      `scenarios/x.yaml:${at(text, 'israel-strike', 'minRung')}: events[${i}] (id "israel-strike").conditions.minRung: minRung 4 is above maxRung 2: the event can never happen`,
    ]);
    expect(at(text, 'israel-strike', 'minRung')).toMatch(/^\d+:7$/);
  });

  it('JSON: the same, with the line and column in the JSON text', () => {
    const s = muscat();
    const { i, c } = event(s, 'israel-strike');
    c.maxRung = 2;
    const text = JSON.stringify(s, null, 2);
    expect(at(text, 'israel-strike', 'minRung')).toMatch(/^\d+:9$/);
    expect(errorsOfText(text, 'x.json')).toEqual([
      `x.json:${at(text, 'israel-strike', 'minRung')}: events[${i}] (id "israel-strike").conditions.minRung: minRung 4 is above maxRung 2: the event can never happen`,
    ]);
  });

  it('names the nearest item with an id: an option inside an issue', () => {
    const s = muscat();
    s.issues[1].options[2].label = '';
    const option = s.issues[1].options[2].id;
    const text = stringify(s);
    expect(errorsOfText(text, 'x.yaml')).toEqual([
      `x.yaml:${at(text, [s.issues[1].id, option], 'label')}: issues[1].options[2] (id "${option}").label: must not be empty`,
    ]);
  });

  it('a missing key points at the item that lacks it', () => {
    const s = muscat();
    const { i } = event(s, 'oil-spike');
    delete s.events[i].title;
    const text = stringify(s);
    const line = text.split('\n').indexOf('  - id: oil-spike') + 1;
    expect(errorsOfText(text, 'x.yaml')).toEqual([`x.yaml:${line}:5: events[${i}] (id "oil-spike").title: is missing (expected string)`]);
  });

  it('problems are listed in the order they appear in the file', () => {
    // Checked events first, then the agenda's lists; in the file the agenda comes first.
    const s = muscat();
    event(s, 'drone-downed').c.after = 'no-such-event';
    s.agenda.core.push(s.agenda.core[0]);
    const errors = errorsOfText(stringify(s), 'x.yaml');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^x\.yaml:\d+:\d+: agenda\.core\[\d+\]: "[a-z-]+" is listed twice$/);
    expect(errors[1]).toMatch(/^x\.yaml:\d+:\d+: events\[0\] \(id "drone-downed"\)\.conditions\.after: unknown event "no-such-event"$/);
  });
});

describe('lengths: the limit and the actual length', () => {
  it('a list too long or too short', () => {
    const s = muscat();
    while (s.issues.length < 14) s.issues.push({ ...s.issues[0], id: `extra-${s.issues.length}` });
    expect(errorsOf(s)).toEqual(['x.yaml: issues: must have at most 12 items (has 14)']);
    const t = muscat();
    t.ladder.rungs = t.ladder.rungs.slice(0, 2);
    expect(errorsOf(t)).toContain('x.yaml: ladder.rungs: must have at least 3 items (has 2)');
    const u = muscat();
    u.agenda.core = [];
    expect(errorsOf(u)).toContain('x.yaml: agenda.core: must have at least 1 item (has none)');
  });

  it('a text too long, in characters with thousands separated', () => {
    const s = muscat();
    const { i } = event(s, 'oil-spike');
    s.events[i].text = 'x'.repeat(4213);
    expect(errorsOf(s)).toEqual([
      `x.yaml: events[${i}] (id "oil-spike").text: must be at most 4,000 characters long (has 4,213 characters)`,
    ]);
    s.events[i].text = 'ok';
    s.events[i].title = 'y'.repeat(81);
    expect(errorsOf(s)).toEqual([`x.yaml: events[${i}] (id "oil-spike").title: must be at most 80 characters long (has 81 characters)`]);
  });
});

describe('conditions no game can meet', () => {
  const one = (edit: (s: Raw) => void) => {
    const s = muscat();
    edit(s);
    return errorsOf(s);
  };

  it('a round after the last, or after the latest the deadline can move to', () => {
    let i = 0;
    expect(
      one((s) => {
        ({ i } = event(s, 'oil-spike'));
        s.events[i].conditions.minRound = 13;
      }),
    ).toEqual([`x.yaml: events[${i}] (id "oil-spike").conditions.minRound: scenario has only 12 rounds: the event can never happen`]);
    expect(
      one((s) => {
        ({ i } = event(s, 'oil-spike'));
        s.events[i].conditions.minRound = 15;
        s.events[event(s, 'qatar-call').i].effects.deadline = 2;
      }),
    ).toEqual([
      `x.yaml: events[${i}] (id "oil-spike").conditions.minRound: the talks last at most 14 rounds (12, and 2 more if every event that moves the deadline back happens): the event can never happen`,
    ]);
    // Round 14 can come when the deadline moves back: allowed.
    expect(
      one((s) => {
        event(s, 'oil-spike').c.minRound = 14;
        s.events[event(s, 'qatar-call').i].effects.deadline = 2;
      }),
    ).toEqual([]);
  });

  it('a rung above the top of the ladder (maxRung), and bounds the wrong way round', () => {
    let i = 0;
    const rungs = muscat().ladder.rungs.length;
    expect(
      one((s) => {
        ({ i } = event(s, 'oil-spike'));
        s.events[i].conditions.maxRung = rungs;
      }),
    ).toEqual([`x.yaml: events[${i}] (id "oil-spike").conditions.maxRung: ladder has only ${rungs} rungs, numbered 0 to ${rungs - 1}`]);
    expect(
      one((s) => {
        ({ i } = event(s, 'oil-spike'));
        Object.assign(s.events[i].conditions, { minRound: 6, maxRound: 5 });
      }),
    ).toEqual([`x.yaml: events[${i}] (id "oil-spike").conditions.minRound: minRound 6 is after maxRound 5: the event can never happen`]);
    expect(
      one((s) => {
        ({ i } = event(s, 'oil-spike'));
        Object.assign(s.events[i].conditions, { minRung: 3, maxRung: 1 });
      }),
    ).toEqual([`x.yaml: events[${i}] (id "oil-spike").conditions.minRung: minRung 3 is above maxRung 1: the event can never happen`]);
    expect(
      one((s) => {
        ({ i } = event(s, 'oil-spike'));
        Object.assign(s.events[i].conditions, { minTension: 50, maxTension: 10 });
      }),
    ).toEqual([
      `x.yaml: events[${i}] (id "oil-spike").conditions.minTension: minTension 50 is above maxTension 10: the event can never happen`,
    ]);
  });

  it('tension beyond the ladder’s cap, and a step down below it', () => {
    let i = 0;
    expect(
      one((s) => {
        s.ladder.maxTension = 200;
        s.ladder.initialTension = 16;
        ({ i } = event(s, 'oil-spike'));
        s.events[i].conditions.minTension = 250;
      }),
    ).toEqual([
      `x.yaml: events[${i}] (id "oil-spike").conditions.minTension: tension never rises above 200 (ladder.maxTension): the event can never happen`,
    ]);
    expect(
      one((s) => {
        s.ladder.maxTension = 200;
        s.ladder.initialTension = 16;
        ({ i } = event(s, 'gulf-restraint'));
        s.events[i].conditions.maxTension = -250;
      }),
    ).toEqual([
      `x.yaml: events[${i}] (id "gulf-restraint").conditions.maxTension: tension never falls below -200 (ladder.maxTension): the event can never happen`,
    ]);
    expect(
      one((s) => {
        s.ladder.maxTension = 50;
        s.ladder.descendBelow = -60;
      }),
    ).toEqual(['x.yaml: ladder.descendBelow: tension never falls below -50 (ladder.maxTension), so at -60 no rung is ever stepped down']);
  });

  it('on and off the agenda at once; off the agenda for a core issue', () => {
    let i = 0;
    expect(
      one((s) => {
        ({ i } = event(s, 'congress-letter'));
        Object.assign(s.events[i].conditions, { onAgenda: 'missiles', offAgenda: 'missiles' });
      }),
    ).toEqual([
      `x.yaml: events[${i}] (id "congress-letter").conditions.offAgenda: "missiles" cannot be on the agenda (onAgenda) and off it (offAgenda) at once: the event can never happen`,
    ]);
    expect(
      one((s) => {
        ({ i } = event(s, 'congress-letter'));
        s.events[i].conditions.offAgenda = s.agenda.core[0];
      }),
    ).toEqual([
      `x.yaml: events[${i}] (id "congress-letter").conditions.offAgenda: "${muscat().agenda.core[0]}" is a core issue, always on the agenda: the event can never happen`,
    ]);
  });

  it('an event waiting (after) for itself, for a loop, or for an event that never happens', () => {
    const s = muscat();
    const self = event(s, 'oil-spike');
    self.c.after = 'oil-spike';
    const a = event(s, 'qatar-call');
    const b = event(s, 'gulf-restraint');
    a.c.after = 'gulf-restraint';
    b.c.after = 'qatar-call';
    const never = event(s, 'hormuz-vessel');
    Object.assign(never.c, { minRound: 6, maxRound: 5 });
    const waiting = event(s, 'naval-clash'); // after hormuz-vessel
    const errors = errorsOf(s);
    expect(errors).toEqual(
      expect.arrayContaining([
        `x.yaml: events[${self.i}] (id "oil-spike").conditions.after: waits for itself: the event can never happen`,
        `x.yaml: events[${a.i}] (id "qatar-call").conditions.after: waits for "gulf-restraint", which waits for "qatar-call": neither can ever happen`,
        `x.yaml: events[${b.i}] (id "gulf-restraint").conditions.after: waits for "qatar-call", which waits for "gulf-restraint": neither can ever happen`,
        `x.yaml: events[${waiting.i}] (id "naval-clash").conditions.after: waits for "hormuz-vessel", which can never happen: so neither can this event`,
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('an issue listed twice in the mediator’s compromise, or in the core or contested issues', () => {
    const s = muscat();
    // The list is `mediatorCompromise` in the current format, `omanCompromise` before it.
    const key = 'mediatorCompromise' in s.agenda ? 'mediatorCompromise' : 'omanCompromise';
    s.agenda[key] = ['regional', 'missiles', 'regional'];
    s.agenda.core.push(s.agenda.core[1]);
    const errors = errorsOf(s);
    const migratedKey = errors.some((e) => e.includes('mediatorCompromise')) ? 'mediatorCompromise' : 'omanCompromise';
    expect(errors).toEqual([
      `x.yaml: agenda.core[${s.agenda.core.length - 1}]: "${s.agenda.core[1]}" is listed twice`,
      `x.yaml: agenda.${migratedKey}[2]: "regional" is listed twice`,
    ]);
  });

  it('the shipped scenarios pass these checks', () => {
    for (const id of ['muscat-2026', 'tutorial'] as const) expect(errorsOfText(rawShipped(id), `${id}.yaml`)).toEqual([]);
  });
});

describe('did you mean', () => {
  it('an unknown key names the closest allowed key, with its position (YAML and JSON)', () => {
    const s = muscat();
    const { i, c } = event(s, 'oil-spike');
    c.minround = 3;
    for (const [text, name] of [
      [stringify(s), 'x.yaml'],
      [JSON.stringify(s, null, 2), 'x.json'],
    ] as const)
      expect(errorsOfText(text, name)).toEqual([
        `${name}:${at(text, 'oil-spike', 'minround')}: events[${i}] (id "oil-spike").conditions: unknown key "minround": did you mean "minRound"?`,
      ]);
  });

  it('a key at the top, a key with no close match (the keys allowed are listed), and several in one place', () => {
    const s = muscat();
    s.titel = s.title;
    delete s.title;
    const { i, c } = event(s, 'oil-spike');
    c.whenever = true;
    c.minround = 2;
    const text = stringify(s);
    const titel = text.split('\n').findIndex((l) => l.startsWith('titel:')) + 1;
    expect(errorsOfText(text, 'x.yaml')).toEqual(
      expect.arrayContaining([
        `x.yaml:${titel}:1: (root): unknown key "titel": did you mean "title"?`,
        `x.yaml:${at(text, 'oil-spike', 'whenever')}: events[${i}] (id "oil-spike").conditions: unknown key "whenever": the keys here are minRound, maxRound, minRung, maxRung, minTension, maxTension, onAgenda, offAgenda, after, once`,
        `x.yaml:${at(text, 'oil-spike', 'minround')}: events[${i}] (id "oil-spike").conditions: unknown key "minround": did you mean "minRound"?`,
      ]),
    );
  });

  it('an unknown value of a fixed list names the closest allowed value', () => {
    const s = muscat();
    const { i } = event(s, 'oil-spike');
    s.events[i].severity = 'violant';
    expect(errorsOf(s)).toEqual([`x.yaml: events[${i}] (id "oil-spike").severity: unknown value "violant": did you mean "violent"?`]);
    s.events[i].severity = 'Posturing';
    expect(errorsOf(s)).toEqual([`x.yaml: events[${i}] (id "oil-spike").severity: unknown value "Posturing": did you mean "posturing"?`]);
    s.events[i].severity = 'apocalyptic';
    expect(errorsOf(s)).toEqual([
      `x.yaml: events[${i}] (id "oil-spike").severity: unknown value "apocalyptic": use one of "deescalation", "status-quo", "posturing", "nonviolent", "violent"`,
    ]);
  });
});
