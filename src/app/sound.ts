// Sound cues: short WebAudio blips made in code (no audio files). View-only; never affects the game.
import { preferences } from './preferences';

export type Cue = 'move' | 'event' | 'alarm' | 'deal' | 'press';

const TONES: Record<Cue, { freq: number[]; type: OscillatorType; length: number }> = {
  press: { freq: [660], type: 'sine', length: 0.05 },
  move: { freq: [520, 660], type: 'triangle', length: 0.08 },
  event: { freq: [440, 330], type: 'square', length: 0.1 },
  alarm: { freq: [300, 220, 300], type: 'sawtooth', length: 0.12 },
  deal: { freq: [523, 659, 784], type: 'triangle', length: 0.14 },
};

let context: AudioContext | null = null;

export function play(cue: Cue): void {
  if (!preferences.get().sound || typeof AudioContext !== 'function') return;
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const tone = TONES[cue];
    let t = context.currentTime;
    for (const freq of tone.freq) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = tone.type;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.06, t + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + tone.length);
      osc.connect(gain).connect(context.destination);
      osc.start(t);
      osc.stop(t + tone.length + 0.02);
      t += tone.length * 0.9;
    }
  } catch {
    // Audio is a nicety: a browser that refuses it loses nothing.
  }
}
