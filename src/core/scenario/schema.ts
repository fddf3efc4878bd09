// The scenario file format: a strict zod schema. Content lives in scenarios/*.yaml|json; this file
// holds only the shape and the rules a scenario must obey. scenarios/schema.json is generated from it.
import { z } from 'zod';

z.config({ jitless: true });

import { checkNeverHappens } from './checks.ts';
import {
  ID_PATTERN,
  LANGUAGE_PATTERN,
  MAX_LANGUAGES,
  MAX_TEXT,
  PARTY_ID_PATTERN,
  RESERVED_PARTY_IDS,
  SCENARIO_FORMAT_VERSION,
  SEVERITIES,
} from './constants.ts';
import { forEachText, type Localised, scenarioLanguages } from './localise.ts';

export { ID_PATTERN, MAX_TEXT, SEVERITIES, type Severity, type Side } from './constants.ts';

const id = z.string().regex(ID_PATTERN, 'must match ^[a-z0-9_-]{1,64}$');

// Text is shown literally, never interpreted; control and bidirectional-override characters, which
// could disguise what a teacher's file says, are refused with their position.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
function plain(max: number, min = 1) {
  return z
    .string()
    .min(min)
    .max(max)
    .superRefine((value, ctx) => {
      const at = value.search(HIDDEN_CHARACTERS);
      if (at >= 0) {
        const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
        ctx.addIssue({ code: 'custom', message: `contains the hidden control character U+${code} at position ${at + 1}` });
      }
    });
}

const language = z.string().regex(LANGUAGE_PATTERN, 'must be a language code such as en, fa or pt-BR');
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
/**
 * A text field: a plain string, or the same text in several languages (`{en: …, fa: …}`), each
 * value checked as a plain string is. checkLanguages: a map holds the scenario's first language and
 * no language the scenario does not list. localise.ts's TEXT_FIELDS lists where these are (a test
 * checks the list against this schema).
 */
function localText(max: number, min = 1) {
  const one = plain(max, min);
  return z.union([one, z.record(language, one)], {
    error: (issue) =>
      issue.code === 'invalid_union' && issue.input !== undefined
        ? `Invalid input: expected string or a map of languages ({en: …, fa: …}), received ${kindOf(issue.input)}`
        : undefined,
  });
}
const text = localText(MAX_TEXT);
const longText = localText(MAX_TEXT * 4);
const unit = z.number().finite().min(0).max(1);
const range = z.tuple([unit, unit]).refine(([lo, hi]) => lo <= hi, 'range must be [low, high] with low ≤ high');
/** A party's id where the scenario refers to one (crossCheck makes sure it is one of its two parties). */
export const sideSchema = z.string().regex(PARTY_ID_PATTERN, 'must be a party id (^[a-z][a-z0-9_-]{0,31}$)');

export const severitySchema = z.enum(SEVERITIES);

/** One value per party, keyed by the parties' ids (crossCheck: exactly the two, in any order). */
const perSide = <T extends z.ZodType>(inner: T) => z.record(sideSchema, inner);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb');
const symbol = plain(2).describe('one glyph that marks the party on screen (e.g. ●, ■, ◆)');

const constituency = z.strictObject({
  id,
  name: text,
  description: text,
});

const privateBrief = z.strictObject({
  summary: longText,
  priorities: z.array(text).min(1).max(12),
  redLines: z.array(text).min(1).max(12),
  fallback: text.describe('the reservation value in plain words: what walking away means'),
});

const party = z.strictObject({
  name: text,
  colour: colour.describe('the colour of its seat, offers and charts'),
  symbol,
  short: localText(24),
  head: text.describe('who leads the delegation'),
  headTitle: text,
  publicBrief: longText,
  privateBrief,
  constituencies: z.array(constituency).min(1).max(6),
  reservation: range.describe('reservation value drawn in this range at setup (utility of no deal)'),
  support: z.strictObject({
    start: z.number().finite().min(0).max(100),
    recallBelow: z.number().finite().min(0).max(100),
    pressureBelow: z.number().finite().min(0).max(100).describe('below this, hardliners push tension up each round'),
  }),
});

const mediator = z.strictObject({
  name: text,
  short: localText(24),
  head: text,
  colour,
  symbol,
  description: longText,
  bridgeGap: unit.describe('the mediator tables a bridging package only when the utility gap between the standing offers is at most this'),
  recessTension: z.number().finite().min(-60).max(0).describe('tension score of a recess (de-escalation)'),
});

const option = z.strictObject({
  id,
  label: localText(80),
  description: text,
});

const issue = z.strictObject({
  id,
  name: localText(60),
  description: text,
  options: z.array(option).min(2).max(6),
  notCovered: id.describe('the option that holds in a deal when the issue is not on the agenda'),
  evaluations: perSide(z.array(unit).min(2).max(6)).describe('per-side score of each option, best option = 1'),
  weights: perSide(range).describe('true weight drawn in this range at setup, then normalised'),
  believed: perSide(range).describe("what the OTHER side's brief says about this side's weight"),
  domesticCost: perSide(z.number().finite().min(0).max(60)).describe('support lost per full step of concession'),
});

const agenda = z.strictObject({
  core: z.array(id).min(1).describe('issues on the agenda whatever happens'),
  contested: z.array(id).describe('issues fought over in the agenda phase'),
  wants: perSide(z.array(id)).describe('contested issues each side wants on the agenda'),
  turns: z.number().int().min(1).max(12).describe('agenda turns before the mediator imposes its compromise'),
  forceTension: z.number().finite().min(0).max(60).describe('tension score per issue forced against the other side'),
  yieldSupport: z.number().finite().min(0).max(60).describe('support lost per contested issue yielded'),
  mediatorCompromise: z.array(id).describe('contested issues the mediator puts on the agenda when the dispute runs out of turns'),
});

const rung = z.strictObject({
  id,
  name: localText(60),
  description: text,
});

const ladder = z.strictObject({
  rungs: z.array(rung).min(3).max(12),
  start: z.number().int().min(0),
  q0: z.number().finite().gt(0).lt(1).describe('baseline hazard of climbing a rung in a calm round'),
  beta1: z.number().finite().min(0).max(20).describe('weight of tension (per 60 points) on the hazard logit'),
  beta2: z.number().finite().min(0).max(20).describe('weight of shocks on the hazard logit'),
  rho: z.number().finite().min(0).max(1).describe('tension carried into the next round'),
  initialTension: z.number().finite().min(-100).max(400),
  descendBelow: z.number().finite().min(-100).max(400).describe('tension at or below which a rung can be stepped down'),
  descendChance: unit,
  severityScores: z.strictObject({
    deescalation: z.number().finite(),
    'status-quo': z.number().finite(),
    posturing: z.number().finite(),
    nonviolent: z.number().finite(),
    violent: z.number().finite(),
  }),
  maxTension: z.number().finite().min(1).max(1000),
});

const condition = z.strictObject({
  minRound: z.number().int().min(1).optional(),
  maxRound: z.number().int().min(1).optional(),
  minRung: z.number().int().min(0).optional(),
  maxRung: z.number().int().min(0).optional(),
  minTension: z.number().finite().optional(),
  maxTension: z.number().finite().optional(),
  onAgenda: id.optional().describe('only while this issue is on the agenda'),
  offAgenda: id.optional(),
  after: id.optional().describe('only after this event has happened'),
  once: z.boolean().optional(),
});

const effects = z.strictObject({
  tension: z.number().finite().min(-100).max(100).optional().describe('added to the round tension score on top of the severity score'),
  shock: z.number().finite().min(0).max(5).optional(),
  rung: z.number().int().min(-2).max(2).optional(),
  support: z.record(sideSchema, z.number().finite().min(-50).max(50)).optional().describe('support won or lost, per party id'),
  intel: sideSchema.optional().describe('this side learns more about the other side’s priorities'),
  deadline: z.number().int().min(-4).max(4).optional(),
});

const event = z.strictObject({
  id,
  title: localText(80),
  text,
  source: localText(200, 0).optional(),
  weight: z.number().finite().gt(0).max(100),
  severity: severitySchema,
  where: id.optional().describe('the id of one of the scenario’s places, where it happens'),
  conditions: condition.optional(),
  effects,
});

const personality = z.strictObject({
  id,
  name: localText(40),
  description: text,
  e: z.number().finite().min(0).max(20).describe('Faratin concession exponent: 0 hardliner, 0.2 Boulware, 1 linear, 2 conceder'),
  k: unit.describe('initial concession constant'),
  titForTat: unit.describe('blend of mirroring the opponent’s concessions into the time-dependent target'),
  temper: unit.describe('propensity to answer pressure with firm statements and threats'),
  patience: unit.describe('1 never walks out; 0 walks out as soon as the offers are hopeless'),
  agendaFlex: unit.describe('willingness to yield contested agenda issues'),
  pressure: unit
    .optional()
    .describe(
      'how far the deadline and a climbing ladder pull the target towards the walk-away value (0 or absent: not at all; 1: all the way at the deadline or the top rung)',
    ),
});

const difficulty = z.strictObject({
  id,
  name: localText(40),
  description: text,
  learning: unit.describe('how fast the AI’s opponent model learns (0 = never)'),
  reservationShift: z.number().finite().min(-0.3).max(0.3).describe('added to the AI’s reservation value'),
  acceptanceSlack: z.number().finite().min(0).max(0.2).describe('the AI accepts offers this far below its next bid'),
});

const statement = z.strictObject({
  severity: severitySchema,
  support: z.number().finite().min(-30).max(30),
  audienceCost: z
    .number()
    .finite()
    .min(0)
    .max(10)
    .optional()
    .describe(
      'audience cost (Fearon 1994): support lost, per statement of this tone made so far, for each 10 points of value a side later gives up below what it had publicly demanded (absent: 0)',
    ),
  text: perSide(text),
});

const scoring = z.strictObject({
  perRung: z.number().finite().min(0).max(1).describe('score lost per rung climbed above the start'),
  conflict: z.number().finite().min(0).max(2),
  supportWeight: z.number().finite().min(0).max(1).describe('score per point of support gained or lost, /100'),
  comprehensiveMin: z.number().int().min(1).describe('issues settled beyond their not-covered option for a comprehensive deal'),
});

const place = z.strictObject({
  id,
  name: localText(60),
  lon: z
    .number()
    .finite()
    .min(-180)
    .max(180)
    .optional()
    .describe('longitude in degrees (east positive); without it the place is not drawn'),
  lat: z.number().finite().min(-90).max(90).optional().describe('latitude in degrees (north positive)'),
  kind: z.enum(['point', 'sea', 'ship']).optional().describe('how the map marks it: a dot (the default), a name on the water, or a ship'),
});

const region = z
  .strictObject({
    west: z.number().finite().min(-180).max(180),
    south: z.number().finite().min(-85).max(85),
    east: z.number().finite().min(-180).max(180),
    north: z.number().finite().min(-85).max(85),
  })
  .describe('the map frame in degrees; without it no map is drawn');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(SCENARIO_FORMAT_VERSION).describe('the scenario format (older files are migrated when read)'),
    id,
    languages: z
      .array(language)
      .min(1)
      .max(MAX_LANGUAGES)
      .optional()
      .describe('the languages of the text, the scenario’s own first (absent: [en]); a text may be a map of them: {en: …, fa: …}'),
    title: localText(120),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    setting: longText,
    firstMover: sideSchema.describe('the id of the party that opens'),
    rounds: z.number().int().min(2).max(40),
    sources: z.array(localText(400)).max(40).optional().describe('where the scenario’s facts come from'),
    parties: z.record(sideSchema, party).describe('the two parties at the table, keyed by their ids'),
    mediator,
    venue: id.optional().describe('the id of the place where the talks are held'),
    region: region.optional(),
    places: z.array(place).max(40).optional(),
    issues: z.array(issue).min(2).max(12),
    agenda,
    ladder,
    eventsPerRound: z.strictObject({ chance: unit, max: z.number().int().min(0).max(4) }),
    events: z.array(event).max(200),
    statements: z.strictObject({ conciliatory: statement, firm: statement, threat: statement }),
    personalities: z.array(personality).min(1).max(20),
    difficulties: z.array(difficulty).min(1).max(10),
    defaults: z.strictObject({ personality: id, difficulty: id }),
    scoring,
  })
  .superRefine((s, ctx) => {
    checkLanguages(s, ctx);
    crossCheck(s, ctx);
  });

/** A validated scenario file as written: each text a string or a map of languages (localise.ts). */
export type ScenarioSource = z.infer<typeof scenarioSchema>;
/** A scenario in one language, every text a string: what the rules and the views read (localiseScenario). */
export type Scenario = Localised<ScenarioSource>;
export type Issue = Scenario['issues'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Personality = Scenario['personalities'][number];
export type Difficulty = Scenario['difficulties'][number];
export type Party = Scenario['parties'][string];
export type Mediator = Scenario['mediator'];
export type Place = NonNullable<Scenario['places']>[number];

type Ctx = z.RefinementCtx;

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const x of ids) {
    if (seen.has(x)) dup.push(x);
    seen.add(x);
  }
  return dup;
}

/** The highest walk-away value a party's range may reach (a deal's score divides by 1 − r). */
export const MAX_RESERVATION = 0.95;
/** The latest round a deadline may reach (the facilitator's cap too). */
export const MAX_DEADLINE = 40;

/** The languages are listed once each; a text in several languages has the first and no unlisted one. */
function checkLanguages(s: ScenarioSource, ctx: Ctx): void {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const languages = scenarioLanguages(s);
  const first = languages[0] ?? 'en';
  const listed = languages.join(', ');
  languages.forEach((l, i) => {
    if (languages.indexOf(l) < i) add(['languages', i], `"${l}" is listed twice`);
  });
  forEachText(s, (path, value) => {
    if (typeof value === 'string') return;
    if (!Object.hasOwn(value, first))
      add(path, `has no "${first}" text: every text needs one in the scenario's first language (languages: ${listed})`);
    for (const l of Object.keys(value))
      if (!languages.includes(l))
        add(
          [...path, l],
          s.languages
            ? `"${l}" is not one of the scenario's languages (${listed}): add it to languages, or remove this text`
            : `"${l}" is not one of the scenario's languages (${listed}, as none are listed): list them at the top, e.g. languages: [${first}, ${l}]`,
        );
  });
}

/** Rules that span fields: references resolve, options line up with evaluations, ids are unique. */
function crossCheck(s: ScenarioSource, ctx: Ctx): void {
  const issueIds = new Set(s.issues.map((i) => i.id));
  let problems = 0;
  const add = (path: (string | number)[], message: string) => {
    problems++;
    ctx.addIssue({ code: 'custom', path, message });
  };

  // The two parties: everything per side below is keyed by their ids.
  const SIDES = Object.keys(s.parties);
  if (SIDES.length !== 2) {
    add(['parties'], `must name exactly two parties (has ${SIDES.length}${SIDES.length ? `: ${SIDES.join(', ')}` : ''})`);
    return;
  }
  for (const side of SIDES)
    if (RESERVED_PARTY_IDS.includes(side)) add(['parties', side], `"${side}" is a reserved word: choose another party id`);
  const list = (ids: string[]) => ids.map((x) => `"${x}"`).join(' and ');
  /** A per-side map must hold exactly the parties' ids (`partial`: a subset). */
  const perSideKeys = (path: (string | number)[], value: Record<string, unknown> | undefined, partial = false) => {
    if (!value) return;
    const keys = Object.keys(value);
    for (const k of keys) if (!SIDES.includes(k)) add([...path, k], `"${k}" is not a party: the parties are ${list(SIDES)}`);
    if (!partial) for (const side of SIDES) if (!keys.includes(side)) add(path, `needs a value for the party "${side}"`);
  };
  const isParty = (path: (string | number)[], ref: string) => {
    if (!SIDES.includes(ref)) add(path, `"${ref}" is not a party: the parties are ${list(SIDES)}`);
  };
  isParty(['firstMover'], s.firstMover);
  s.issues.forEach((issue, i) => {
    for (const field of ['evaluations', 'weights', 'believed', 'domesticCost'] as const) perSideKeys(['issues', i, field], issue[field]);
  });
  perSideKeys(['agenda', 'wants'], s.agenda.wants);
  for (const tone of ['conciliatory', 'firm', 'threat'] as const) perSideKeys(['statements', tone, 'text'], s.statements[tone].text);
  s.events.forEach((e, i) => {
    perSideKeys(['events', i, 'effects', 'support'], e.effects.support, true);
    if (e.effects.intel !== undefined) isParty(['events', i, 'effects', 'intel'], e.effects.intel);
  });
  // The checks below read each party's values: they wait until every per-side map is complete.
  if (problems) return;

  // Places: ids unique; the venue and every event's place are among them; the frame is a frame.
  const placeIds = new Set((s.places ?? []).map((p) => p.id));
  for (const d of duplicates((s.places ?? []).map((p) => p.id))) add(['places'], `duplicate place id "${d}"`);
  (s.places ?? []).forEach((p, i) => {
    if ((p.lon === undefined) !== (p.lat === undefined)) add(['places', i], `place "${p.id}" needs both lon and lat, or neither`);
  });
  const placeList = () => (placeIds.size ? [...placeIds].map((x) => `"${x}"`).join(', ') : 'none (add a places list)');
  if (s.venue !== undefined && !placeIds.has(s.venue)) add(['venue'], `unknown place "${s.venue}": the places are ${placeList()}`);
  s.events.forEach((e, i) => {
    if (e.where !== undefined && !placeIds.has(e.where))
      add(['events', i, 'where'], `unknown place "${e.where}": the places are ${placeList()}`);
  });
  if (s.region) {
    if (s.region.south >= s.region.north) add(['region'], 'south must be below north');
    if (s.region.west === s.region.east) add(['region'], 'west and east must differ');
  }

  for (const d of duplicates(s.issues.map((i) => i.id))) add(['issues'], `duplicate issue id "${d}"`);
  for (const d of duplicates(s.events.map((e) => e.id))) add(['events'], `duplicate event id "${d}"`);
  for (const d of duplicates(s.personalities.map((p) => p.id))) add(['personalities'], `duplicate personality id "${d}"`);
  for (const d of duplicates(s.difficulties.map((p) => p.id))) add(['difficulties'], `duplicate difficulty id "${d}"`);
  for (const d of duplicates(s.ladder.rungs.map((p) => p.id))) add(['ladder', 'rungs'], `duplicate rung id "${d}"`);

  s.issues.forEach((issue, i) => {
    const optionIds = issue.options.map((o) => o.id);
    for (const d of duplicates(optionIds)) add(['issues', i, 'options'], `duplicate option id "${d}"`);
    if (!optionIds.includes(issue.notCovered))
      add(['issues', i, 'notCovered'], `"${issue.notCovered}" is not an option of issue "${issue.id}"`);
    for (const side of SIDES) {
      const ev = issue.evaluations[side]!;
      if (ev.length !== issue.options.length)
        add(['issues', i, 'evaluations', side], `has ${ev.length} scores for ${issue.options.length} options`);
      else if (Math.max(...ev) !== 1) add(['issues', i, 'evaluations', side], 'the best option must score exactly 1');
    }
  });

  for (const side of SIDES) {
    const lo = s.issues.reduce((a, i) => a + i.weights[side]![0], 0);
    const hi = s.issues.reduce((a, i) => a + i.weights[side]![1], 0);
    if (lo > 1 + 1e-9 || hi < 1 - 1e-9)
      add(['issues'], `${side} weight ranges cannot sum to 1 (they span ${lo.toFixed(3)}–${hi.toFixed(3)})`);
    const p = s.parties[side]!;
    if (p.support.recallBelow >= p.support.start) add(['parties', side, 'support', 'recallBelow'], 'must be below the starting support');
    // A deal scores (u − r)/(1 − r): a walk-away value of 1 divides by zero (−Infinity, NaN).
    if (p.reservation[1] > MAX_RESERVATION)
      add(['parties', side, 'reservation'], `must stay at or below ${MAX_RESERVATION}: a walk-away value of 1 makes every score infinite`);
  }

  const checkIssueRef = (path: (string | number)[], ref: string) => {
    if (!issueIds.has(ref)) add(path, `unknown issue "${ref}"`);
  };
  s.agenda.core.forEach((ref, i) => {
    checkIssueRef(['agenda', 'core', i], ref);
  });
  s.agenda.contested.forEach((ref, i) => {
    checkIssueRef(['agenda', 'contested', i], ref);
    if (s.agenda.core.includes(ref)) add(['agenda', 'contested', i], `"${ref}" is both core and contested`);
  });
  for (const side of SIDES)
    s.agenda.wants[side]!.forEach((ref, i) => {
      if (!s.agenda.contested.includes(ref)) add(['agenda', 'wants', side, i], `"${ref}" is not a contested issue`);
    });
  s.agenda.mediatorCompromise.forEach((ref, i) => {
    if (!s.agenda.contested.includes(ref)) add(['agenda', 'mediatorCompromise', i], `"${ref}" is not a contested issue`);
  });
  s.issues.forEach((issue, i) => {
    if (!s.agenda.core.includes(issue.id) && !s.agenda.contested.includes(issue.id))
      add(['issues', i, 'id'], `issue "${issue.id}" is neither core nor contested on the agenda`);
  });

  const rungs = s.ladder.rungs.length;
  if (s.ladder.start >= rungs - 1) add(['ladder', 'start'], `must be below the top rung (${rungs - 1})`);
  const eventIds = new Set(s.events.map((e) => e.id));
  s.events.forEach((e, i) => {
    const c = e.conditions;
    if (c?.onAgenda) checkIssueRef(['events', i, 'conditions', 'onAgenda'], c.onAgenda);
    if (c?.offAgenda) checkIssueRef(['events', i, 'conditions', 'offAgenda'], c.offAgenda);
    if (c?.after && !eventIds.has(c.after)) add(['events', i, 'conditions', 'after'], `unknown event "${c.after}"`);
    if (c?.minRung !== undefined && c.minRung >= rungs) add(['events', i, 'conditions', 'minRung'], `ladder has only ${rungs} rungs`);
    if (c?.maxRound !== undefined && c.maxRound > s.rounds)
      add(['events', i, 'conditions', 'maxRound'], `scenario has only ${s.rounds} rounds`);
    // An event that can recur and moves the deadline back could extend the talks without end.
    if ((e.effects.deadline ?? 0) > 0 && c?.once === false)
      add(['events', i, 'effects', 'deadline'], 'an event that moves the deadline back must happen once (conditions.once cannot be false)');
  });
  checkNeverHappens(s, add);
  // Together, events may at most double the talks and never take them past the facilitator's cap.
  const extension = s.events.reduce((sum, e) => sum + Math.max(0, e.effects.deadline ?? 0), 0);
  const maxExtension = Math.min(s.rounds, MAX_DEADLINE - s.rounds);
  if (extension > maxExtension)
    add(
      ['events'],
      `events can move the deadline back by ${extension} rounds in all; with ${s.rounds} rounds at most ${maxExtension} (the talks may at most double, and last at most ${MAX_DEADLINE} rounds)`,
    );

  const personalityIds = new Set(s.personalities.map((p) => p.id));
  if (!personalityIds.has(s.defaults.personality)) add(['defaults', 'personality'], `unknown personality "${s.defaults.personality}"`);
  if (!s.difficulties.some((d) => d.id === s.defaults.difficulty))
    add(['defaults', 'difficulty'], `unknown difficulty "${s.defaults.difficulty}"`);
  if (s.scoring.comprehensiveMin > s.issues.length) add(['scoring', 'comprehensiveMin'], `scenario has only ${s.issues.length} issues`);
}
