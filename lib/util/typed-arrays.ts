/**
 * Packs a list of typed arrays into one byte block and back (little-endian, 4-byte aligned), for
 * pack sections that are read without JSON parsing. Layout per array: u8 kind, 3 bytes padding,
 * u32 element count, then the elements.
 */
type Typed = Uint8Array | Uint32Array | Int32Array | Float32Array;
const KINDS = ['u8', 'u32', 'i32', 'f32'] as const;

function kindOf(a: Typed): number {
  if (a instanceof Uint8Array) return 0;
  if (a instanceof Uint32Array) return 1;
  if (a instanceof Int32Array) return 2;
  return 3;
}

export function packArrays(arrays: Typed[]): Uint8Array {
  let size = 4;
  for (const a of arrays) size += 8 + Math.ceil(a.byteLength / 4) * 4;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, arrays.length, true);
  let at = 4;
  for (const a of arrays) {
    view.setUint8(at, kindOf(a));
    view.setUint32(at + 4, a.length, true);
    at += 8;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += Math.ceil(a.byteLength / 4) * 4;
  }
  return out;
}

export function unpackArrays(bytes: Uint8Array): Typed[] {
  // Copy once so every array is 4-byte aligned whatever the section's offset in the pack.
  const buf = new Uint8Array(bytes).buffer;
  const view = new DataView(buf);
  const n = view.getUint32(0, true);
  const out: Typed[] = [];
  let at = 4;
  for (let i = 0; i < n; i++) {
    const kind = KINDS[view.getUint8(at)];
    const len = view.getUint32(at + 4, true);
    at += 8;
    const a =
      kind === 'u8'
        ? new Uint8Array(buf, at, len)
        : kind === 'u32'
          ? new Uint32Array(buf, at, len)
          : kind === 'i32'
            ? new Int32Array(buf, at, len)
            : new Float32Array(buf, at, len);
    out.push(a);
    at += Math.ceil(a.byteLength / 4) * 4;
  }
  return out;
}
