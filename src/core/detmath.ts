// Deterministic exp and log: ports of fdlibm's e_exp.c and e_log.c using only IEEE-754 +, −, ×, ÷,
// which every JavaScript engine rounds identically. Math.exp and Math.log are "implementation-
// approximated" in ECMAScript and differ between V8 versions (Node 20 vs Chromium 15x disagree in
// the last bit for ~7–10% of inputs), which breaks byte-for-byte replays across CLI and browser.
// Constants are written at fdlibm's published precision; each literal rounds to the same double.
const buffer = new DataView(new ArrayBuffer(8));
const hi = (x: number) => {
  buffer.setFloat64(0, x);
  return buffer.getInt32(0);
};
const lo = (x: number) => {
  buffer.setFloat64(0, x);
  return buffer.getUint32(4);
};
const withHi = (x: number, high: number) => {
  buffer.setFloat64(0, x);
  buffer.setInt32(0, high);
  return buffer.getFloat64(0);
};

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634074;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.3326361850321887899e-302;

export function exp(x: number): number {
  // V8 (and so Node's CLI so far) returns Math.E exactly for exp(1); fdlibm is one ulp above.
  if (x === 1) return Math.E;
  let hx = hi(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) return ((hx & 0xfffff) | lo(x)) !== 0 ? x + x : xsb === 0 ? x : 0;
    if (x > 7.09782712893383973096e2) return Infinity;
    if (x < -7.4513321910194110842e2) return 0;
  }
  let k = 0;
  let h = 0;
  let l = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      h = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      l = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      h = x - k * LN2_HI;
      l = k * LN2_LO;
    }
    x = h - l;
  } else if (hx < 0x3e300000) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (l - (x * c) / (2 - c) - h);
  if (k >= -1021) return k === 1024 ? withHi(y, hi(y) + (1023 << 20)) * 2 : withHi(y, hi(y) + (k << 20));
  return withHi(y, hi(y) + ((k + 1000) << 20)) * TWO_M1000;
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

export function log(x: number): number {
  let hx = hi(x);
  const lx = lo(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO54;
    hx = hi(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHi(x, hx | (i0 ^ 0x3ff00000));
  k += i0 >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}
