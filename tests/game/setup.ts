// Canvas for Phaser in happy-dom: vitest-canvas-mock stands in for the 2D context.
import 'vitest-canvas-mock';
