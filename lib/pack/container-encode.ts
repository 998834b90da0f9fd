import { deflateSync } from 'fflate';
import { crc32, crc32Hex } from './crc32';
import { CONTAINER_VERSION, PackFormatError, PREFIX } from './container-header';
import { PACK_FORMAT_VERSION, PACK_LIMITS, PACK_MAGIC, type PackHeader, type PackSection } from './format';

/** Writes a pack in the layout read by container-header.ts: sections deflated, each with its CRC-32. */
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
