import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { PackFormatError, preInflated, verifyPack } from '../../../lib/pack/container';
import { crc32 } from '../../../lib/pack/crc32';
import { PACK_FORMAT_VERSION, PACK_LIMITS } from '../../../lib/pack/format';
import { checkEncounter } from '../../../lib/checks/engine';
import { parseCodeList } from '../../../lib/claim/parse-code-list';
import { fixtureInputs } from '../../helpers/fixtures';
import { vi } from 'vitest';

const native = (d: Uint8Array, max?: number) =>
  new Uint8Array(inflateRawSync(d, max === undefined ? {} : { maxOutputLength: Math.max(1, max) }));
const digest = (b: Uint8Array | undefined) => (b ? createHash('sha256').update(b).digest('hex') : 'none');

/** What the pack answers: coding questions a coder asks, plus the content of every section (so no section goes unread). */
function answer(pack: CodePack): string {
  const out: unknown[] = [
    ['E11.22', 'E11.622', 'S52.501A', 'I10', 'N18.32', 'G0439', 'J1885', 'Z79.4'].map((c) => pack.lookup(c) ?? null),
    pack.search('type 2 diabetes chronic kidney disease', 5),
    pack.excludes1Between('E11.9', 'E10.9'),
    pack.ptpEdits('99214', '99213'),
    pack.mue('20610') ?? null,
    pack.hccOf('E11.22') ?? null,
    checkEncounter(
      { dateOfService: '2026-03-01', setting: 'office', ...parseCodeList('E11.22,N18.32,E11.9,99214-25,20610x3') },
      pack,
    ),
  ];
  for (const s of pack.header.sections)
    out.push([
      s.name,
      s.encoding === 'json' ? JSON.stringify(pack.sectionJson(s.name)) : digest(pack.sectionBytes(s.name)),
    ]);
  return JSON.stringify(out);
}

const FIXED = { createdAt: '2026-01-01T00:00:00.000Z' };

describe('pack integrity (format 4: CRC-32 of the header and of every section)', () => {
  let bytes: Uint8Array;
  let baseline: string;
  beforeAll(async () => {
    bytes = (await compilePack(fixtureInputs('fy2026', 'fy2026-notes', 'hcpcs', 'ncci', 'ncci-2026q3', 'hcc'), FIXED))
      .bytes;
    baseline = answer(loadPack(bytes, 'fixture.ccpack', native));
  });

  it('a single bit flipped anywhere (prefix, header, every section) is refused or changes no answer: 0 silent wrong loads', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(8, true);
    const base = 16 + headerLength;
    const header = loadPack(bytes).header;
    const regions: [string, number, number][] = [
      ['prefix', 0, 16],
      ['header', 16, base],
      ...header.sections.map((s): [string, number, number] => [s.name, base + s.offset, base + s.offset + s.length]),
    ];
    const perRegion = Math.max(25, Math.ceil(440 / regions.length));
    const tally = { flips: 0, refused: 0, unchanged: 0, silentWrong: [] as string[], otherErrors: [] as string[] };
    for (const [name, from, to] of regions) {
      fc.assert(
        fc.property(fc.integer({ min: from, max: to - 1 }), fc.integer({ min: 0, max: 7 }), (at, bit) => {
          const damaged = new Uint8Array(bytes);
          damaged[at]! ^= 1 << bit;
          tally.flips++;
          let got: string;
          try {
            got = answer(loadPack(damaged, 'damaged.ccpack', native));
          } catch (e) {
            if (e instanceof PackFormatError && !e.message.includes('\n')) tally.refused++;
            else tally.otherErrors.push(`${name}@${at}.${bit}: ${String(e)}`);
            return;
          }
          if (got === baseline) tally.unchanged++;
          else tally.silentWrong.push(`${name}@${at}.${bit}`);
        }),
        { numRuns: perRegion, seed: 13 },
      );
    }
    console.log(
      `bit flips: ${tally.flips} over ${regions.length} regions, refused ${tally.refused}, unchanged ${tally.unchanged}, silent wrong ${tally.silentWrong.length}, other errors ${tally.otherErrors.length}`,
    );
    expect(tally.flips).toBeGreaterThanOrEqual(400);
    expect(tally.silentWrong).toEqual([]);
    expect(tally.otherErrors).toEqual([]);
  }, 120_000);

  it('the fflate path refuses a damaged section the same way', () => {
    const header = loadPack(bytes).header;
    const base = 16 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const s = header.sections.find((x) => x.name === 'icd.codes')!;
    const damaged = new Uint8Array(bytes);
    damaged[base + s.offset + 10]! ^= 4;
    const pack = loadPack(damaged, 'damaged.ccpack');
    expect(() => pack.lookup('E11.22')).toThrowError(
      /^damaged\.ccpack: section icd\.codes checksum mismatch; the file is damaged: rebuild it with "codeset build"/,
    );
    expect(() => verifyPack(damaged, 'damaged.ccpack')).toThrowError(/section icd\.codes checksum mismatch/);
    expect(verifyPack(bytes).formatVersion).toBe(PACK_FORMAT_VERSION);
  });

  it('pre-inflation (the native path of the extension) never inflates a damaged section and the loader refuses it when used', async () => {
    const header = loadPack(bytes).header;
    const base = 16 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const s = header.sections.find((x) => x.name === 'dict.bin')!;
    const damaged = new Uint8Array(bytes);
    damaged[base + s.offset + s.length - 1]! ^= 0x80;
    const asyncInflate = vi.fn(async (d: Uint8Array) => native(d));
    const fallback = vi.fn(native);
    const pack = loadPack(damaged, 'damaged.ccpack', await preInflated(damaged, asyncInflate, fallback));
    expect(asyncInflate).toHaveBeenCalledTimes(header.sections.length - 1);
    expect(pack.lookup('E11.22')?.code).toBe('E11.22');
    expect(() => pack.sectionBytes('dict.bin')).toThrowError(/^damaged\.ccpack: section dict\.bin checksum mismatch/);
    expect(fallback).not.toHaveBeenCalled();
  });

  /** Rewrites the header JSON (and its CRC, so only the caps can refuse it), as a forger would. */
  function forge(
    edit: (h: {
      sections: { name: string; rawLength: number; length: number; offset: number; crc32: string }[];
    }) => void,
    fakeHeaderLength?: number,
  ): Uint8Array {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const headerLength = view.getUint32(8, true);
    const h = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength)));
    edit(h);
    const hb = new TextEncoder().encode(JSON.stringify(h));
    const out = new Uint8Array(16 + hb.length + bytes.length - 16 - headerLength);
    out.set(bytes.subarray(0, 16));
    out.set(hb, 16);
    out.set(bytes.subarray(16 + headerLength), 16 + hb.length);
    const v = new DataView(out.buffer);
    v.setUint32(8, fakeHeaderLength ?? hb.length, true);
    v.setUint32(12, crc32(hb), true);
    return out;
  }

  it('caps every declared length before allocating: header, one section, all sections, DEFLATE ratio, layout', () => {
    expect(() => loadPack(forge(() => undefined, PACK_LIMITS.headerBytes + 1))).toThrowError(
      /declared header length \d+ is over the limit/,
    );
    expect(() => loadPack(forge((h) => (h.sections[0]!.rawLength = 3_300_000_000)))).toThrowError(
      /invalid header \(sections\.0\.rawLength: .*; the file is damaged/,
    );
    expect(() => loadPack(forge((h) => (h.sections[0]!.rawLength = h.sections[0]!.length * 2000)))).toThrowError(
      /more than DEFLATE can expand/,
    );
    expect(() => loadPack(forge((h) => h.sections.push({ ...h.sections[0]! })))).toThrowError(/listed twice/);
    expect(() => loadPack(forge((h) => (h.sections[1]!.offset += 1)))).toThrowError(/starts at \d+, expected/);
    // A forged size smaller than the real stream: the bounded inflater stops, one line, both inflaters.
    const small = forge((h) => (h.sections.find((s) => s.name === 'icd.codes')!.rawLength = 10));
    expect(() => loadPack(small, 'forged.ccpack', native).lookup('E11.22')).toThrowError(
      /^forged\.ccpack: section icd\.codes cannot be inflated \(.*\); the file is damaged/,
    );
    expect(() => loadPack(small, 'forged.ccpack').lookup('E11.22')).toThrowError(
      /^forged\.ccpack: section icd\.codes inflates to 11 bytes, not the 10 declared/,
    );
  });

  it('a pack of format 3 (container 1, no checksums) is refused with "rebuild"', () => {
    const json = new TextEncoder().encode(JSON.stringify({ magic: 'CCPACK', formatVersion: 3, sections: [] }));
    const old = new Uint8Array(12 + json.length);
    old.set(new TextEncoder().encode('CCPACK'));
    old[6] = 1;
    new DataView(old.buffer).setUint32(8, json.length, true);
    old.set(json, 12);
    expect(() => loadPack(old, 'old.ccpack')).toThrowError(
      new RegExp(
        `^old\\.ccpack: pack format version 3 is not supported \\(this ChartCoder reads version ${PACK_FORMAT_VERSION}\\); rebuild it with "codeset build"`,
      ),
    );
  });
});
