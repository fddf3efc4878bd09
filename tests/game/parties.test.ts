// The app names the parties the chosen scenario names: a scenario with other parties than the default
// one is chosen, started, played in hot seat and driven through window.backchannel by its own party
// ids, and the app's messages name its parties by the scenario's words.
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { automationApi } from '../../src/app/automation';
import { loadScenario } from '../../src/app/scenarios';
import { parseUrl } from '../../src/app/url';
import { memoryStore } from '../support/memoryStore';

const GRAIN = 'black-sea-grain-2022';
const grain = loadScenario(GRAIN);
if (!grain.ok) throw new Error(grain.errors.join('\n'));
const [first, second] = Object.keys(grain.scenario.parties) as [string, string];
const short = (side: string) => grain.ok && grain.scenario.parties[side]?.short;

type State = { side: string | null; parties: { id: string }[] | null; choice: { side: string }; hotseat: { calling: string } | null };

describe('a scenario with its own parties', () => {
  it('takes its party ids on the title screen and refuses another scenario’s', () => {
    const app = new App(parseUrl(`?scenario=${GRAIN}&seed=parties-1`), memoryStore());
    const api = automationApi(app);
    expect(app.choice.side).toBe(first);
    expect((api.state() as State).parties?.map((p) => p.id)).toEqual([first, second]);
    expect(api.act({ type: 'choose', side: 'iran' })).toEqual({ ok: false, error: `choose: side must be "${first}" or "${second}"` });
    expect(api.act({ type: 'choose', side: second })).toMatchObject({ ok: true });
    // Another scenario whose parties differ: the side becomes its first party.
    expect(api.act({ type: 'choose', scenario: 'muscat-2026' })).toMatchObject({ ok: true, state: { choice: { side: 'us' } } });
  });

  it('plays solo as the second party against the AI', () => {
    const app = new App(parseUrl(`?scenario=${GRAIN}&seed=parties-2&side=${second}`), memoryStore());
    const api = automationApi(app);
    expect(api.act({ type: 'start' })).toMatchObject({ ok: true });
    expect(app.session?.record.settings).toMatchObject({ [first]: expect.stringMatching(/^ai:/), [second]: 'human' });
    expect(api.act({ type: 'begin' })).toMatchObject({ ok: true });
    for (let i = 0; i < 60 && ['agenda', 'rounds'].includes(app.screen); i++) {
      const legal = api.legalActions() as { type: string }[];
      const move =
        legal.find((a) => a.type === 'accept-agenda' || a.type === 'accept') ??
        legal.find((a) => a.type === 'propose-agenda' || a.type === 'propose');
      if (!move) break;
      expect(api.act(move)).toMatchObject({ ok: true });
    }
    expect((api.state() as State).side).toBe(second);
    expect(app.screen).toBe('outcome');
  });

  it('hands the screen in hot seat to its first party, then its second, by their names', () => {
    const app = new App(parseUrl(`?scenario=${GRAIN}&seed=parties-3&mode=hotseat`), memoryStore());
    const api = automationApi(app);
    expect(api.act({ type: 'start' })).toMatchObject({ ok: true, state: { screen: 'handoff', hotseat: { calling: first } } });
    expect(api.act({ type: 'take-seat', side: second })).toEqual({
      ok: false,
      error: `take-seat: the handoff calls the ${short(first)} team`,
    });
    expect(api.act({ type: 'take-seat', side: first })).toMatchObject({ ok: true, state: { side: first, screen: 'briefing' } });
    expect(api.act({ type: 'begin' })).toMatchObject({ ok: true, state: { screen: 'handoff', hotseat: { calling: second } } });
    expect(api.legalActions()).toContainEqual({ type: 'take-seat', side: second });
  });
});
