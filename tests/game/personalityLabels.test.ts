// The class set-up card and the class debrief page name the AI counterparts by the scenario's labels
// ("Steady", "Tit for tat"), never by their internal ids ("linear", "tit-for-tat").
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { loadScenario } from '../../src/app/scenarios';
import { parseUrl } from '../../src/app/url';
import { digestClass } from '../../src/class/digest';
import { printPages } from '../../src/class/print';
import { report } from '../../src/class/report';
import type { KeyValueStore } from '../../src/core/save';
import type { Settings } from '../../src/core/types';
import { openClassCard } from '../../src/dom/classCard';
import { replayTable } from '../support/classFixtures';

const memoryStore = (): KeyValueStore => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

const loaded = loadScenario('muscat-2026');
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const { scenario, hash } = loaded;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the class set-up card', () => {
  it('names a solo counterpart and the difficulty by their labels', () => {
    const app = new App(parseUrl('?scenario=muscat-2026&mode=solo'), memoryStore());
    app.choose({ personality: 'linear', difficulty: 'hard' });
    openClassCard(app);
    const sheet = document.querySelector('#bc-classcard [data-sheet]') as HTMLElement;
    const facts = [...sheet.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(facts).toContain('Counterpart: Steady');
    expect(facts).toContain('Difficulty: Hard');
    // Only the link itself carries the id (it is what the game reads back).
    sheet.querySelector('[data-link]')?.remove();
    expect(sheet.textContent).not.toMatch(/\blinear\b/);
  });
});

describe('the class debrief page', () => {
  const table = (name: string, settings: Settings) => replayTable(scenario, hash, name, `labels-${name}`, settings);

  it('names the AI players by their labels in the results, the legend and the printed pages', () => {
    const d = digestClass(scenario, [
      table('one', { us: 'ai:linear', iran: 'ai:tit-for-tat', difficulty: 'normal' }),
      table('two', { us: 'ai:hardliner', iran: 'ai:boulware', difficulty: 'normal' }),
    ]);
    document.body.innerHTML = `<main>${report(d).text}</main><div>${printPages(d).text}</div>`;
    const text = document.body.textContent ?? '';
    for (const label of ['AI Steady', 'AI Tit for tat', 'AI Boulware']) expect(text).toContain(label);
    const cells = [...document.querySelectorAll('main tr')]
      .filter((tr) => tr.querySelector('td.cd-name'))
      .map((tr) => tr.children[2]?.textContent);
    expect(cells).toEqual(['AI Steady / AI Tit for tat', 'AI Hardliner / AI Boulware']);
    expect(text).not.toMatch(/\blinear\b|tit-for-tat|\bboulware\b/);
  });
});
