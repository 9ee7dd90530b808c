/**
 * The order in which csysdig's tables walk their rows. sinsp keeps a table's rows in a
 * std::unordered_map keyed by the row's key field, hashed by its own hasher (table.h,
 * sinsp_table_field_hasher: h = h * 101 + byte, over every byte of the key's value but the
 * last), and create_sample() merges thread rows into process or container rows by walking that
 * map. A merged cell whose column has no aggregation keeps the value of the first thread row the
 * walk meets, and a SUM of averages depends on which row comes first (aggregateView.ts). The walk
 * follows libstdc++'s node list, which only insertions and rehashes rearrange, so it is
 * reproduced here from the keys in the order they were inserted: the prime bucket counts and the
 * growth rule of _Prime_rehash_policy (GCC 12, the libstdc++ Debian's csysdig 0.29.3 runs on),
 * each new node at the head of its bucket, or of the whole list when its bucket is empty, and a
 * rehash moving the nodes in list order. test/reference/viewsMergeOrder.test.ts compares it with
 * a real std::unordered_map where a C++ compiler is at hand.
 */

const MASK64 = (1n << 64n) - 1n;

/** sinsp's row-key hash over a key's bytes as the table stores them (sinsp_table_field_hasher). */
export function sinspKeyHash(bytes: Uint8Array): bigint {
  let h = 0n;
  // The hasher's loop, while(--len), leaves out the last byte.
  for (let i = 0; i + 1 < bytes.length; i++) h = (h * 101n + BigInt(bytes[i])) & MASK64;
  return h;
}

/** The bytes of an INT64 key (thread.tid, proc.pid), little-endian as sinsp copies them. */
export function int64KeyBytes(v: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, BigInt(Math.trunc(v)), true);
  return out;
}

/** The bytes of a text key: its UTF-8 bytes and the terminating NUL sinsp counts in its length. */
export function textKeyBytes(s: string): Uint8Array {
  const utf8 = new TextEncoder().encode(s);
  const out = new Uint8Array(utf8.length + 1);
  out.set(utf8);
  return out;
}

/** libstdc++'s bucket counts: its small-count shortcut, then its prime list (those below 2^32). */
const FAST_BUCKETS = [2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13];
const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 103,
  109, 113, 127, 137, 139, 149, 157, 167, 179, 193, 199, 211, 227, 241, 257, 277, 293, 313, 337, 359,
  383, 409, 439, 467, 503, 541, 577, 619, 661, 709, 761, 823, 887, 953, 1031, 1109, 1193, 1289, 1381,
  1493, 1613, 1741, 1879, 2029, 2179, 2357, 2549, 2753, 2971, 3209, 3469, 3739, 4027, 4349, 4703,
  5087, 5503, 5953, 6427, 6949, 7517, 8123, 8783, 9497, 10273, 11113, 12011, 12983, 14033, 15173,
  16411, 17749, 19183, 20753, 22447, 24281, 26267, 28411, 30727, 33223, 35933, 38873, 42043, 45481,
  49201, 53201, 57557, 62233, 67307, 72817, 78779, 85229, 92203, 99733, 107897, 116731, 126271,
  136607, 147793, 159871, 172933, 187091, 202409, 218971, 236897, 256279, 277261, 299951, 324503,
  351061, 379787, 410857, 444487, 480881, 520241, 562841, 608903, 658753, 712697, 771049, 834181,
  902483, 976369, 1056323, 1142821, 1236397, 1337629, 1447153, 1565659, 1693859, 1832561, 1982627,
  2144977, 2320627, 2510653, 2716249, 2938679, 3179303, 3439651, 3721303, 4026031, 4355707, 4712381,
  5098259, 5515729, 5967347, 6456007, 6984629, 7556579, 8175383, 8844859, 9569143, 10352717, 11200489,
  12117689, 13109983, 14183539, 15345007, 16601593, 17961079, 19431899, 21023161, 22744717, 24607243,
  26622317, 28802401, 31160981, 33712729, 36473443, 39460231, 42691603, 46187573, 49969847, 54061849,
  58488943, 63278561, 68460391, 74066549, 80131819, 86693767, 93793069, 101473717, 109783337,
  118773397, 128499677, 139022417, 150406843, 162723577, 176048909, 190465427, 206062531, 222936881,
  241193053, 260944219, 282312799, 305431229, 330442829, 357502601, 386778277, 418451333, 452718089,
  489790921, 529899637, 573292817, 620239453, 671030513, 725980837, 785430967, 849749479, 919334987,
  994618837, 1076067617, 1164186217, 1259520799, 1362662261, 1474249943, 1594975441, 1725587117,
  1866894511, 2019773507, 2185171673, 2364114217, 2557710269, 2767159799, 2993761039, 3238918481,
  3504151727, 3791104843, 4101556399, 4294967291,
];

const NIL = -1;
const EMPTY = -1;
/** Node 0 stands for the list head (_M_before_begin); nodes 1..n are the keys in insertion order. */
const HEAD = 0;

/**
 * The order a libstdc++ std::unordered_map (unique keys, max load factor 1) walks keys inserted
 * with these hash codes, as indexes into `hashes`; codes must be of distinct keys. Undefined for
 * tables beyond the prime list kept here (over 4 billion buckets).
 */
export function unorderedMapWalk(hashes: readonly bigint[]): number[] | undefined {
  const n = hashes.length;
  const next = new Int32Array(n + 1).fill(NIL);
  let buckets = new Int32Array(1).fill(EMPTY);
  let nextResize = 0;
  let bucketCount = 1;
  const bucketOf = (node: number, count: number) => Number(hashes[node - 1] % BigInt(count));

  const nextBucketCount = (want: number): number | undefined => {
    if (want < FAST_BUCKETS.length) {
      if (want === 0) return 1;
      nextResize = FAST_BUCKETS[want];
      return FAST_BUCKETS[want];
    }
    // lower_bound from the 7th prime on.
    let lo = 6; let hi = PRIMES.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (PRIMES[mid] < want) lo = mid + 1; else hi = mid; }
    if (lo >= PRIMES.length) return undefined;
    nextResize = PRIMES[lo];
    return PRIMES[lo];
  };

  const rehash = (count: number) => {
    const fresh = new Int32Array(count).fill(EMPTY);
    let p = next[HEAD];
    next[HEAD] = NIL;
    let headBucket = 0;
    while (p !== NIL) {
      const after = next[p];
      const b = bucketOf(p, count);
      if (fresh[b] === EMPTY) {
        next[p] = next[HEAD];
        next[HEAD] = p;
        fresh[b] = HEAD;
        if (next[p] !== NIL) fresh[headBucket] = p;
        headBucket = b;
      } else {
        next[p] = next[fresh[b]];
        next[fresh[b]] = p;
      }
      p = after;
    }
    buckets = fresh;
    bucketCount = count;
  };

  for (let node = 1; node <= n; node++) {
    const elements = node - 1;
    if (elements + 1 > nextResize) {
      // _M_need_rehash: the first insertion asks for at least 11 buckets; then the count doubles.
      const minBuckets = Math.max(elements + 1, nextResize ? 0 : 11);
      if (minBuckets >= bucketCount) {
        const count = nextBucketCount(Math.max(Math.floor(minBuckets) + 1, bucketCount * 2));
        if (count === undefined) return undefined;
        rehash(count);
      } else nextResize = bucketCount;
    }
    const b = bucketOf(node, bucketCount);
    const before = buckets[b];
    if (before !== EMPTY) {
      next[node] = next[before];
      next[before] = node;
    } else {
      next[node] = next[HEAD];
      next[HEAD] = node;
      if (next[node] !== NIL) buckets[bucketOf(next[node], bucketCount)] = node;
      buckets[b] = HEAD;
    }
  }
  const order: number[] = [];
  for (let p = next[HEAD]; p !== NIL; p = next[p]) order.push(p - 1);
  return order;
}
