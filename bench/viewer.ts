// `npm run bench -- --viewer`: the cost of opening a replay in the viewer (issue 18, point 8), for
// replays of 1,500, 3,000 and 6,000 facilitator toggles (pause true / false alternating; VIEWER_TOGGLES
// overrides). What the app does: openReplay(text, { keepStates: true }), new ReplayViewer, then the
// last step drawn. Beside it, the old path's core, verification keeping a copy of the state per turn.
// Median of BENCH_RUNS runs (default 5); heap is the growth over the open, after a forced GC when
// node runs with --expose-gc. The app's modules are loaded through Vite (its bundled-scenario module).
import { createServer } from 'vite';
import { bundledScenarios } from '../vite.config';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OLD_UP_TO = 3000;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export async function viewerBench(counts = (process.env.VIEWER_TOGGLES ?? '1500,3000,6000').split(',').map(Number)) {
  const vite = await createServer({
    configFile: false,
    plugins: [bundledScenarios()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
  });
  try {
    const replays = await vite.ssrLoadModule('/src/app/replays.ts');
    const { ReplayViewer } = await vite.ssrLoadModule('/src/app/viewer.ts');
    const scenarios = await vite.ssrLoadModule('/src/app/scenarios.ts');
    const core = await vite.ssrLoadModule('/src/core/replay.ts');
    const checksum = await vite.ssrLoadModule('/src/core/checksum.ts');
    const rules = await vite.ssrLoadModule('/src/core/rules.ts');
    const state = await vite.ssrLoadModule('/src/core/state.ts');
    const loaded = scenarios.loadScenario('muscat-2026');
    const sides = await vite.ssrLoadModule('/src/core/sides.ts');
    const settings = { ...sides.bySide(loaded.scenario, () => 'human'), difficulty: 'normal' };
    const toggles = (n: number) => {
      const game = state.createGame(loaded.scenario, 'toggles', settings);
      const log = [];
      const sums: string[] = [];
      for (let i = 0; i < n; i++) {
        const action = { type: 'pause', paused: i % 2 === 0 };
        const before = checksum.lengthsOf(game);
        rules.applySeatActionInPlace(loaded.scenario, game, 'facilitator', action);
        log.push({ turn: i + 1, side: 'facilitator', action });
        sums.push(checksum.turnChecksum(sums[i - 1] ?? '', before, game));
      }
      return core.replayToText(
        core.makeReplay({
          scenario: loaded.scenario,
          scenarioHash: loaded.hash,
          seed: 'toggles',
          settings,
          log,
          checksums: sums,
          finalState: game,
        }),
      );
    };
    const rows = [];
    for (const n of counts) {
      const text = toggles(n);
      const open: number[] = [];
      const heap: number[] = [];
      const old: number[] = [];
      const oldHeap: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        gc();
        let h0 = process.memoryUsage().heapUsed;
        let t0 = performance.now();
        const opened = replays.openReplay(text, { keepStates: true });
        const viewer = new ReplayViewer(opened.opened);
        viewer.stepTo(viewer.steps);
        void viewer.state;
        open.push(performance.now() - t0);
        heap.push((process.memoryUsage().heapUsed - h0) / 1e6);
        if (viewer.steps !== n) throw new Error('the replay did not open');
        // The old path: verification keeping a structured copy of the whole state after every turn
        // (once, and only up to 3,000 toggles: at 6,000 it runs node out of its default heap).
        if (r > 0 || n > OLD_UP_TO) continue;
        gc();
        h0 = process.memoryUsage().heapUsed;
        t0 = performance.now();
        const kept = core.verifyReplay(loaded.scenario, loaded.hash, JSON.parse(text), { keepStates: true });
        old.push(performance.now() - t0);
        oldHeap.push((process.memoryUsage().heapUsed - h0) / 1e6);
        if (!kept.ok) throw new Error('the replay did not verify');
      }
      const round = (x: number) => Math.round(x * 10) / 10;
      rows.push({
        toggles: n,
        kilobytes: Math.round(text.length / 100) / 10,
        openMs: round(median(open)),
        openHeapMB: round(median(heap)),
        oldKeepStatesMs: old.length ? round(median(old)) : null,
        oldKeepStatesHeapMB: old.length ? round(median(oldHeap)) : null,
      });
    }
    return { runs: RUNS, rows };
  } finally {
    await vite.close();
  }
}
