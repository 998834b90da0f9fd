import { deflateSync, inflateSync } from 'fflate';
import { crc32, crc32Hex } from './crc32';
import {
  HeaderSchema,
  PACK_FORMAT_VERSION,
  PACK_LIMITS,
  PACK_MAGIC,
  type PackHeader,
  type PackSection,
} from './format';

/*
 * Byte layout (container version 2, pack format 4):
 *   "CCPACK" (6 bytes) | u8 container version (2) | u8 reserved (0) | u32 LE header length |
 *   u32 LE CRC-32 of the header bytes | header JSON (UTF-8) | section bytes (each deflated).
 * Offsets in the header are relative to the first byte after the header; each section carries the
 * CRC-32 of its stored bytes, checked before it is inflated. Container version 1 (formats 1–3) had
 * no header CRC and a 12-byte prefix; it is read only far enough to say "rebuild".
 */
const CONTAINER_VERSION = 2;
const PREFIX_V1 = 12;
const PREFIX = 16;
const REBUILD = 'rebuild it with "codeset build" (or import the release files again)';
const DAMAGED = `the file is damaged: ${REBUILD}`;

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

export function encodePack(
  meta: Omit<PackHeader, 'sections' | 'magic' | 'formatVersion'>,
  sections: SectionInput[],
): Uint8Array {
  const enc = new TextEncoder();
  const blobs: Uint8Array[] = [];
  const table: PackSection[] = [];
  let offset = 0;
  for (const s of sections) {
    const raw = s.encoding === 'json' ? enc.encode(JSON.stringify(s.data)) : (s.data as Uint8Array);
    if (raw.length > PACK_LIMITS.sectionRawBytes)
      throw new PackFormatError(
        `section ${s.name} is ${raw.length} bytes, over the pack's limit of ${PACK_LIMITS.sectionRawBytes}`,
      );
    const packed = deflateSync(raw, { level: 6 });
    table.push({
      name: s.name,
      encoding: s.encoding,
      offset,
      length: packed.length,
      rawLength: raw.length,
      crc32: crc32Hex(packed),
    });
    blobs.push(packed);
    offset += packed.length;
  }
  const header: PackHeader = { magic: PACK_MAGIC, formatVersion: PACK_FORMAT_VERSION, ...meta, sections: table };
  const headerBytes = enc.encode(JSON.stringify(header));
  const out = new Uint8Array(PREFIX + headerBytes.length + offset);
  out.set(enc.encode(PACK_MAGIC), 0);
  out[6] = CONTAINER_VERSION;
  const view = new DataView(out.buffer);
  view.setUint32(8, headerBytes.length, true);
  view.setUint32(12, crc32(headerBytes), true);
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

/**
 * Raw-DEFLATE decompressor; fflate's by default, a native one may be passed (Node's zlib is ~5x
 * faster). `maxLength` is the section's declared size: an inflater must not produce more.
 */
export type Inflate = ((data: Uint8Array, maxLength?: number) => Uint8Array) & {
  /** Set by preInflated: the stored bytes at this position were already CRC-checked (not checked twice). */
  verified?: (data: Uint8Array) => boolean;
};

/** fflate into a buffer one byte larger than declared, so an overlong stream shows as a wrong size instead of growing. */
export const boundedFflate: Inflate = (data, maxLength) =>
  maxLength === undefined ? inflateSync(data) : inflateSync(data, { out: new Uint8Array(maxLength + 1) });

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

function versionError(label: string, version: unknown): PackFormatError {
  return new PackFormatError(
    `${label}: pack format version ${String(version)} is not supported (this ChartCoder reads version ${PACK_FORMAT_VERSION}); ${REBUILD}`,
  );
}

/**
 * Reads the header and checks, in this order, the signature, the container and format versions
 * (an old pack says "rebuild"), the caps on declared lengths, the header's CRC-32, its schema and
 * the section table's layout, before anything is trusted; `base` is where sections start.
 */
export function readHeader(bytes: Uint8Array, label = 'code pack'): { header: PackHeader; base: number } {
  const dec = new TextDecoder();
  if (bytes.length < PREFIX_V1 || dec.decode(bytes.subarray(0, 6)) !== PACK_MAGIC) {
    throw new PackFormatError(`${label}: not a ChartCoder code pack (missing the ${PACK_MAGIC} signature)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const container = bytes[6]!;
  if (container === 1) {
    // Formats 1–3: read the old header only to name its version.
    const length = view.getUint32(8, true);
    let version: unknown = 'of container 1';
    if (length <= PACK_LIMITS.headerBytes && PREFIX_V1 + length <= bytes.length) {
      try {
        version =
          (JSON.parse(dec.decode(bytes.subarray(PREFIX_V1, PREFIX_V1 + length))) as { formatVersion?: unknown })
            ?.formatVersion ?? version;
      } catch {
        // unreadable: the generic "rebuild" below
      }
    }
    throw versionError(label, version);
  }
  if (container !== CONTAINER_VERSION)
    throw new PackFormatError(
      `${label}: pack container version ${container} is not supported (this ChartCoder reads ${CONTAINER_VERSION}); ${REBUILD}`,
    );
  if (bytes[7] !== 0) throw new PackFormatError(`${label}: corrupt prefix (reserved byte is ${bytes[7]}); ${DAMAGED}`);
  if (bytes.length < PREFIX) throw new PackFormatError(`${label}: truncated (${bytes.length} bytes, no header)`);
  const headerLength = view.getUint32(8, true);
  if (headerLength > PACK_LIMITS.headerBytes)
    throw new PackFormatError(
      `${label}: declared header length ${headerLength} is over the limit of ${PACK_LIMITS.headerBytes} bytes; ${DAMAGED}`,
    );
  if (PREFIX + headerLength > bytes.length)
    throw new PackFormatError(`${label}: truncated (header runs past the end of the file)`);
  const headerBytes = bytes.subarray(PREFIX, PREFIX + headerLength);
  let raw: unknown;
  try {
    raw = JSON.parse(dec.decode(headerBytes));
  } catch {
    throw new PackFormatError(`${label}: the header is not readable JSON; ${DAMAGED}`);
  }
  const version = (raw as { formatVersion?: unknown })?.formatVersion;
  if (version !== PACK_FORMAT_VERSION) throw versionError(label, version);
  if (crc32(headerBytes) !== view.getUint32(12, true))
    throw new PackFormatError(`${label}: header checksum mismatch; ${DAMAGED}`);
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success)
    throw new PackFormatError(
      `${label}: invalid header (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}); ${DAMAGED}`,
    );
  const header = parsed.data;
  checkLayout(header, label);
  return { header, base: PREFIX + headerLength };
}

/** Sections tile the body in order, names are unique, and declared sizes respect the caps. */
function checkLayout(header: PackHeader, label: string): void {
  const names = new Set<string>();
  let end = 0;
  let total = 0;
  for (const s of header.sections) {
    if (names.has(s.name)) throw new PackFormatError(`${label}: section ${s.name} is listed twice; ${DAMAGED}`);
    names.add(s.name);
    if (s.offset !== end)
      throw new PackFormatError(`${label}: section ${s.name} starts at ${s.offset}, expected ${end}; ${DAMAGED}`);
    end += s.length;
    if (s.rawLength > s.length * PACK_LIMITS.maxDeflateRatio + 64) {
      throw new PackFormatError(
        `${label}: section ${s.name} declares ${s.rawLength} bytes from ${s.length} stored, more than DEFLATE can expand; ${DAMAGED}`,
      );
    }
    total += s.rawLength;
  }
  if (total > PACK_LIMITS.totalRawBytes)
    throw new PackFormatError(
      `${label}: sections declare ${total} bytes inflated, over the limit of ${PACK_LIMITS.totalRawBytes}; ${DAMAGED}`,
    );
}

function checkSize(header: PackHeader, base: number, bytes: Uint8Array, label: string): void {
  const end = header.sections.reduce((m, s) => Math.max(m, s.offset + s.length), 0);
  if (base + end !== bytes.length) {
    throw new PackFormatError(
      `${label}: ${base + end > bytes.length ? 'truncated' : 'has trailing bytes'} (expected ${base + end} bytes, found ${bytes.length})`,
    );
  }
}

function stored(bytes: Uint8Array, base: number, s: PackSection): Uint8Array {
  return bytes.subarray(base + s.offset, base + s.offset + s.length);
}

function checkCrc(data: Uint8Array, s: PackSection, label: string): void {
  if (crc32Hex(data) !== s.crc32)
    throw new PackFormatError(`${label}: section ${s.name} checksum mismatch; ${DAMAGED}`);
}

/**
 * Checks a whole pack without inflating it: header, layout, size and every section's CRC-32
 * (~4 ms per stored MB in JS). For a pack put back together from stored chunks before it is used.
 */
export function verifyPack(bytes: Uint8Array, label = 'code pack'): PackHeader {
  const { header, base } = readHeader(bytes, label);
  checkSize(header, base, bytes, label);
  for (const s of header.sections) checkCrc(stored(bytes, base, s), s, label);
  return header;
}

/**
 * Opens a pack: the header is checked at once; a section's CRC-32 when it is first used, before it
 * is inflated, then its inflated size. Every failure (damaged bytes, an inflater error, unreadable
 * JSON) is a one-line PackFormatError naming the file and the section.
 */
export function decodePack(bytes: Uint8Array, label = 'code pack', inflate: Inflate = boundedFflate): DecodedPack {
  const dec = new TextDecoder();
  const { header, base } = readHeader(bytes, label);
  checkSize(header, base, bytes, label);
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const cache = new Map<string, Uint8Array>();
  const section = (name: string) => {
    const hit = cache.get(name);
    if (hit) return hit;
    const s = byName.get(name);
    if (!s) return undefined;
    const data = stored(bytes, base, s);
    if (!inflate.verified?.(data)) checkCrc(data, s, label);
    let out: Uint8Array;
    try {
      out = inflate(data, s.rawLength);
    } catch (e) {
      throw new PackFormatError(`${label}: section ${name} cannot be inflated (${oneLine(e)}); ${DAMAGED}`);
    }
    if (out.length !== s.rawLength)
      throw new PackFormatError(
        `${label}: section ${name} inflates to ${out.length} bytes, not the ${s.rawLength} declared; ${DAMAGED}`,
      );
    cache.set(name, out);
    return out;
  };
  const parsedJson = new Map<string, unknown>();
  return {
    header,
    section,
    json<T>(name: string) {
      if (parsedJson.has(name)) return parsedJson.get(name) as T;
      const b = section(name);
      let value: T | undefined;
      try {
        value = b === undefined ? undefined : (JSON.parse(dec.decode(b)) as T);
      } catch (e) {
        throw new PackFormatError(`${label}: section ${name} is not readable JSON (${oneLine(e)}); ${DAMAGED}`);
      }
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
 * A section whose CRC-32 does not match is never handed to the async inflater: the synchronous
 * path then refuses it with the loader's message when it is used.
 */
export async function preInflated(
  bytes: Uint8Array,
  inflateAsync: (data: Uint8Array) => Promise<Uint8Array>,
  fallback: Inflate = boundedFflate,
  defer: (section: string) => boolean = () => false,
): Promise<Inflate> {
  // The same checks as decodePack: a file that is not a pack fails here with the same message.
  const { header, base } = readHeader(bytes);
  checkSize(header, base, bytes, 'code pack');
  const done = new Map<number, Uint8Array>();
  const served = new Set<number>();
  const checked = new Set<number>();
  const run = (s: PackSection) => {
    const data = stored(bytes, base, s);
    if (crc32Hex(data) !== s.crc32) return Promise.resolve();
    checked.add(data.byteOffset);
    return inflateAsync(data).then(
      (out) => {
        const key = bytes.byteOffset + base + s.offset;
        if (out.length === s.rawLength && !served.has(key)) done.set(key, out);
      },
      () => undefined,
    );
  };
  await Promise.all(header.sections.filter((s) => !defer(s.name)).map(run));
  // Deferred sections (their CRC too) after the caller has started.
  setTimeout(() => void Promise.all(header.sections.filter((s) => defer(s.name)).map(run)), 0);
  const inflate: Inflate = (data, maxLength) => {
    served.add(data.byteOffset);
    const hit = done.get(data.byteOffset);
    if (hit) {
      done.delete(data.byteOffset);
      return hit;
    }
    return fallback(data, maxLength);
  };
  inflate.verified = (data) => checked.has(data.byteOffset);
  return inflate;
}
