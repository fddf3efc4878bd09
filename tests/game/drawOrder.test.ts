// The draw order a screen hands the GPU: within a layer its shapes first and its texts after them,
// each kind in the order drawn; an overlay (the veil and an event card) above all that came before.
import Phaser from 'phaser';
import { afterEach, describe, expect, it } from 'vitest';
import { orderForBatching, overlay, text } from '../../src/game/ui';
import { type Booted, bootGame, playedSession, showing } from './harness';

let booted: Booted | undefined;
afterEach(async () => {
  await booted?.destroy();
  booted = undefined;
});

/** The scene's objects in the order they are drawn (Phaser's stable depth sort). */
function drawn(scene: Phaser.Scene): Phaser.GameObjects.GameObject[] {
  scene.children.depthSort();
  return [...scene.children.list];
}

const isText = (o: Phaser.GameObjects.GameObject) => o instanceof Phaser.GameObjects.Text;
/** What a layer draws after its shapes: texts and images (the regional map and its rings are images). */
const isTextured = (o: Phaser.GameObjects.GameObject) => isText(o) || o instanceof Phaser.GameObjects.Image;

describe('draw order for batching', () => {
  it('draws a layer’s shapes before its texts, keeps each kind in drawing order, and puts an overlay above it all', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    const panel = scene.add.graphics();
    const caption = text(scene, 0, 0, 'caption');
    const button = scene.add.rectangle(0, 0, 10, 10, 0xffffff);
    const label = text(scene, 0, 0, 'label');
    overlay(scene);
    const veil = scene.add.rectangle(0, 0, 1280, 720, 0);
    const words = text(scene, 0, 0, 'card words');
    const card = scene.add.graphics();
    overlay(scene);
    const cover = scene.add.rectangle(0, 0, 10, 10, 0xffffff);
    orderForBatching(scene);
    expect(drawn(scene)).toEqual([panel, button, caption, label, veil, card, words, cover]);
  });

  it('starts afresh on each draw: an overlay of the last draw does not carry over', async () => {
    booted = await bootGame();
    const scene = booted.game.scene.getScene('title');
    scene.children.removeAll(true);
    overlay(scene);
    scene.add.graphics();
    orderForBatching(scene);
    scene.children.removeAll(true);
    const words = text(scene, 0, 0, 'words');
    const shape = scene.add.graphics();
    orderForBatching(scene);
    expect(drawn(scene)).toEqual([shape, words]);
  });

  it('the table under an event card: every object from the veil on is drawn above the table, and the table’s texts above its shapes', async () => {
    const session = playedSession({ stop: (s) => s.phase === 'rounds', moves: () => ({ type: 'force-agenda' }) });
    booted = await bootGame();
    booted.app.resume(session.persisted());
    const table = await showing(booted, 'rounds');
    expect(booted.buttons().some((b) => /^(Next event|Back to the table)/.test(b.getAttribute('aria-label') ?? ''))).toBe(true);
    const order = drawn(table);
    const veil = order.findIndex((o) => o instanceof Phaser.GameObjects.Rectangle && o.width === 1280 && o.height === 720);
    expect(veil).toBeGreaterThan(50);
    const below = order.slice(0, veil);
    // Below the veil: one run of shapes, then one run of texts and images (two batches, not hundreds).
    const firstText = below.findIndex(isTextured);
    expect(firstText).toBeGreaterThan(0);
    expect(below.slice(firstText).every(isTextured)).toBe(true);
    expect(below.slice(0, firstText).some(isTextured)).toBe(false);
    // The card's title (also on the wire, below the veil) and the card's button caption are above the veil.
    const session_ = booted.app.session;
    const title = session_?.scenario.events.find((e) => e.id === session_.game.roundEvents[0])?.title;
    const shown = order.map((o) => (isText(o) ? (o as Phaser.GameObjects.Text).text : ''));
    expect(shown.lastIndexOf(title ?? '-')).toBeGreaterThan(veil);
    expect(shown.findIndex((t) => /^(Next event|Back to the table)/.test(t))).toBeGreaterThan(veil);
  });
});
