import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 as zcrc, deflateRawSync, gzipSync, constants } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CodesetError } from '../../../lib/codesets/errors';
import { expandAll, IMPORT_LIMITS, type ImportLimits } from '../../../lib/codesets/inputs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MB = 1024 * 1024;
const small: ImportLimits = { perFileBytes: 8 * MB, totalBytes: 12 * MB, zipMembers: 20, nesting: 3 };

/** `copies` gzip members of `chunk` zero bytes each: a multi-member gzip that expands to copies × chunk. */
function gzipBomb(chunk: number, copies: number): Uint8Array {
  const one = gzipSync(Buffer.alloc(chunk), { level: 1 });
  return new Uint8Array(Buffer.concat(Array.from({ length: copies }, () => one)));
}

/** A raw DEFLATE stream of `copies` × `chunk` zero bytes, built without ever holding them, and its CRC-32. */
function zeroDeflate(chunk: number, copies: number): { data: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(chunk);
  const block = deflateRawSync(zeros, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = zcrc(zeros, crc);
  return { data: Buffer.concat([...Array.from({ length: copies }, () => block), last]), crc, size: chunk * copies };
}

/** A one-member zip; `declared` is the size written in its headers (a liar may write less). */
function zipOf(name: string, d: { data: Buffer; crc: number; size: number }, declared = d.size): Uint8Array {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(d.crc >>> 0, 14);
  local.writeUInt32LE(d.data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(d.crc >>> 0, 16);
  central.writeUInt32LE(d.data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + d.data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, n, d.data, central, n, end]));
}

describe('bounded imports: limits checked while inflating', () => {
  it('a gzip bomb (multi-member, trailer says 4 MB) stops at the per-file limit', () => {
    expect(() => expandAll([{ path: 'bomb.txt.gz', bytes: gzipBomb(4 * MB, 8) }], small)).toThrowError(
      /^bomb\.txt\.gz: expands to more than 8 MB, over the limit of 8 MB per file/,
    );
    // Under the limit, every member is read (the old gunzip kept only the first).
    expect(expandAll([{ path: 'ok.txt.gz', bytes: gzipBomb(MB, 3) }], small)[0]!.bytes.length).toBe(3 * MB);
  });

  it('a zip member declaring more than the limit is refused before anything is inflated', () => {
    expect(() =>
      expandAll([{ path: 'big.zip', bytes: zipOf('lines.txt', zeroDeflate(4 * MB, 4)) }], small),
    ).toThrowError(/^big\.zip!lines\.txt: expands to 16 MB, over the limit of 8 MB per file/);
  });

  it('a zip member declaring less than it holds never grows past the declared size: refused, one line', () => {
    const liar = () => expandAll([{ path: 'liar.zip', bytes: zipOf('lines.txt', zeroDeflate(MB, 4), MB) }], small);
    expect(liar).toThrowError(
      /^liar\.zip(!lines\.txt: is damaged \(CRC-32|: not a readable zip archive \(offset is out of bounds\))/,
    );
    // A member whose bytes differ from its recorded CRC-32 (damaged in transit).
    const d = zeroDeflate(MB, 1);
    expect(() =>
      expandAll([{ path: 'crc.zip', bytes: zipOf('lines.txt', { ...d, crc: d.crc ^ 1 }) }], small),
    ).toThrowError(/^crc\.zip!lines\.txt: is damaged \(CRC-32/);
  });

  it('the total over several files, members and nesting are capped too', () => {
    const five = new Uint8Array(5 * MB);
    expect(() =>
      expandAll(
        [
          { path: 'a.txt', bytes: five },
          { path: 'b.txt', bytes: five },
          { path: 'c.txt', bytes: five },
        ],
        small,
      ),
    ).toThrowError(/^c\.txt: the files of this import expand to more than 12 MB together/);
    const many = zipSync(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}.txt`, new Uint8Array(1)])));
    expect(() => expandAll([{ path: 'many.zip', bytes: many }], small)).toThrowError(
      /many\.zip: has more than 20 members/,
    );
    let nested: Uint8Array = zipSync({ 'x.txt': new Uint8Array(1) });
    for (let i = 0; i < 3; i++) nested = zipSync({ [`n${i}.zip`]: nested });
    expect(() => expandAll([{ path: 'deep.zip', bytes: nested }], small)).toThrowError(
      /archives nested more than 3 deep/,
    );
    expect(() => expandAll([{ path: 'x.gz', bytes: new Uint8Array([1, 2, 3]) }])).toThrowError(CodesetError);
  });

  it('the CLI refuses 2 GB gzip and zip bombs in one line, within the memory bound (peak RSS printed)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-bomb-'));
    const cases: [string, Uint8Array][] = [
      ['gzip-bomb.txt.gz', gzipBomb(64 * MB, 32)],
      ['zip-bomb.zip', zipOf('icd10cm_order_2027.txt', zeroDeflate(64 * MB, 32))],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      const code = `const { buildPack } = await import(${JSON.stringify(path.join(ROOT, 'cli/commands/codeset-build.ts'))});
        let error = '';
        try { await buildPack([${JSON.stringify(file)}], ${JSON.stringify(path.join(dir, 'out.ccpack'))}, { quiet: true, json: true }); } catch (e) { error = String(e.message); }
        console.log(JSON.stringify({ error, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { error: string; peakRssMB: number };
      console.log(
        `${name} (${(bytes.length / MB).toFixed(1)} MB -> 2048 MB): "${out.error}" · peak RSS ${out.peakRssMB} MB`,
      );
      expect(out.error).toMatch(/over the limit of 256 MB per file/);
      expect(out.error).not.toContain('\n');
      // The bound: the per-file limit plus the runtime (~250 MB with tsx), never the bomb's size.
      expect(out.peakRssMB).toBeLessThan(IMPORT_LIMITS.perFileBytes / MB + 400);
    }
    expect(readdirSync(dir).sort()).toEqual(cases.map(([n]) => n).sort());
  }, 180_000);
});
