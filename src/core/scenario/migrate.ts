// Scenario files written in an older format, brought to today's before validation. Pure: a parsed
// value in, a new value out (the input is never changed), with a line for each thing the author may
// want to add by hand. `npx backchannel scenario migrate FILE` writes the result.
//
// Format 1 (files without `formatVersion`): the two parties were fixed keys beside the mediator in
// `parties`, the mediator's compromise was `agenda.omanCompromise`, and events were placed with a
// fixed list of place ids drawn on a fixed map. Format 2 names the parties by the scenario's own ids,
// gives each a colour and a symbol, moves the mediator to the top level and lets the scenario define
// its places (with coordinates) and its map frame.
import { SCENARIO_FORMAT_VERSION } from './constants.ts';

export interface Migrated {
  value: unknown;
  /** The version the value was written in (null when it is not a scenario-shaped object). */
  from: number | null;
  /** What the migration could not supply: said to the author, never an error. */
  notes: string[];
}

/** Marks format 1 gave each seat and the mediator (the colours and glyphs the game drew them with). */
const V1_LOOK: Record<string, { colour: string; symbol: string }> = {
  us: { colour: '#5aa2ff', symbol: '■' },
  iran: { colour: '#4cc38a', symbol: '●' },
  mediator: { colour: '#f2c14e', symbol: '◆' },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The format a parsed scenario was written in: its `formatVersion`, or 1 for a file from before it. */
export function formatVersionOf(value: unknown): number | null {
  if (!isObj(value)) return null;
  if (value.formatVersion === undefined) return 1;
  return typeof value.formatVersion === 'number' ? value.formatVersion : null;
}

export function migrateScenario(value: unknown): Migrated {
  const from = formatVersionOf(value);
  if (from !== 1 || !isObj(value)) return { value, from, notes: [] };
  const notes: string[] = [];
  const v1Parties = isObj(value.parties) ? value.parties : {};
  const { mediator, ...sides } = v1Parties;
  const parties: Obj = {};
  for (const [id, party] of Object.entries(sides)) parties[id] = isObj(party) ? withLook(party, V1_LOOK[id] ?? V1_LOOK.us) : party;
  const agenda = isObj(value.agenda) ? { ...value.agenda } : value.agenda;
  if (isObj(agenda) && 'omanCompromise' in agenda) {
    agenda.mediatorCompromise = agenda.omanCompromise;
    delete agenda.omanCompromise;
  }
  // Format 1 placed events on a fixed list; format 2 has the scenario define them. The ids carry
  // over, named after themselves; the coordinates and the map frame are the author's to add.
  const used = new Set<string>();
  if (Array.isArray(value.events)) for (const e of value.events) if (isObj(e) && typeof e.where === 'string') used.add(e.where);
  const places = [...used].map((id) => ({ id, name: id.charAt(0).toUpperCase() + id.slice(1) }));
  if (places.length)
    notes.push(
      `places ${places.map((p) => `"${p.id}"`).join(', ')} were given their ids as names and no coordinates: add lon and lat to each, and a region, to draw the map`,
    );
  else notes.push('no places: add places (with lon and lat) and a region to draw a map');
  notes.push('no venue: name the place where the talks are held with venue (a place id)');

  const { $schema, ...rest } = value;
  const out: Obj = {
    ...($schema !== undefined ? { $schema } : {}),
    formatVersion: SCENARIO_FORMAT_VERSION,
    ...rest,
    parties,
    ...(mediator !== undefined ? { mediator: isObj(mediator) ? withLook(mediator, V1_LOOK.mediator) : mediator } : {}),
    agenda,
    ...(places.length ? { places } : {}),
  };
  return { value: reorder(out), from, notes };
}

function withLook(o: Obj, look: { colour: string; symbol: string } | undefined): Obj {
  const { name, ...rest } = o;
  return { name, colour: o.colour ?? look?.colour, symbol: o.symbol ?? look?.symbol, ...rest };
}

/** Keys in the order the format documents them, so a migrated file reads like a new one. */
const ORDER = [
  '$schema',
  'formatVersion',
  'id',
  'languages',
  'title',
  'date',
  'setting',
  'sources',
  'firstMover',
  'rounds',
  'parties',
  'mediator',
  'venue',
  'region',
  'places',
];
function reorder(o: Obj): Obj {
  const out: Obj = {};
  for (const k of ORDER) if (k in o) out[k] = o[k];
  for (const [k, v] of Object.entries(o)) if (!(k in out)) out[k] = v;
  return out;
}
