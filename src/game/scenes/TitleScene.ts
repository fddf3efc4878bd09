// Title: choose the scenario, your delegation, the counterpart and its difficulty, the seed and the mode.

import type { App } from '../../app/app';
import { preferences } from '../../app/preferences';
import { forkTurnText } from '../../app/replays';
import { freshSeed } from '../../app/url';
import { MAX_SEED_LENGTH } from '../../core/rng';
import type { Scenario } from '../../core/scenario/schema';
import { sidesOf } from '../../core/sides';
import { quote } from '../../core/words';
import type { TextSection } from '../../dom/screenText';
import { atVenue, blurb, partiesLine, scenarioGroups, scenarioName } from '../scenarioWords';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { button, label, overlay, panel, text } from '../ui';
import { drawRegionMap } from '../views/regionMap';
import { ScreenScene } from './ScreenScene';

const MODES = [
  { id: 'solo', caption: 'Solo vs AI', name: 'Solo vs AI' },
  { id: 'hotseat', caption: 'Hot seat', name: 'Hot seat (2 teams)' },
  { id: 'replay', caption: 'Replay', name: 'Watch a replay' },
  { id: 'online', caption: 'Online', name: 'Play online (two browsers, or against the AI on the game server)' },
] as const;

/** The QR encoder, loaded when a table's code is first shown (it is not part of the page's first script). */
let encodeQr: typeof import('../../dom/qr').encodeQr | null = null;

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
    const scenario = loaded.ok ? loaded.scenario : null;
    drawRegionMap(
      this,
      { x: 700, y: 40, w: 560, h: 360 },
      { region: scenario?.region, places: scenario?.places ?? [], venue: scenario?.venue, alpha: 0.9 },
    );
    // The map is a backdrop here, its names dimmed with it: the veil is drawn over them.
    overlay(this);
    this.add.rectangle(700, 40, 560, 360, COLOR.bg, 0.25).setOrigin(0);

    text(this, 48, 36, 'BACKCHANNEL', { size: 54, weight: 700, color: COLOR.ink, scalable: false });
    const where = loaded.ok ? atVenue(loaded.scenario) : '';
    text(this, 50, 104, `A diplomatic crisis game. Sit at the table${where}, keep the guns quiet, and bring home a deal.`, {
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
    // In the order of their groups (the parties they seat), as the list on the right shows them.
    const scenarios = scenarioGroups(this.app.scenarios).flatMap((g) => g.scenarios);
    const slot = Math.floor((600 - 8 * scenarios.length) / (scenarios.length + 1));
    scenarios.forEach((s, i) => {
      const name = s.loaded.ok ? scenarioName(s.loaded.scenario) : `${s.id} (has errors)`;
      const chars = Math.floor(slot / 7.6) - (s.fromFile ? 2 : 0);
      const short = s.loaded.ok ? shortName(s.loaded.scenario, chars) : name;
      const caption = s.fromFile ? `▤ ${short}` : short;
      this.button({
        key: `scenario-${s.id}`,
        caption: clip(caption, Math.floor(slot / 7.6)),
        label: `Scenario: ${name}${s.loaded.ok ? ` (${partiesLine(s.loaded.scenario)})` : ''}${s.fromFile ? ` (loaded from the file ${s.file})` : ''}`,
        ...(s.loaded.ok ? { description: blurb(s.loaded.scenario) } : {}),
        rect: { x: 60 + i * (slot + 8), y, w: slot, h: 36 },
        pressed: choice.scenarioId === s.id,
        onPress: () => this.app.choose({ scenarioId: s.id }),
        size: 13,
      });
    });
    this.drawScenarioFilePicker({ x: 60 + scenarios.length * (slot + 8), y, w: slot, h: 36 });
    y += 50;

    row('Your delegation');
    // The chosen scenario's two parties (none to choose from while it cannot be played).
    (loaded.ok ? sidesOf(loaded.scenario) : []).forEach((side, i) => {
      if (!loaded.ok) return;
      const name = loaded.scenario.parties[side]!.name;
      this.button({
        key: `side-${side}`,
        caption: `${sideGlyph(loaded.scenario, side)}  ${name}`,
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
      maxLength: MAX_SEED_LENGTH,
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
    this.button({
      key: 'copy-link',
      caption: 'Copy link',
      label: 'Copy link: a link that starts this same game (scenario, seed and side)',
      rect: { x: 490, y, w: 110, h: 36 },
      onPress: () => this.mirror.share.open(this.app.shareLink()),
      size: 13,
    });
    y += 50;

    row('Mode');
    MODES.forEach((m, i) => {
      this.button({
        key: `mode-${m.id}`,
        caption: m.caption,
        label: `Mode: ${m.name}`,
        rect: { x: 60 + i * 116, y, w: 110, h: 34 },
        pressed: choice.mode === m.id,
        onPress: () => this.app.choose({ mode: m.id }),
        size: 13,
      });
    });
    this.button({
      key: 'class-setup',
      caption: this.app.classroom.pinSet ? 'Class set-up ✓ PIN' : 'Class set-up…',
      label: 'Class set-up: the class link, a printable sheet with a QR code, and the facilitator PIN',
      rect: { x: 60 + MODES.length * 116, y, w: 150, h: 34 },
      look: 'ghost',
      // Loaded when asked for: the card and its QR encoder are not part of the page's first script.
      onPress: () => void import('../../dom/classCard').then(({ openClassCard }) => openClassCard(this.app)),
      size: 13,
    });
    y += 48;

    if (choice.mode === 'replay') this.drawReplayPicker();
    else if (choice.mode === 'online' && this.app.classJoin) this.drawClassNote();
    else if (choice.mode === 'online') this.drawCreateTable();
    else {
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
    }

    // Right column: problems with the link or a replay file, the setting, and the saved game.
    let ry = 420;
    const warning = (title: string, body: string, color: number) => {
      const t = text(this, 716, ry + 30, body, { size: 13, color: COLOR.ink, wrap: 528, maxLines: 7 });
      const h = Math.max(56, t.height + 42);
      const g = panel(
        this,
        { x: 700, y: ry, w: 560, h },
        { fill: color === COLOR.danger ? 0x2a0d10 : color === COLOR.calm ? 0x0b2a20 : 0x2a1d0a, edge: color },
      );
      this.children.moveBelow(g as never, t as never);
      label(this, 716, ry + 12, title, color);
      ry += h + 10;
    };
    if (this.app.problems.length > 0) {
      // Three in full, then a count: every one is in the screen text (describe) as well.
      const { problems } = this.app;
      const more = problems.length > 3 ? `\n…and ${problems.length - 3} more (all are listed in the screen text).` : '';
      warning(
        `The link had ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} — defaults used`,
        `${problems.slice(0, 3).join('\n')}${more}`,
        COLOR.warn,
      );
    }
    if (this.app.replayProblem) warning('The replay could not be opened', this.app.replayProblem, COLOR.danger);
    const report = this.app.scenarioFile;
    if (report && !report.ok) {
      const more = report.lines.length > 3 ? `\n…and ${report.lines.length - 3} more.` : '';
      const top = ry;
      warning(
        `The scenario file has ${report.lines.length === 1 ? 'a problem' : `${report.lines.length} problems`}`,
        `${report.lines.slice(0, 3).join('\n')}${more}`,
        COLOR.danger,
      );
      this.button({
        key: 'scenario-file-errors',
        caption: 'Show all',
        label: `Show all ${report.lines.length} problems in the scenario file ${report.name}`,
        rect: { x: 1150, y: top + 6, w: 96, h: 26 },
        look: 'ghost',
        onPress: () => this.app.reshowScenarioFile(),
        size: 12,
      });
    } else if (report?.ok) warning('Scenario file loaded', report.lines.join('\n'), COLOR.calm);
    if (choice.mode === 'online') {
      if (this.app.classJoin) this.drawClass(ry);
      else this.drawOnline(ry);
      return;
    }
    const saveTop = this.drawSavedGame();
    this.drawScenarioList(ry, saveTop - 10);
  }

  /**
   * The scenarios grouped by the parties they seat, each with its title and a one-line blurb, the
   * chosen one marked (with its date and mediator). Short of room, the others lose their blurbs, then
   * the last of them go (counted at the end; the screen text lists them all): the chosen one stays.
   */
  private drawScenarioList(top: number, bottom: number): void {
    const x = 700;
    const listed = this.app.scenarios;
    if (bottom - top < 60 || listed.length === 0) return;
    const chosen = this.app.choice.scenarioId;
    const groups = scenarioGroups(listed);
    // Line heights grow with the text-size setting (the headings and the count do not scale).
    const k = preferences.textScale();
    const HEAD = 18;
    const LINE = Math.ceil(17 * k);
    const FULL = LINE + Math.ceil(21 * k);
    const BARE = Math.ceil(20 * k);
    const MORE = 16;
    const room = bottom - top - 20;
    const height = (rows: { id: string }[][], bare: boolean, hidden: number) =>
      rows.filter((g) => g.length).length * HEAD +
      rows.flat().reduce((h, s) => h + (s.id === chosen || !bare ? FULL : BARE), 0) +
      (hidden ? MORE : 0);
    // What is drawn: every scenario with its blurb; else only the chosen one's; else fewer of the others.
    const rows = groups.map((g) => [...g.scenarios]);
    const bare = height(rows, false, 0) > room;
    let hidden = 0;
    while (height(rows, bare, hidden) > room) {
      const last = rows
        .flatMap((g, gi) => g.map((s, si) => ({ s, gi, si })))
        .filter(({ s }) => s.id !== chosen)
        .pop();
      if (!last) break;
      rows[last.gi]?.splice(last.si, 1);
      hidden++;
    }

    label(this, x, top, listed.length === 1 ? 'The scenario' : 'Scenarios, by the parties at the table');
    let y = top + 20;
    groups.forEach((group, gi) => {
      const shown = rows[gi] ?? [];
      if (shown.length === 0) return;
      this.drawGroupHeading(x, y, group.scenario);
      y += HEAD;
      for (const s of shown) {
        const on = s.id === chosen;
        const sc = s.loaded.ok ? s.loaded.scenario : null;
        const name = `${on ? '▸ ' : ''}${sc ? scenarioName(sc) : s.id}${s.fromFile ? ' (from a file)' : ''}`;
        const more = sc && on ? ` · ${sc.date} · mediator: ${sc.mediator.name}` : '';
        text(this, x + 12, y, `${name}${more}`, { size: 13, weight: 700, color: on ? COLOR.brass : COLOR.ink, wrap: 548, maxLines: 1 });
        if (on || !bare) {
          const body = sc ? blurb(sc) : s.loaded.ok ? '' : (s.loaded.errors[0] ?? 'It has errors.');
          text(this, x + 12, y + LINE, body, { size: 12, color: on ? COLOR.ink : COLOR.muted, wrap: 548, maxLines: 1 });
          y += FULL;
        } else y += BARE;
      }
    });
    if (hidden)
      text(this, x, y, `…and ${hidden} more: every scenario is in the screen text.`, { size: 11, color: COLOR.muted, scalable: false });
  }

  /** A group's heading: its two parties, each in its glyph and colour. */
  private drawGroupHeading(x: number, y: number, scenario: Scenario | null): void {
    if (!scenario) {
      text(this, x, y, 'Cannot be played', { size: 12, weight: 700, color: COLOR.danger, scalable: false });
      return;
    }
    let hx = x;
    sidesOf(scenario).forEach((side, i) => {
      const t = text(this, hx, y, `${i ? 'and ' : ''}${sideGlyph(scenario, side)} ${scenario.parties[side]!.short}`, {
        size: 12,
        weight: 700,
        color: sideColor(scenario, side),
        scalable: false,
      });
      hx += t.width + 6;
    });
  }

  /** "Load a file…": a teacher's own scenario (JSON or YAML), checked as `validate` checks it. */
  private drawScenarioFilePicker(rect: { x: number; y: number; w: number; h: number }): void {
    button(this, { key: 'open-scenario-file', caption: 'Load a file…', label: '', rect, look: 'ghost', onPress: () => {}, size: 13 });
    this.control({
      kind: 'file',
      key: 'open-scenario-file',
      label: 'Load a scenario file (JSON or YAML): it is checked, and its errors are listed if it has any',
      rect,
      accept: '.yaml,.yml,.json,application/json,application/yaml,text/yaml',
      onFile: (file) => void this.app.openScenarioFile(file),
    });
  }

  /** Online: "Create a table" where the start button was (the choices above, and the other seat on the right). */
  private drawCreateTable(): void {
    const problem = this.app.createProblem();
    const waiting = this.app.online.waiting !== null;
    this.button({
      key: 'create-table',
      caption: waiting ? 'Table created' : this.app.online.busy ? 'Connecting…' : 'Create a table  ▶',
      label:
        problem || waiting
          ? `Create a table (unavailable: ${waiting ? 'a table is already waiting for the other player' : problem})`
          : 'Create a table on the game server with these choices',
      rect: { x: 60, y: 636, w: 260, h: 48 },
      look: 'primary',
      disabled: problem !== null || waiting,
      onPress: () => this.app.createTable(),
      size: 17,
    });
    if (problem && !this.app.online.busy) text(this, 336, 642, problem, { size: 13, color: COLOR.warn, wrap: 330 });
    // The name the other seat sees (a team's, in class): plain text, kept when joining too.
    const rect = { x: 60, y: 598, w: 400, h: 30 };
    panel(this, rect, { fill: 0x0a1422, edge: COLOR.edgeHi, radius: 8 });
    this.control({
      kind: 'input',
      key: 'online-name',
      label: 'Your name or your team’s, shown to the other delegation (optional)',
      rect,
      value: this.app.online.name,
      maxLength: 40,
      placeholder: 'Your name or team (optional)',
      onInput: (value) => {
        this.app.online.name = value;
      },
    });
  }

  /** Online, right column: the other seat, joining by code, what went wrong; or the created table waiting for its guest. */
  private drawOnline(top: number): void {
    const { online } = this.app;
    const loaded = this.app.loaded;
    const x = 700;
    let y = top;
    const waiting = online.waiting;
    panel(this, { x, y, w: 560, h: 700 - y }, { edge: COLOR.edgeHi });
    if (waiting) {
      const link = this.app.tableLink(waiting.code);
      label(this, x + 16, y + 12, 'Your table');
      text(this, x + 16, y + 32, waiting.code, { size: 30, weight: 700, color: COLOR.ink, scalable: false });
      text(
        this,
        x + 16,
        y + 76,
        'Waiting for the other player… Give them the code, the link or the QR code: the briefing opens for both of you when they join.',
        {
          size: 13,
          color: COLOR.muted,
          wrap: 340,
        },
      );
      this.control({
        kind: 'input',
        key: 'table-link',
        label: `Join link of table ${waiting.code}`,
        rect: { x: x + 16, y: y + 150, w: 340, h: 32 },
        value: link,
        readOnly: true,
        onInput: () => {},
      });
      this.button({
        key: 'copy-table-link',
        caption: 'Copy link',
        label: `Copy link: the link that joins table ${waiting.code}`,
        rect: { x: x + 16, y: y + 192, w: 120, h: 34 },
        onPress: () => this.mirror.share.open(link),
        size: 13,
      });
      this.button({
        key: 'leave-table',
        caption: 'Leave',
        label: `Leave table ${waiting.code}`,
        rect: { x: x + 146, y: y + 192, w: 100, h: 34 },
        look: 'ghost',
        onPress: () => this.app.toTitle(),
        size: 13,
      });
      this.drawQr(link, { x: x + 376, y: y + 16, size: Math.min(168, 700 - y - 32) });
      return;
    }
    label(this, x + 16, y + 12, 'Play online');
    this.button({
      key: 'run-class',
      caption: 'Run a class…',
      label: 'Run a class: open the teacher’s console to create a live class (your students join with its code)',
      rect: { x: x + 414, y: y + 6, w: 130, h: 24 },
      look: 'ghost',
      onPress: () => this.app.runClass(),
      size: 12,
    });
    y += 34;
    text(this, x + 16, y, 'The other seat at a table you create:', { size: 13, color: COLOR.muted });
    y += 22;
    const personality = loaded.ok ? loaded.scenario.personalities.find((p) => p.id === this.app.choice.personality) : undefined;
    const seats = [
      { id: 'human', caption: 'A person (share the code)', label: 'The other seat: a person, who joins with the table code' },
      {
        id: 'ai',
        caption: `The AI: ${personality?.name ?? 'counterpart'}`,
        label: `The other seat: the AI counterpart ${personality?.name ?? ''}, played on the server`,
      },
    ] as const;
    seats.forEach((seat, i) => {
      this.button({
        key: `online-opponent-${seat.id}`,
        caption: seat.caption,
        label: seat.label,
        rect: { x: x + 16 + i * 268, y, w: 260, h: 34 },
        pressed: online.opponent === seat.id,
        onPress: () => {
          this.app.online.opponent = seat.id;
          this.app.notify({ kind: 'view' });
        },
        size: 13,
      });
    });
    y += 50;
    text(this, x + 16, y, 'Join or watch a table, or join your class: type its code', { size: 13, color: COLOR.muted });
    y += 22;
    panel(this, { x: x + 16, y, w: 150, h: 36 }, { fill: 0x0a1422, edge: COLOR.edgeHi, radius: 8 });
    this.control({
      kind: 'input',
      key: 'table-code',
      label: 'Table or class code (like K7QW-M3ZP)',
      rect: { x: x + 16, y, w: 150, h: 36 },
      value: online.code,
      maxLength: 12,
      placeholder: 'K7QW-M3ZP',
      onInput: (value) => {
        this.app.online.code = value;
      },
    });
    this.button({
      key: 'join-table',
      caption: online.busy ? 'Connecting…' : 'Join a table  ▶',
      label: online.busy ? 'Join a table (unavailable: connecting to the game server)' : 'Join the table with this code',
      rect: { x: x + 176, y, w: 140, h: 36 },
      disabled: online.busy,
      onPress: () => this.app.joinTable(this.app.online.code),
      size: 13,
    });
    this.button({
      key: 'watch-table',
      caption: 'Watch',
      label: online.busy
        ? 'Watch a table (unavailable: connecting to the game server)'
        : 'Watch the table with this code: live and read-only, public information only',
      rect: { x: x + 326, y, w: 80, h: 36 },
      look: 'ghost',
      disabled: online.busy,
      onPress: () => this.app.joinTable(this.app.online.code, { watch: true }),
      size: 13,
    });
    // A class code looks like a table's: the class's panel asks for the team's name next.
    this.button({
      key: 'open-class',
      caption: 'Join a class  ▶',
      label: online.busy
        ? 'Join a class (unavailable: connecting to the game server)'
        : 'Join the class with this code: your team’s name next',
      rect: { x: x + 416, y, w: 128, h: 36 },
      disabled: online.busy,
      onPress: () => this.app.openClass(this.app.online.code),
      size: 13,
    });
    y += 48;
    if (online.problem) {
      label(this, x + 16, y, 'The table could not be opened', COLOR.danger);
      text(this, x + 16, y + 20, online.problem, { size: 13, color: COLOR.ink, wrap: 528, maxLines: 4 });
    } else if (online.busy) text(this, x + 16, y, 'Connecting to the game server…', { size: 13, color: COLOR.muted });
    else
      text(this, x + 16, y, 'Online play needs the game server (npm run serve): both players open the same address.', {
        size: 12,
        color: COLOR.muted,
        wrap: 528,
      });
  }

  /** A class: where the start button was, a word that the teacher chose the game (the choices above are not used). */
  private drawClassNote(): void {
    text(
      this,
      60,
      640,
      'In a class, your teacher has chosen the scenario, the sides and the seed: join on the right with your team’s name.',
      { size: 13, color: COLOR.muted, wrap: 600, maxLines: 3 },
    );
  }

  /**
   * A class (`?class=CODE`, or a class code typed): the team's name and "Join the class", then how
   * joining goes (waiting for a table, or why the class refused), and the teacher's messages.
   */
  private drawClass(top: number): void {
    const join = this.app.classJoin;
    if (!join) return;
    const { online } = this.app;
    const x = 700;
    const y = top;
    panel(this, { x, y, w: 560, h: 700 - y }, { edge: COLOR.brass });
    label(this, x + 16, y + 12, 'Join the class', COLOR.brass);
    const inClass = join.active;
    this.button({
      key: 'close-class',
      caption: inClass ? 'Leave the class' : 'Not in a class?',
      label: inClass
        ? `Leave class ${join.code}: your team keeps its place if you join again`
        : 'Not in a class: back to creating or joining a table',
      rect: { x: x + 414, y: y + 6, w: 130, h: 24 },
      look: 'ghost',
      onPress: () => this.app.closeClass(),
      size: 12,
    });
    text(this, x + 16, y + 30, join.code, { size: 26, weight: 700, color: COLOR.ink, scalable: false });
    text(this, x + 16, y + 68, 'Your team’s name', { size: 13, color: COLOR.muted });
    const nameRect = { x: x + 16, y: y + 88, w: 300, h: 34 };
    panel(this, nameRect, { fill: 0x0a1422, edge: COLOR.edgeHi, radius: 8 });
    const working = inClass || online.busy || (join.status === 'seated' && this.app.remote !== null);
    this.control({
      kind: 'input',
      key: 'online-name',
      label: 'Your team’s name, shown to your teacher and the other team',
      rect: nameRect,
      value: working ? join.team || online.name : online.name,
      maxLength: 40,
      placeholder: join.hasToken ? 'Your team (kept from last time)' : 'Your team’s name',
      readOnly: working,
      onInput: (value) => {
        this.app.online.name = value;
      },
    });
    this.button({
      key: 'join-class',
      caption: join.status === 'joining' ? 'Joining…' : working ? 'Joined' : 'Join the class  ▶',
      label: working
        ? `Join the class (unavailable: your team is in class ${join.code})`
        : `Join the class ${join.code} with this team name`,
      rect: { x: x + 326, y: y + 88, w: 218, h: 34 },
      look: 'primary',
      disabled: working,
      onPress: () => this.app.joinClass(join.code, this.app.online.name),
      size: 15,
    });
    const shown = this.app.notice;
    const noticeTop = 700 - 94;
    const bottom = shown ? noticeTop - 8 : 692;
    const at = y + 136;
    const lines = (h: number) => Math.max(1, Math.floor((bottom - at - h) / 18));
    const status = classStatus(this.app);
    if (status.problem) {
      label(this, x + 16, at, status.heading, COLOR.danger);
      text(this, x + 16, at + 20, status.problem, { size: 13, color: COLOR.ink, wrap: 528, maxLines: lines(20) });
    } else text(this, x + 16, at, status.line, { size: 13, color: status.busy ? COLOR.ink : COLOR.muted, wrap: 528, maxLines: lines(0) });
    if (shown) this.drawNotice({ x: x + 16, y: noticeTop, w: 528, h: 80 });
  }

  /** The join link as a QR code, drawn module by module once the encoder has loaded. */
  private drawQr(link: string, at: { x: number; y: number; size: number }): void {
    if (!encodeQr) {
      void import('../../dom/qr').then((m) => {
        encodeQr = m.encodeQr;
        this.app.notify({ kind: 'view' });
      });
      return;
    }
    let modules: boolean[][];
    try {
      modules = encodeQr(link).modules;
    } catch {
      return;
    }
    const n = modules.length + 8;
    const cell = Math.max(1, Math.floor(at.size / n));
    const g = this.add.graphics();
    g.fillStyle(0xffffff, 1).fillRect(at.x, at.y, cell * n, cell * n);
    g.fillStyle(0x000000, 1);
    modules.forEach((row, my) => {
      row.forEach((dark, mx) => {
        if (dark) g.fillRect(at.x + (mx + 4) * cell, at.y + (my + 4) * cell, cell, cell);
      });
    });
  }

  /** Replay mode: a file picker where the start button was, and a word about dropping a file. */
  private drawReplayPicker(): void {
    const rect = { x: 60, y: 636, w: 260, h: 48 };
    button(this, {
      key: 'open-replay-file',
      caption: 'Open a replay file…',
      label: '',
      rect,
      look: 'primary',
      onPress: () => {},
      size: 17,
    });
    this.control({
      kind: 'file',
      key: 'open-replay-file',
      label: 'Open a replay file to watch it (a .replay.json file)',
      rect,
      accept: '.json,application/json',
      onFile: (file) => void this.app.openReplayFile(file),
    });
    text(this, 336, 640, 'Or drop a .replay.json file anywhere on this screen. Replays are checked move by move before they play.', {
      size: 13,
      color: COLOR.muted,
      wrap: 330,
    });
  }

  /** The saved game, if any, with Continue; or why there is none. Returns the top of what it drew. */
  private drawSavedGame(): number {
    const { saved, problem, available } = this.app.saves;
    if (!saved && !problem && available) return 700;
    const h = saved ? (problem ? 150 : 96) : 96;
    const top = 700 - h;
    const bad = problem !== null;
    panel(this, { x: 700, y: top, w: 560, h }, bad ? { fill: 0x2a1d0a, edge: COLOR.warn } : { edge: COLOR.edgeHi });
    label(this, 716, top + 12, saved ? 'Saved game' : 'Saved games', bad ? COLOR.warn : COLOR.muted);
    let y = top + 30;
    if (problem) {
      const t = text(this, 716, y, problem, { size: 12, color: COLOR.ink, wrap: saved ? 528 : 528, maxLines: 3 });
      y += t.height + 8;
    }
    if (saved) {
      const loaded = this.app.scenarios.find((s) => s.id === saved.replay.scenario.id)?.loaded;
      const side = saved.side;
      const party = loaded?.ok ? (loaded.scenario.parties[side]?.short ?? side) : side;
      const glyph = loaded?.ok && loaded.scenario.parties[side] ? `${sideGlyph(loaded.scenario, side)} ` : '';
      const where = Object.hasOwn(VIEW_NAME, saved.view) ? VIEW_NAME[saved.view] : quote(saved.view, 20);
      const forkTurn = forkTurnText(saved.replay.parent);
      const fork = forkTurn === null ? '' : ` · fork of turn ${forkTurn}`;
      // A hot-seat game is both teams' game; until its talks end its seed stays off the screen (it
      // gives away both sides' private draws).
      const hotseat = saved.mode === 'hotseat';
      const secret = hotseat && saved.view !== 'outcome' && saved.view !== 'debrief';
      const who = hotseat ? 'Hot seat' : `${glyph}${party}`;
      const seed = secret ? '' : ` · seed “${saved.replay.seed}”`;
      const summary = `${who}${seed} · ${saved.replay.log.length} moves · ${where}${fork}`;
      text(this, 716, y + 6, summary, { size: 13, color: COLOR.ink, wrap: 360, maxLines: 2 });
      this.button({
        key: 'continue',
        caption: 'Continue  ▶',
        label: `Continue the saved game: ${summary}`,
        rect: { x: 1090, y: y - 2, w: 150, h: 40 },
        look: 'primary',
        onPress: () => this.app.continueSaved(),
        size: 15,
      });
    }
    return top;
  }

  protected describe(): { title: string; sections: TextSection[] } {
    const loaded = this.app.loaded;
    const sections: TextSection[] = [];
    if (this.app.problems.length > 0) sections.push({ heading: 'Problems with the link', lines: this.app.problems });
    if (this.app.replayProblem) sections.push({ heading: 'The replay could not be opened', lines: [this.app.replayProblem] });
    if (this.app.choice.mode === 'online' && this.app.classJoin) {
      const status = classStatus(this.app);
      sections.push({
        heading: `Join the class ${this.app.classJoin.code}`,
        lines: [status.problem ? `${status.heading}: ${status.problem}` : status.line],
      });
    } else if (this.app.choice.mode === 'online') {
      const { online } = this.app;
      const waiting = online.waiting;
      if (waiting)
        sections.push({
          heading: `Your table: ${waiting.code}`,
          lines: [`Waiting for the other player. The join link: ${this.app.tableLink(waiting.code)}`],
        });
      if (online.problem) sections.push({ heading: 'The table could not be opened', lines: [online.problem] });
      else if (online.busy) sections.push({ heading: 'Play online', lines: ['Connecting to the game server…'] });
    }
    const report = this.app.scenarioFile;
    if (report)
      sections.push({ heading: report.ok ? 'Scenario file loaded' : `The scenario file ${report.name} has problems`, lines: report.lines });
    if (this.app.saves.problem) sections.push({ heading: 'Saved games', lines: [this.app.saves.problem] });
    if (loaded.ok) sections.push({ heading: loaded.scenario.title, lines: [loaded.scenario.setting] });
    else sections.push({ heading: 'Scenario errors', lines: loaded.errors });
    for (const group of scenarioGroups(this.app.scenarios))
      sections.push({
        heading: group.scenario ? `Scenarios: ${partiesLine(group.scenario)}` : 'Scenarios that cannot be played',
        lines: group.scenarios.map((s) =>
          s.loaded.ok ? `${scenarioName(s.loaded.scenario)}: ${blurb(s.loaded.scenario)}` : `${s.id}: has errors`,
        ),
      });
    return { title: 'Backchannel: choose your game', sections };
  }
}

const VIEW_NAME: Record<string, string> = {
  briefing: 'at the briefing',
  agenda: 'in the agenda dispute',
  rounds: 'at the table',
  outcome: 'talks over',
  debrief: 'at the debrief',
};

/** Where joining the class stands, in words: a line, or a heading and the problem. */
function classStatus(app: App): { line: string; busy: boolean; heading: string; problem: string | null } {
  const join = app.classJoin;
  const { online } = app;
  const out = (line: string, busy = true) => ({ line, busy, heading: '', problem: null });
  if (!join) return out('', false);
  if (join.problem || online.problem)
    return { line: '', busy: false, heading: 'Could not join the class', problem: join.problem ?? online.problem };
  switch (join.status) {
    case 'joining':
      return out('Joining the class…');
    case 'waiting':
      return out(`You are in the class as “${join.team}”. Seated soon: waiting for another team to join the class…`);
    case 'seated':
      if (online.waiting) return out(`Seated at table ${join.table}: waiting for the other team to sit down…`);
      return out(`Seated at table ${join.table}: joining it…`);
    default:
      return out(
        join.hasToken
          ? 'This device was in the class before: join again to take your team’s place back.'
          : 'Type your team’s name and join: your teacher seats each team at a table, and the game starts there.',
        false,
      );
  }
}

/**
 * A scenario's name for a narrow button: its whole name when it fits, else the name's first part
 * with the year ("<city> <year>"), else the first part alone, cut if need be.
 */
function shortName(scenario: Pick<Scenario, 'title' | 'date'>, chars: number): string {
  const name = scenarioName(scenario);
  if (name.length <= chars) return name;
  const head = name.split(/[,:(]/)[0]?.trim() || name;
  const year = scenario.date.slice(0, 4);
  if (name.includes(year) && !head.includes(year) && head.length + 5 <= chars) return `${head} ${year}`;
  return clip(head, chars);
}

function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
