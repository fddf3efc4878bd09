// The decision journal's one-line field next to the moves: the team's reason for its next move,
// sent with the move as `action.reason` and printed in the debrief as the team's position memo.
import type Phaser from 'phaser';
import type { App } from '../../app/app';
import { MAX_REASON } from '../../core/types';
import type { ControlSpec, Rect } from '../../dom/controls';
import { COLOR } from '../theme';
import { label } from '../ui';

export function drawReasonField(scene: Phaser.Scene, r: Rect, app: App, add: (spec: ControlSpec) => void): void {
  const side = app.session?.side;
  if (!side) return;
  label(scene, r.x, r.y, "Why? one line, for your team's memo", COLOR.muted);
  add({
    kind: 'input',
    key: 'move-reason',
    label: "Why? One line for your team's memo, sent with your next move (optional)",
    rect: { x: r.x, y: r.y + 16, w: r.w, h: r.h - 16 },
    value: app.classroom.reasons[side],
    maxLength: MAX_REASON,
    onInput: (value) => {
      app.classroom.reasons[side] = value;
    },
  });
}
