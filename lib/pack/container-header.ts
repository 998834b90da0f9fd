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
export const CONTAINER_VERSION = 2;
export const PREFIX_V1 = 12;
export const PREFIX = 16;
export const REBUILD = 'rebuild it with "codeset build" (or import the release files again)';
export const DAMAGED = `the file is damaged: ${REBUILD}`;

export class PackFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackFormatError';
  }
}

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

export function checkSize(header: PackHeader, base: number, bytes: Uint8Array, label: string): void {
  const end = header.sections.reduce((m, s) => Math.max(m, s.offset + s.length), 0);
  if (base + end !== bytes.length) {
    throw new PackFormatError(
      `${label}: ${base + end > bytes.length ? 'truncated' : 'has trailing bytes'} (expected ${base + end} bytes, found ${bytes.length})`,
    );
  }
}

export function stored(bytes: Uint8Array, base: number, s: PackSection): Uint8Array {
  return bytes.subarray(base + s.offset, base + s.offset + s.length);
}

export function checkCrc(data: Uint8Array, s: PackSection, label: string): void {
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
