import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32 as zcrc, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/*
 * Issue 13: "a 1.1 GB zip of valid lines crashed the compiler with a V8 fatal error at 3.5 GB".
 * Here: a zip of two PTP tables of valid rows, each just under the per-file limit (~480 MB of
 * text, ~7 M rows, within the 512 MB import total), so the archive limits let it through and only
 * the memory bound can stop it. The build must end with the one-line memory message and a peak
 * resident memory near the bound (it is polled every 200 ms), never a crash.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MB = 1024 * 1024;
const LIMIT_MB = 1280;

/** `head` then `copies` × `block` as one raw DEFLATE stream, built without holding the expanded text. */
function repeatedDeflate(head: Buffer, block: Buffer, copies: number) {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const one = deflateRawSync(block, flush);
  let crc = zcrc(head);
  for (let i = 0; i < copies; i++) crc = zcrc(block, crc);
  const parts = [deflateRawSync(head, flush), ...Array.from({ length: copies }, () => one)];
  return {
    data: Buffer.concat([...parts, deflateRawSync(Buffer.alloc(0))]),
    crc,
    size: head.length + block.length * copies,
  };
}

describe('a zip of valid lines within the archive limits', () => {
  it('is refused by the memory bound in one line, peak RSS printed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-lines-'));
    const header = 'Column 1\tColumn 2\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale\n';
    const rows: string[] = [];
    for (let i = 0; i < 14_000; i++)
      rows.push(`${10000 + i}\t${20000 + ((i * 7) % 9000)}\t20200101\t*\t${i % 2}\tMutually exclusive procedures\n`);
    const block = Buffer.from(rows.join(''));
    const copies = Math.floor((240 * MB) / block.length);
    const members = ['mcr_ptp_practitioner_eff_2024-07-01.tsv', 'mcr_ptp_practitioner_eff_2024-10-01.tsv'].map(
      (name) => ({
        name,
        d: repeatedDeflate(Buffer.from(header), block, copies),
      }),
    );
    const zip = handZip(members);
    const file = path.join(dir, 'lines.zip');
    writeFileSync(file, zip);
    const code = `const { buildPack } = await import(${JSON.stringify(path.join(ROOT, 'cli/commands/codeset-build.ts'))});
      let error = '';
      try { await buildPack([${JSON.stringify(file)}], ${JSON.stringify(path.join(dir, 'out.ccpack'))}, { quiet: true, json: true }); } catch (e) { error = String(e.message); }
      console.log(JSON.stringify({ error, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600_000,
      env: { ...process.env, CHARTCODER_MAX_RSS_MB: String(LIMIT_MB) },
    });
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { error: string; peakRssMB: number };
    console.log(
      `lines.zip (${(zip.length / MB).toFixed(1)} MB -> ${Math.round((2 * copies * block.length) / MB)} MB of valid rows): "${out.error}" · peak RSS ${out.peakRssMB} MB (bound ${LIMIT_MB} MB)`,
    );
    expect(out.error).toMatch(/the build needs more than 1280 MB of memory \(the limit/);
    expect(out.error).not.toContain('\n');
    expect(out.peakRssMB).toBeLessThan(LIMIT_MB * 1.15);
    expect(readdirSync(dir).sort()).toEqual(['lines.zip']);
  }, 600_000);
});

/** A zip of members already deflated (local headers, data, central directory), written by hand. */
function handZip(members: { name: string; d: ReturnType<typeof repeatedDeflate> }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, d } of members) {
    const { data, crc: full, size } = d;
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(full >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(full >>> 0, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, n, data);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
