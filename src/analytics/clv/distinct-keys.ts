// Dense indexes for whole-number keys, by open addressing in typed arrays: a million customers'
// packed histories are told apart without a Map entry or an object per customer.

export interface DistinctKeys {
  /** For each key given, the index of its distinct value (0, 1, … in order of first appearance). */
  indexOf: Int32Array;
  /** For each distinct value, the position of its first appearance. */
  firstAt: Int32Array;
  /** How many keys share each distinct value. */
  counts: Float64Array;
}

const EMPTY = -1;

/** Keys must be whole numbers from 0 to 2^53 − 1. */
export function distinctKeys(keys: Float64Array): DistinctKeys {
  const n = keys.length;
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const slotKey = new Float64Array(1 << bits).fill(EMPTY);
  const slotIndex = new Int32Array(1 << bits);
  const indexOf = new Int32Array(n);
  // Sized for the worst case (every key distinct) so nothing grows while counting.
  const firstAt = new Int32Array(n);
  const counts = new Float64Array(n);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    // Fibonacci hashing (the top bits of the product) of both 32-bit halves, then linear probing.
    const high = (key / 4294967296) | 0;
    let slot = Math.imul((key >>> 0) ^ Math.imul(high, 0x85ebca77), 0x9e3779b1) >>> shift;
    for (;;) {
      const held = slotKey[slot]!;
      if (held === key) {
        const index = slotIndex[slot]!;
        indexOf[i] = index;
        counts[index]!++;
        break;
      }
      if (held === EMPTY) {
        slotKey[slot] = key;
        slotIndex[slot] = distinct;
        indexOf[i] = distinct;
        firstAt[distinct] = i;
        counts[distinct] = 1;
        distinct++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Views rather than copies: fresh buffers would add to the external memory that prompts a full GC.
  return { indexOf, firstAt: firstAt.subarray(0, distinct), counts: counts.subarray(0, distinct) };
}
