declare module 'seedrandom/lib/alea.js' {
  interface AleaPrng {
    (): number;
    state(): { c: number; s0: number; s1: number; s2: number };
  }
  function alea(seed?: string, options?: { state?: boolean | object }): AleaPrng;
  export default alea;
}
