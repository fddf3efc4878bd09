// The issue board: a long issue name never runs into the "Concede a step" button under it.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { atTheTableWithOffers, type Booted, measureTextLikeABrowser } from './harness';

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.destroy();
  booted = undefined;
});

measureTextLikeABrowser({ ascent: 0.9, descent: 0.3 });

describe('issue board', () => {
  it('draws a name that would wrap above a "Concede a step" button smaller, clear of the button', async () => {
    // Both sides have an offer on the table and it is the player's move: concessions are possible.
    const at = await atTheTableWithOffers();
    booted = at.booted;
    const { table } = at;
    const concede = booted.buttons().filter((b) => /^Concede on /.test(b.getAttribute('aria-label') ?? ''));
    expect(concede.length).toBeGreaterThan(0);
    const texts = table.children.list.filter((c): c is Phaser.GameObjects.Text => c instanceof Phaser.GameObjects.Text);
    let checkedLong = 0;
    for (const button of concede) {
      const issue = /^Concede on (.+?): /.exec(button.getAttribute('aria-label') ?? '')?.[1] ?? '';
      const name = texts.find((t) => t.text === issue && t.visible);
      expect(name, issue).toBeDefined();
      if (!name) continue;
      const top = Number.parseFloat(button.style.top);
      expect(name.y + name.height, issue).toBeLessThanOrEqual(top);
      // 7 px a character: a name longer than 20 characters wraps in the 142 px column at 13 px.
      if (issue.length > 20) {
        expect(name.style.fontSize, issue).toBe('11px');
        checkedLong++;
      } else expect(name.style.fontSize, issue).toBe('13px');
    }
    expect(checkedLong).toBeGreaterThan(0);
  });
});
