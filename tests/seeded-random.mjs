// A small seeded generator (mulberry32): a failing run can be replayed with its seed. Used by the
// soak test (tests/e2e/soak.mjs) and the live rooms' convergence test (tests/sync/).
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
