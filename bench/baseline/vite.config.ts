import { defineConfig } from 'vite';
import { phaserBuildFlags, SLIM_PHASER } from '../../vite.config.ts';

// Built exactly like the game (same Vite, same target), so the load and bundle ratios compare like with like.
// BASELINE_PHASER=slim builds it on the game's slim Phaser (src/vendor/phaser-slim.cjs) instead of Phaser as it comes.
const slim = process.env.BASELINE_PHASER === 'slim';
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  resolve: { alias: slim ? [SLIM_PHASER] : [] },
  plugins: slim ? [phaserBuildFlags()] : [],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
