// Title: choose the scenario, your delegation, the counterpart and its difficulty, the seed and the mode.

import { freshSeed } from '../../app/url';
import type { Side } from '../../core/scenario/schema';
import type { TextSection } from '../../dom/screenText';
import { COLOR, SIDE_GLYPH } from '../theme';
import { label, panel, text } from '../ui';
import { drawGulfMap } from '../views/gulfMap';
import { ScreenScene } from './ScreenScene';

const MODES = [
  { id: 'solo', caption: 'Solo vs AI' },
  { id: 'hotseat', caption: 'Hot-seat (soon)' },
  { id: 'replay', caption: 'Replay (soon)' },
] as const;

export class TitleScene extends ScreenScene {
  constructor() {
    super('title');
  }

  protected override enter(): void {
    this.initialFocus = 'start';
  }

  protected draw(): void {
    const { choice } = this.app;
    const loaded = this.app.loaded;
    drawGulfMap(this, { x: 700, y: 40, w: 560, h: 360 }, { alpha: 0.9 });
    this.add.rectangle(700, 40, 560, 360, COLOR.bg, 0.25).setOrigin(0);

    text(this, 48, 36, 'BACKCHANNEL', { size: 54, weight: 700, color: COLOR.ink, scalable: false });
    text(this, 50, 104, 'A diplomatic crisis game. Sit at the Muscat table, keep the guns quiet, and bring home a deal.', {
      size: 16,
      color: COLOR.muted,
      wrap: 620,
    });

    panel(this, { x: 40, y: 160, w: 640, h: 540 });
    let y = 178;
    const row = (title: string) => {
      label(this, 60, y, title);
      y += 18;
    };

    row('Scenario');
    this.app.scenarios.forEach((s, i) => {
      const name = s.loaded.ok ? (s.loaded.scenario.title.split(':').pop()?.trim() ?? s.id) : `${s.id} (has errors)`;
      this.button({
        key: `scenario-${s.id}`,
        caption: name,
        label: `Scenario: ${name}`,
        rect: { x: 60 + i * 200, y, w: 190, h: 36 },
        pressed: choice.scenarioId === s.id,
        onPress: () => this.app.choose({ scenarioId: s.id }),
        size: 13,
      });
    });
    y += 50;

    row('Your delegation');
    (['us', 'iran'] as Side[]).forEach((side, i) => {
      const name = loaded.ok ? loaded.scenario.parties[side].name : side;
      this.button({
        key: `side-${side}`,
        caption: `${SIDE_GLYPH[side]}  ${name}`,
        label: `Play as ${name}`,
        rect: { x: 60 + i * 300, y, w: 290, h: 36 },
        pressed: choice.side === side,
        onPress: () => this.app.choose({ side }),
        size: 13,
      });
    });
    y += 50;

    if (loaded.ok) {
      const { scenario } = loaded;
      row('Counterpart');
      const width = Math.floor((600 - 8 * (scenario.personalities.length - 1)) / scenario.personalities.length);
      scenario.personalities.forEach((p, i) => {
        this.button({
          key: `personality-${p.id}`,
          caption: p.name,
          label: `Counterpart: ${p.name}. ${p.description}`,
          rect: { x: 60 + i * (width + 8), y, w: width, h: 34 },
          pressed: choice.personality === p.id,
          onPress: () => this.app.choose({ personality: p.id }),
          size: 13,
        });
      });
      y += 40;
      const personality = scenario.personalities.find((p) => p.id === choice.personality);
      text(this, 60, y, personality?.description ?? '', { size: 13, color: COLOR.muted, wrap: 600, italic: true });
      y += 30;

      row('Difficulty');
      scenario.difficulties.forEach((d, i) => {
        this.button({
          key: `difficulty-${d.id}`,
          caption: d.name,
          label: `Difficulty: ${d.name}. ${d.description}`,
          rect: { x: 60 + i * 130, y, w: 120, h: 34 },
          pressed: choice.difficulty === d.id,
          onPress: () => this.app.choose({ difficulty: d.id }),
          size: 13,
        });
      });
      y += 48;
    } else {
      label(this, 60, y, 'This scenario cannot be played', COLOR.danger);
      text(this, 60, y + 20, loaded.errors.slice(0, 6).join('\n'), { size: 12, color: COLOR.danger, wrap: 600 });
      y += 150;
    }

    row('Seed (same seed, same game)');
    panel(this, { x: 60, y, w: 300, h: 36 }, { fill: 0x0a1422, edge: COLOR.edgeHi, radius: 8 });
    this.control({
      kind: 'input',
      key: 'seed',
      label: 'Seed: the same seed and moves always give the same game',
      rect: { x: 60, y, w: 300, h: 36 },
      value: choice.seed,
      onInput: (value) => {
        this.app.choice = { ...this.app.choice, seed: value };
      },
    });
    this.button({
      key: 'new-seed',
      caption: 'New seed',
      label: 'Pick a new random seed',
      rect: { x: 370, y, w: 110, h: 36 },
      onPress: () => this.app.choose({ seed: freshSeed() }),
      size: 13,
    });
    y += 50;

    row('Mode');
    MODES.forEach((m, i) => {
      this.button({
        key: `mode-${m.id}`,
        caption: m.caption,
        label: `Mode: ${m.caption}`,
        rect: { x: 60 + i * 170, y, w: 160, h: 34 },
        pressed: choice.mode === m.id,
        onPress: () => this.app.choose({ mode: m.id }),
        size: 13,
      });
    });
    y += 48;

    const problem = this.app.startProblem();
    this.button({
      key: 'start',
      caption: problem ? 'Cannot start yet' : 'Take your seat  ▶',
      label: problem ? `Start the talks (unavailable: ${problem})` : 'Start the talks: read your briefing',
      rect: { x: 60, y: 636, w: 260, h: 48 },
      look: 'primary',
      disabled: problem !== null,
      onPress: () => this.app.startGame(),
      size: 17,
    });
    if (problem) text(this, 336, 642, problem, { size: 13, color: COLOR.warn, wrap: 330 });

    // Right column: the setting, and any problem with the link that opened the game.
    let ry = 420;
    if (this.app.problems.length > 0) {
      panel(this, { x: 700, y: ry, w: 560, h: 96 }, { fill: 0x2a1d0a, edge: COLOR.warn });
      label(this, 716, ry + 12, 'The link had problems — defaults used', COLOR.warn);
      text(this, 716, ry + 30, this.app.problems.join('\n'), { size: 13, color: COLOR.ink, wrap: 528 });
      ry += 108;
    }
    if (loaded.ok) {
      label(this, 700, ry, `${loaded.scenario.date} · ${loaded.scenario.parties.mediator.name} mediates`);
      const first = loaded.scenario.setting.split(/\n\s*\n/)[0] ?? '';
      text(this, 700, ry + 20, clip(first, ry > 430 ? 260 : 520), { size: 14, color: COLOR.muted, wrap: 560, lineSpacing: 4 });
    }
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const loaded = this.app.loaded;
    const sections: TextSection[] = [];
    if (this.app.problems.length > 0) sections.push({ heading: 'Problems with the link', lines: this.app.problems });
    if (loaded.ok) sections.push({ heading: loaded.scenario.title, lines: [loaded.scenario.setting] });
    else sections.push({ heading: 'Scenario errors', lines: loaded.errors });
    return { title: 'Backchannel: choose your game', sections };
  }
}

function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
