import { checkCrc, checkSize, DAMAGED, PackFormatError, readHeader, stored } from './container-header';
import type { PackHeader } from './format';
import { boundedFflate, type Inflate } from './inflate';

/*
 * The pack container, the import entry point: decodePack opens a pack; the byte layout, its checks
 * and verifyPack are in container-header.ts, encodePack in container-encode.ts, preInflated (an
 * async inflater behind the synchronous API) in pre-inflate.ts.
 */
export { encodePack, type SectionInput } from './container-encode';
export { PackFormatError, readHeader, verifyPack } from './container-header';
export { boundedFflate, type Inflate } from './inflate';
export { preInflated } from './pre-inflate';

export interface DecodedPack {
  header: PackHeader;
  section(name: string): Uint8Array | undefined;
  json<T>(name: string): T | undefined;
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);

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
