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
import { f, m, shown } from '../../i18n';
import { atVenue, blurb, partiesLine, scenarioGroups, scenarioName } from '../scenarioWords';
import { COLOR, sideColor, sideGlyph } from '../theme';
import { button, keepLeftToRight, label, overlay, panel, text } from '../ui';
import { drawRegionMap } from '../views/regionMap';
import { ScreenScene } from './ScreenScene';

/** The modes, in their order on screen (their words are in the catalogue: m.title.modeCaption, modeName). */
const MODES = ['solo', 'hotseat', 'replay', 'online'] as const;

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
    const scenario = loaded.ok ? shown(loaded.scenario) : null;
    drawRegionMap(
      this,
      { x: 700, y: 40, w: 560, h: 360 },
      { region: scenario?.region, places: scenario?.places ?? [], venue: scenario?.venue, alpha: 0.9 },
    );
    // The map is a backdrop here, its names dimmed with it: the veil is drawn over them.
    overlay(this);
    this.add.rectangle(700, 40, 560, 360, COLOR.bg, 0.25).setOrigin(0);

    text(this, 48, 36, m.title.heading, { size: 54, weight: 700, color: COLOR.ink, scalable: false });
    const where = scenario ? atVenue(scenario) : '';
    text(this, 50, 104, m.title.tagline(where), {
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

    row(m.title.scenarioRow);
    // In the order of their groups (the parties they seat), as the list on the right shows them.
    const scenarios = scenarioGroups(this.app.scenarios).flatMap((g) => g.scenarios);
    const slot = Math.floor((600 - 8 * scenarios.length) / (scenarios.length + 1));
    scenarios.forEach((s, i) => {
      const sc = s.loaded.ok ? shown(s.loaded.scenario) : null;
      const name = sc ? scenarioName(sc) : m.title.withErrors(s.id);
      const chars = Math.floor(slot / 7.6) - (s.fromFile ? 2 : 0);
      const short = sc ? shortName(sc, chars) : name;
      const caption = s.fromFile ? `▤ ${short}` : short;
      this.button({
        key: `scenario-${s.id}`,
        caption: clip(caption, Math.floor(slot / 7.6)),
        label: m.title.scenarioButton(name, sc ? partiesLine(sc) : null, s.fromFile ? s.file : null),
        ...(sc ? { description: blurb(sc) } : {}),
        rect: { x: 60 + i * (slot + 8), y, w: slot, h: 36 },
        pressed: choice.scenarioId === s.id,
        onPress: () => this.app.choose({ scenarioId: s.id }),
        size: 13,
      });
    });
    this.drawScenarioFilePicker({ x: 60 + scenarios.length * (slot + 8), y, w: slot, h: 36 });
    y += 50;

    row(m.title.delegationRow);
    // The chosen scenario's two parties (none to choose from while it cannot be played).
    (loaded.ok ? sidesOf(loaded.scenario) : []).forEach((side, i) => {
      if (!loaded.ok || !scenario) return;
      const name = scenario.parties[side]!.name;
      this.button({
        key: `side-${side}`,
        caption: `${sideGlyph(loaded.scenario, side)}  ${name}`,
        label: m.title.playAs(name),
        rect: { x: 60 + i * 300, y, w: 290, h: 36 },
        pressed: choice.side === side,
        onPress: () => this.app.choose({ side }),
        size: 13,
      });
    });
    y += 50;

    if (scenario) {
      row(m.title.counterpartRow);
      const width = Math.floor((600 - 8 * (scenario.personalities.length - 1)) / scenario.personalities.length);
      scenario.personalities.forEach((p, i) => {
        this.button({
          key: `personality-${p.id}`,
          caption: p.name,
          label: m.title.counterpartButton(p.name, p.description),
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

      row(m.title.difficultyRow);
      scenario.difficulties.forEach((d, i) => {
        this.button({
          key: `difficulty-${d.id}`,
          caption: d.name,
          label: m.title.difficultyButton(d.name, d.description),
          rect: { x: 60 + i * 130, y, w: 120, h: 34 },
          pressed: choice.difficulty === d.id,
          onPress: () => this.app.choose({ difficulty: d.id }),
          size: 13,
        });
      });
      y += 48;
    } else if (!loaded.ok) {
      label(this, 60, y, m.title.cannotBePlayed, COLOR.danger);
      text(this, 60, y + 20, loaded.errors.slice(0, 6).join('\n'), { size: 12, color: COLOR.danger, wrap: 600 });
      y += 150;
    }

    row(m.title.seedRow);
    panel(this, { x: 60, y, w: 300, h: 36 }, { fill: 0x0a1422, edge: COLOR.edgeHi, radius: 8 });
    this.control({
      kind: 'input',
      key: 'seed',
      label: m.title.seedLabel,
      rect: { x: 60, y, w: 300, h: 36 },
      value: choice.seed,
      maxLength: MAX_SEED_LENGTH,
      onInput: (value) => {
        this.app.choice = { ...this.app.choice, seed: value };
      },
    });
    this.button({
      key: 'new-seed',
      caption: m.title.newSeed,
      label: m.title.newSeedLabel,
      rect: { x: 370, y, w: 110, h: 36 },
      onPress: () => this.app.choose({ seed: freshSeed() }),
      size: 13,
    });
    this.button({
      key: 'copy-link',
      caption: m.title.copyLink,
      label: m.title.copyLinkLabel,
      rect: { x: 490, y, w: 110, h: 36 },
      onPress: () => this.mirror.share.open(this.app.shareLink()),
      size: 13,
    });
    y += 50;

    row(m.title.modeRow);
    MODES.forEach((mode, i) => {
      this.button({
        key: `mode-${mode}`,
        caption: m.title.modeCaption[mode],
        label: m.title.modeButton(m.title.modeName[mode]),
        rect: { x: 60 + i * 116, y, w: 110, h: 34 },
        pressed: choice.mode === mode,
        onPress: () => this.app.choose({ mode }),
        size: 13,
      });
    });
    this.button({
      key: 'class-setup',
      caption: this.app.classroom.pinSet ? m.title.classSetupPin : m.title.classSetup,
      label: m.title.classSetupLabel,
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
        caption: problem ? m.title.cannotStart : m.title.start,
        label: problem ? m.title.startUnavailable(problem) : m.title.startLabel,
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
      const more = problems.length > 3 ? `\n${m.title.moreInScreenText(problems.length - 3)}` : '';
      warning(m.title.linkProblems(problems.length), `${problems.slice(0, 3).join('\n')}${more}`, COLOR.warn);
    }
    if (this.app.replayProblem) warning(m.title.replayNotOpened, this.app.replayProblem, COLOR.danger);
    const report = this.app.scenarioFile;
    if (report && !report.ok) {
      const more = report.lines.length > 3 ? `\n${m.title.andMore(report.lines.length - 3)}` : '';
      const top = ry;
      warning(m.title.fileProblems(report.lines.length), `${report.lines.slice(0, 3).join('\n')}${more}`, COLOR.danger);
      this.button({
        key: 'scenario-file-errors',
        caption: m.title.showAll,
        label: m.title.showAllLabel(report.lines.length, report.name),
        rect: { x: 1150, y: top + 6, w: 96, h: 26 },
        look: 'ghost',
        onPress: () => this.app.reshowScenarioFile(),
        size: 12,
      });
    } else if (report?.ok) warning(m.title.fileLoaded, report.lines.join('\n'), COLOR.calm);
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

    label(this, x, top, listed.length === 1 ? m.title.theScenario : m.title.scenariosByParties);
    let y = top + 20;
    groups.forEach((group, gi) => {
      const drawn = rows[gi] ?? [];
      if (drawn.length === 0) return;
      this.drawGroupHeading(x, y, group.scenario);
      y += HEAD;
      for (const s of drawn) {
        const on = s.id === chosen;
        const sc = s.loaded.ok ? shown(s.loaded.scenario) : null;
        const name = `${on ? '▸ ' : ''}${sc ? scenarioName(sc) : s.id}${s.fromFile ? m.title.fromAFile : ''}`;
        const more = sc && on ? m.title.chosenMore(m.title.scenarioDate(sc.date), sc.mediator.name) : '';
        text(this, x + 12, y, `${name}${more}`, { size: 13, weight: 700, color: on ? COLOR.brass : COLOR.ink, wrap: 548, maxLines: 1 });
        if (on || !bare) {
          const body = sc ? blurb(sc) : s.loaded.ok ? '' : (s.loaded.errors[0] ?? m.title.itHasErrors);
          text(this, x + 12, y + LINE, body, { size: 12, color: on ? COLOR.ink : COLOR.muted, wrap: 548, maxLines: 1 });
          y += FULL;
        } else y += BARE;
      }
    });
    if (hidden) text(this, x, y, m.title.moreScenarios(hidden), { size: 11, color: COLOR.muted, scalable: false });
  }

  /** A group's heading: its two parties, each in its glyph and colour. */
  private drawGroupHeading(x: number, y: number, scenario: Scenario | null): void {
    if (!scenario) {
      text(this, x, y, m.title.cannotBePlayedGroup, { size: 12, weight: 700, color: COLOR.danger, scalable: false });
      return;
    }
    const words = shown(scenario);
    let hx = x;
    sidesOf(scenario).forEach((side, i) => {
      const t = text(this, hx, y, `${i ? m.title.andBefore : ''}${sideGlyph(scenario, side)} ${words.parties[side]!.short}`, {
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
    button(this, { key: 'open-scenario-file', caption: m.title.loadFile, label: '', rect, look: 'ghost', onPress: () => {}, size: 13 });
    this.control({
      kind: 'file',
      key: 'open-scenario-file',
      label: m.title.loadFileLabel,
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
      caption: waiting ? m.title.tableCreated : this.app.online.busy ? m.title.connecting : m.title.createTable,
      label: problem || waiting ? m.title.createUnavailable(waiting ? m.title.tableAlreadyWaiting : (problem ?? '')) : m.title.createLabel,
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
      label: m.title.nameLabel,
      rect,
      value: this.app.online.name,
      maxLength: 40,
      placeholder: m.title.namePlaceholder,
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
      label(this, x + 16, y + 12, m.title.yourTable);
      text(this, x + 16, y + 32, waiting.code, { size: 30, weight: 700, color: COLOR.ink, scalable: false });
      text(this, x + 16, y + 76, m.title.waitingForGuest, {
        size: 13,
        color: COLOR.muted,
        wrap: 340,
      });
      this.control({
        kind: 'input',
        key: 'table-link',
        label: m.title.joinLinkOf(waiting.code),
        rect: { x: x + 16, y: y + 150, w: 340, h: 32 },
        value: link,
        readOnly: true,
        onInput: () => {},
      });
      this.button({
        key: 'copy-table-link',
        caption: m.title.copyLink,
        label: m.title.copyTableLinkLabel(waiting.code),
        rect: { x: x + 16, y: y + 192, w: 120, h: 34 },
        onPress: () => this.mirror.share.open(link),
        size: 13,
      });
      this.button({
        key: 'leave-table',
        caption: m.title.leave,
        label: m.title.leaveTable(waiting.code),
        rect: { x: x + 146, y: y + 192, w: 100, h: 34 },
        look: 'ghost',
        onPress: () => this.app.toTitle(),
        size: 13,
      });
      this.drawQr(link, { x: x + 376, y: y + 16, size: Math.min(168, 700 - y - 32) });
      return;
    }
    label(this, x + 16, y + 12, m.title.playOnline);
    this.button({
      key: 'run-class',
      caption: m.title.runClass,
      label: m.title.runClassLabel,
      rect: { x: x + 414, y: y + 6, w: 130, h: 24 },
      look: 'ghost',
      onPress: () => this.app.runClass(),
      size: 12,
    });
    y += 34;
    text(this, x + 16, y, m.title.otherSeat, { size: 13, color: COLOR.muted });
    y += 22;
    const personality = loaded.ok ? shown(loaded.scenario).personalities.find((p) => p.id === this.app.choice.personality) : undefined;
    const seats = [
      { id: 'human', caption: m.title.seatHuman, label: m.title.seatHumanLabel },
      {
        id: 'ai',
        caption: m.title.seatAi(personality?.name ?? null),
        label: m.title.seatAiLabel(personality?.name ?? null),
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
    text(this, x + 16, y, m.title.joinOrWatch, { size: 13, color: COLOR.muted });
    y += 22;
    panel(this, { x: x + 16, y, w: 150, h: 36 }, { fill: 0x0a1422, edge: COLOR.edgeHi, radius: 8 });
    this.control({
      kind: 'input',
      key: 'table-code',
      label: m.title.codeLabel,
      rect: { x: x + 16, y, w: 150, h: 36 },
      value: online.code,
      maxLength: 12,
      placeholder: m.title.codePlaceholder,
      onInput: (value) => {
        this.app.online.code = value;
      },
    });
    this.button({
      key: 'join-table',
      caption: online.busy ? m.title.connecting : m.title.joinTable,
      label: online.busy ? m.title.joinTableBusy : m.title.joinTableLabel,
      rect: { x: x + 176, y, w: 140, h: 36 },
      disabled: online.busy,
      onPress: () => this.app.joinTable(this.app.online.code),
      size: 13,
    });
    this.button({
      key: 'watch-table',
      caption: m.title.watch,
      label: online.busy ? m.title.watchBusy : m.title.watchLabel,
      rect: { x: x + 326, y, w: 80, h: 36 },
      look: 'ghost',
      disabled: online.busy,
      onPress: () => this.app.joinTable(this.app.online.code, { watch: true }),
      size: 13,
    });
    // A class code looks like a table's: the class's panel asks for the team's name next.
    this.button({
      key: 'open-class',
      caption: m.title.openClass,
      label: online.busy ? m.title.openClassBusy : m.title.openClassLabel,
      rect: { x: x + 416, y, w: 128, h: 36 },
      disabled: online.busy,
      onPress: () => this.app.openClass(this.app.online.code),
      size: 13,
    });
    y += 48;
    if (online.problem) {
      label(this, x + 16, y, m.title.tableNotOpened, COLOR.danger);
      text(this, x + 16, y + 20, online.problem, { size: 13, color: COLOR.ink, wrap: 528, maxLines: 4 });
    } else if (online.busy) text(this, x + 16, y, m.title.connectingToServer, { size: 13, color: COLOR.muted });
    else
      text(this, x + 16, y, m.title.needsServer, {
        size: 12,
        color: COLOR.muted,
        wrap: 528,
      });
  }

  /** A class: where the start button was, a word that the teacher chose the game (the choices above are not used). */
  private drawClassNote(): void {
    text(this, 60, 640, m.title.classNote, { size: 13, color: COLOR.muted, wrap: 600, maxLines: 3 });
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
    label(this, x + 16, y + 12, m.title.joinTheClass, COLOR.brass);
    const inClass = join.active;
    this.button({
      key: 'close-class',
      caption: inClass ? m.title.leaveClass : m.title.notInClass,
      label: inClass ? m.title.leaveClassLabel(join.code) : m.title.notInClassLabel,
      rect: { x: x + 414, y: y + 6, w: 130, h: 24 },
      look: 'ghost',
      onPress: () => this.app.closeClass(),
      size: 12,
    });
    text(this, x + 16, y + 30, join.code, { size: 26, weight: 700, color: COLOR.ink, scalable: false });
    text(this, x + 16, y + 68, m.title.teamName, { size: 13, color: COLOR.muted });
    const nameRect = { x: x + 16, y: y + 88, w: 300, h: 34 };
    panel(this, nameRect, { fill: 0x0a1422, edge: COLOR.edgeHi, radius: 8 });
    const working = inClass || online.busy || (join.status === 'seated' && this.app.remote !== null);
    this.control({
      kind: 'input',
      key: 'online-name',
      label: m.title.teamNameLabel,
      rect: nameRect,
      value: working ? join.team || online.name : online.name,
      maxLength: 40,
      placeholder: join.hasToken ? m.title.teamKept : m.title.teamName,
      readOnly: working,
      onInput: (value) => {
        this.app.online.name = value;
      },
    });
    this.button({
      key: 'join-class',
      caption: join.status === 'joining' ? m.title.joining : working ? m.title.joined : m.title.joinClass,
      label: working ? m.title.joinClassUnavailable(join.code) : m.title.joinClassLabel(join.code),
      rect: { x: x + 326, y: y + 88, w: 218, h: 34 },
      look: 'primary',
      disabled: working,
      onPress: () => this.app.joinClass(join.code, this.app.online.name),
      size: 15,
    });
    const notice = this.app.notice;
    const noticeTop = 700 - 94;
    const bottom = notice ? noticeTop - 8 : 692;
    const at = y + 136;
    const lines = (h: number) => Math.max(1, Math.floor((bottom - at - h) / 18));
    const status = classStatus(this.app);
    if (status.problem) {
      label(this, x + 16, at, status.heading, COLOR.danger);
      text(this, x + 16, at + 20, status.problem, { size: 13, color: COLOR.ink, wrap: 528, maxLines: lines(20) });
    } else text(this, x + 16, at, status.line, { size: 13, color: status.busy ? COLOR.ink : COLOR.muted, wrap: 528, maxLines: lines(0) });
    if (notice) this.drawNotice({ x: x + 16, y: noticeTop, w: 528, h: 80 });
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
    // A code must not be mirrored with the screen, right to left: it would not scan.
    keepLeftToRight(this, { x: at.x, y: at.y, w: cell * n, h: cell * n }, () => {
      const g = this.add.graphics();
      g.fillStyle(0xffffff, 1).fillRect(at.x, at.y, cell * n, cell * n);
      g.fillStyle(0x000000, 1);
      modules.forEach((row, my) => {
        row.forEach((dark, mx) => {
          if (dark) g.fillRect(at.x + (mx + 4) * cell, at.y + (my + 4) * cell, cell, cell);
        });
      });
    });
  }

  /** Replay mode: a file picker where the start button was, and a word about dropping a file. */
  private drawReplayPicker(): void {
    const rect = { x: 60, y: 636, w: 260, h: 48 };
    button(this, {
      key: 'open-replay-file',
      caption: m.title.openReplay,
      label: '',
      rect,
      look: 'primary',
      onPress: () => {},
      size: 17,
    });
    this.control({
      kind: 'file',
      key: 'open-replay-file',
      label: m.title.openReplayLabel,
      rect,
      accept: '.json,application/json',
      onFile: (file) => void this.app.openReplayFile(file),
    });
    text(this, 336, 640, m.title.dropReplay, {
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
    label(this, 716, top + 12, saved ? m.title.savedGame : m.title.savedGames, bad ? COLOR.warn : COLOR.muted);
    let y = top + 30;
    if (problem) {
      const t = text(this, 716, y, problem, { size: 12, color: COLOR.ink, wrap: saved ? 528 : 528, maxLines: 3 });
      y += t.height + 8;
    }
    if (saved) {
      const loaded = this.app.scenarios.find((s) => s.id === saved.replay.scenario.id)?.loaded;
      const side = saved.side;
      const party = loaded?.ok ? (shown(loaded.scenario).parties[side]?.short ?? side) : side;
      const glyph = loaded?.ok && loaded.scenario.parties[side] ? `${sideGlyph(loaded.scenario, side)} ` : '';
      const views = m.title.viewName;
      const where = Object.hasOwn(views, saved.view) ? (views[saved.view] as string) : quote(saved.view, 20);
      const forkTurn = forkTurnText(saved.replay.parent);
      // A whole turn number is a number (in the language's digits); anything else is shown as the file has it.
      const fork = forkTurn === null ? '' : m.title.forkOf(/^\d+$/.test(forkTurn) ? f.num(Number(forkTurn)) : forkTurn);
      // A hot-seat game is both teams' game; until its talks end its seed stays off the screen (it
      // gives away both sides' private draws).
      const hotseat = saved.mode === 'hotseat';
      const secret = hotseat && saved.view !== 'outcome' && saved.view !== 'debrief';
      const who = hotseat ? m.title.hotSeat : `${glyph}${party}`;
      const seed = secret ? '' : m.title.seedOf(saved.replay.seed);
      const summary = `${who}${seed} · ${m.title.moves(saved.replay.log.length)} · ${where}${fork}`;
      text(this, 716, y + 6, summary, { size: 13, color: COLOR.ink, wrap: 360, maxLines: 2 });
      this.button({
        key: 'continue',
        caption: m.title.continue,
        label: m.title.continueLabel(summary),
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
    if (this.app.problems.length > 0) sections.push({ heading: m.title.linkProblemsHeading, lines: this.app.problems });
    if (this.app.replayProblem) sections.push({ heading: m.title.replayNotOpened, lines: [this.app.replayProblem] });
    if (this.app.choice.mode === 'online' && this.app.classJoin) {
      const status = classStatus(this.app);
      sections.push({
        heading: m.title.joinClassHeading(this.app.classJoin.code),
        lines: [status.problem ? `${status.heading}: ${status.problem}` : status.line],
      });
    } else if (this.app.choice.mode === 'online') {
      const { online } = this.app;
      const waiting = online.waiting;
      if (waiting)
        sections.push({
          heading: m.title.yourTableHeading(waiting.code),
          lines: [m.title.waitingLink(this.app.tableLink(waiting.code))],
        });
      if (online.problem) sections.push({ heading: m.title.tableNotOpened, lines: [online.problem] });
      else if (online.busy) sections.push({ heading: m.title.playOnline, lines: [m.title.connectingToServer] });
    }
    const report = this.app.scenarioFile;
    if (report) sections.push({ heading: report.ok ? m.title.fileLoaded : m.title.fileProblemsHeading(report.name), lines: report.lines });
    if (this.app.saves.problem) sections.push({ heading: m.title.savedGames, lines: [this.app.saves.problem] });
    if (loaded.ok) {
      const words = shown(loaded.scenario);
      sections.push({ heading: words.title, lines: [words.setting] });
    } else sections.push({ heading: m.title.scenarioErrors, lines: loaded.errors });
    for (const group of scenarioGroups(this.app.scenarios))
      sections.push({
        heading: group.scenario ? m.title.scenariosOf(partiesLine(shown(group.scenario))) : m.title.unplayable,
        lines: group.scenarios.map((s) => {
          if (!s.loaded.ok) return m.title.hasErrorsLine(s.id);
          const words = shown(s.loaded.scenario);
          return `${scenarioName(words)}: ${blurb(words)}`;
        }),
      });
    return { title: m.title.screenTitle, sections };
  }
}

/** Where joining the class stands, in words: a line, or a heading and the problem. */
function classStatus(app: App): { line: string; busy: boolean; heading: string; problem: string | null } {
  const join = app.classJoin;
  const { online } = app;
  const out = (line: string, busy = true) => ({ line, busy, heading: '', problem: null });
  if (!join) return out('', false);
  if (join.problem || online.problem)
    return { line: '', busy: false, heading: m.title.couldNotJoin, problem: join.problem ?? online.problem };
  switch (join.status) {
    case 'joining':
      return out(m.title.joiningClass);
    case 'waiting':
      return out(m.title.inClassAs(join.team));
    case 'seated':
      if (online.waiting) return out(m.title.seatedWaiting(String(join.table)));
      return out(m.title.seatedJoining(String(join.table)));
    default:
      return out(join.hasToken ? m.title.rejoin : m.title.typeTeam, false);
  }
}

/**
 * A scenario's name for a narrow button: its whole name when it fits, else the name's first part
 * with the year ("<city> <year>"), else the first part alone, cut if need be.
 */
function shortName(scenario: Pick<Scenario, 'title' | 'date'>, chars: number): string {
  const name = scenarioName(scenario);
  if (name.length <= chars) return name;
  const head = name.split(/[,،:(]/)[0]?.trim() || name;
  const year = scenario.date.slice(0, 4);
  // The year as the name writes it: in the language's digits, or as the date has it (an untranslated name).
  const shownYear = f.num(Number(year));
  const inName = (s: string) => s.includes(year) || s.includes(shownYear);
  if (inName(name) && !inName(head) && head.length + 5 <= chars) return `${head} ${name.includes(shownYear) ? shownYear : year}`;
  return clip(head, chars);
}

function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
