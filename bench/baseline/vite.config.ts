import { defineConfig } from 'vite';

// Built exactly like the game (same Vite, same target), so the load and bundle ratios compare like with like.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
