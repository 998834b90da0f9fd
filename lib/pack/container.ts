import { deflateSync, inflateSync } from 'fflate';
import { HeaderSchema, PACK_FORMAT_VERSION, PACK_MAGIC, type PackHeader, type PackSection } from './format';

/*
 * Byte layout: "CCPACK" (6 bytes) | u8 container version (1) | u8 reserved | u32 LE header
 * length | header JSON (UTF-8) | section bytes (each deflated). Offsets in the header are
 * relative to the first byte after the header.
 */
const PREFIX = 12;

export class PackFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackFormatError';
  }
}

export interface SectionInput {
  name: string;
  encoding: 'json' | 'binary';
  data: unknown;
}

export function encodePack(meta: Omit<PackHeader, 'sections' | 'magic' | 'formatVersion'>, sections: SectionInput[]): Uint8Array {
  const enc = new TextEncoder();
  const blobs: Uint8Array[] = [];
  const table: PackSection[] = [];
  let offset = 0;
  for (const s of sections) {
    const raw = s.encoding === 'json' ? enc.encode(JSON.stringify(s.data)) : (s.data as Uint8Array);
    const packed = deflateSync(raw, { level: 6 });
    table.push({ name: s.name, encoding: s.encoding, offset, length: packed.length, rawLength: raw.length });
    blobs.push(packed);
    offset += packed.length;
  }
  const header: PackHeader = { magic: PACK_MAGIC, formatVersion: PACK_FORMAT_VERSION, ...meta, sections: table };
  const headerBytes = enc.encode(JSON.stringify(header));
  const out = new Uint8Array(PREFIX + headerBytes.length + offset);
  out.set(enc.encode(PACK_MAGIC), 0);
  out[6] = 1;
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, PREFIX);
  let at = PREFIX + headerBytes.length;
  for (const b of blobs) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

export interface DecodedPack {
  header: PackHeader;
  section(name: string): Uint8Array | undefined;
  json<T>(name: string): T | undefined;
}

/** Raw-DEFLATE decompressor; fflate's by default, a native one may be passed (Node's zlib is ~5x faster). */
export type Inflate = (data: Uint8Array) => Uint8Array;

/** Reads the header and checks the format version before anything else is trusted; `base` is where sections start. */
export function readHeader(bytes: Uint8Array, label = 'code pack'): { header: PackHeader; base: number } {
  const dec = new TextDecoder();
  if (bytes.length < PREFIX || dec.decode(bytes.subarray(0, 6)) !== PACK_MAGIC) {
    throw new PackFormatError(`${label}: not a ChartCoder code pack (missing the ${PACK_MAGIC} signature)`);
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (PREFIX + headerLength > bytes.length) throw new PackFormatError(`${label}: truncated (header runs past the end of the file)`);
  let raw: unknown;
  try {
    raw = JSON.parse(dec.decode(bytes.subarray(PREFIX, PREFIX + headerLength)));
  } catch {
    throw new PackFormatError(`${label}: the header is not readable JSON`);
  }
  const version = (raw as { formatVersion?: unknown })?.formatVersion;
  if (version !== PACK_FORMAT_VERSION) {
    throw new PackFormatError(
      `${label}: pack format version ${String(version)} is not supported (this ChartCoder reads version ${PACK_FORMAT_VERSION}); rebuild it with "codeset build" or import the release files again`,
    );
  }
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success) throw new PackFormatError(`${label}: invalid header (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  const header = parsed.data;
  return { header, base: PREFIX + headerLength };
}

export function decodePack(bytes: Uint8Array, label = 'code pack', inflate: Inflate = inflateSync): DecodedPack {
  const dec = new TextDecoder();
  const { header, base } = readHeader(bytes, label);
  const end = header.sections.reduce((m, s) => Math.max(m, s.offset + s.length), 0);
  if (base + end !== bytes.length) {
    throw new PackFormatError(`${label}: ${base + end > bytes.length ? 'truncated' : 'has trailing bytes'} (expected ${base + end} bytes, found ${bytes.length})`);
  }
  const cache = new Map<string, Uint8Array>();
  const section = (name: string) => {
    const hit = cache.get(name);
    if (hit) return hit;
    const s = header.sections.find((x) => x.name === name);
    if (!s) return undefined;
    if (base + s.offset + s.length > bytes.length) throw new PackFormatError(`${label}: truncated (section ${name} runs past the end)`);
    const data = inflate(bytes.subarray(base + s.offset, base + s.offset + s.length));
    if (data.length !== s.rawLength) throw new PackFormatError(`${label}: section ${name} is corrupt (size mismatch)`);
    cache.set(name, data);
    return data;
  };
  const parsedJson = new Map<string, unknown>();
  return {
    header,
    section,
    json<T>(name: string) {
      if (parsedJson.has(name)) return parsedJson.get(name) as T;
      const b = section(name);
      const value = b === undefined ? undefined : (JSON.parse(dec.decode(b)) as T);
      // Parsed once; the inflated bytes are not needed again.
      parsedJson.set(name, value);
      cache.delete(name);
      return value;
    },
  };
}

/**
 * Inflates the pack's sections with an asynchronous (e.g. the browser's native DecompressionStream)
 * inflater and returns a synchronous Inflate that serves those results, so a page uses native code
 * while the pack API stays synchronous. Sections named by `defer` (large ones not needed to start,
 * like the 24 MB PTP table) are inflated in the background after the others; if one is asked for
 * before it is ready, or the async result is wrong, `fallback` inflates it. Keyed by byte offset.
 */
export async function preInflated(
  bytes: Uint8Array,
  inflateAsync: (data: Uint8Array) => Promise<Uint8Array>,
  fallback: Inflate = inflateSync,
  defer: (section: string) => boolean = () => false,
): Promise<Inflate> {
  // The same checks as decodePack: a file that is not a pack fails here with the same message.
  const { header, base } = readHeader(bytes);
  const done = new Map<number, Uint8Array>();
  const served = new Set<number>();
  const run = (s: PackSection) =>
    inflateAsync(bytes.subarray(base + s.offset, base + s.offset + s.length)).then(
      (out) => {
        const key = bytes.byteOffset + base + s.offset;
        if (out.length === s.rawLength && !served.has(key)) done.set(key, out);
      },
      () => undefined,
    );
  await Promise.all(header.sections.filter((s) => !defer(s.name)).map(run));
  void Promise.all(header.sections.filter((s) => defer(s.name)).map(run));
  return (data) => {
    served.add(data.byteOffset);
    const hit = done.get(data.byteOffset);
    if (hit) {
      done.delete(data.byteOffset);
      return hit;
    }
    return fallback(data);
  };
}
