// The decision journal's one-line field next to the moves: the team's reason for its next move,
// sent with the move as `action.reason` and printed in the debrief as the team's position memo.
// The field is drawn as a field from the start (a box under its label; the DOM input over the box
// shows a placeholder), not only once it is clicked.
import type Phaser from 'phaser';
import type { App } from '../../app/app';
import { MAX_REASON } from '../../core/types';
import type { ControlSpec, Rect } from '../../dom/controls';
import { m } from '../../i18n';
import { COLOR } from '../theme';
import { label } from '../ui';

/** The field's placeholder, in the language shown. */
export const reasonPlaceholder = (): string => m.table.reasonPlaceholder;

/**
 * Draws the field's label and box over `r`. With `add`, it also hands the DOM mirror its input; without
 * (while an event card covers the table) the field is drawn but cannot be typed in.
 */
export function drawReasonField(scene: Phaser.Scene, r: Rect, app: App, add: ((spec: ControlSpec) => void) | null): void {
  const side = app.session?.side;
  if (!side) return;
  label(scene, r.x, r.y, m.table.reasonHeading, COLOR.muted);
  const field = { x: r.x, y: r.y + 16, w: r.w, h: r.h - 16 };
  scene.add
    .rectangle(field.x, field.y, field.w, field.h, COLOR.bg, 0.85)
    .setOrigin(0)
    .setStrokeStyle(1, COLOR.edgeHi, 1)
    .setName('move-reason-field');
  add?.({
    kind: 'input',
    key: 'move-reason',
    label: m.table.reasonLabel,
    placeholder: reasonPlaceholder(),
    rect: field,
    value: app.classroom.reasons[side] ?? '',
    maxLength: MAX_REASON,
    onInput: (value) => {
      app.classroom.reasons[side] = value;
    },
  });
}
