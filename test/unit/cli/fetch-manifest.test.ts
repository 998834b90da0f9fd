import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fetchReleases, releasesInForce } from '../../../cli/commands/codeset-fetch';
import { compilePack } from '../../../lib/pack/compile';
import { releaseLabelOn } from '../../../lib/codesets/release';
import { sha256Hex } from '../../../lib/util/sha256';
import { fixtureInputs } from '../../helpers/fixtures';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');

// A local HTTP server stands in for the CDC site: nothing leaves the machine.
describe('codeset fetch: FY2027 manifest, member checksums, what is in force today', () => {
  let server: Server;
  let base: string;
  const order = new TextEncoder().encode(
    '00001 A00     0 Cholera                                                      Cholera\r\n',
  );
  const zip = zipSync({ 'icd10cm-code-descriptions-2027/icd10cm-order-2027.txt': order });
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url?.endsWith('.zip') ? 200 : 404);
      res.end(req.url?.endsWith('.zip') ? Buffer.from(zip) : undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const manifest = (entry: object) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-manifest-')), 'm.json');
    writeFileSync(
      file,
      JSON.stringify({
        files: [
          {
            id: 'fy27',
            system: 'ICD-10-CM',
            release: 'FY2027',
            url: 'https://ftp.cdc.gov/x/icd10cm-code-descriptions-2027.zip',
            file: 'fy27.zip',
            ...entry,
          },
        ],
      }),
    );
    return file;
  };

  it('the shipped manifest pins the FY2027 CDC zip and its order file with the published checksums', () => {
    const m = JSON.parse(readFileSync(path.join(root, 'data/release-manifest.json'), 'utf8')) as {
      files: { id: string; pinned: boolean; sha256: string | null; members?: { sha256: string }[]; system: string }[];
    };
    const fy27 = m.files.find((f) => f.id === 'icd10cm-fy2027-code-descriptions')!;
    expect(fy27).toMatchObject({
      pinned: true,
      sha256: '93e3ad6004badf470c55bfe679b748ae88fd9b2b421851e409eec382c7713b9a',
    });
    expect(fy27.members?.[0]?.sha256).toBe('38981fb2c1226e2b92393cef7d921d2293494dd184b5ad039dde08e4b364265f');
    expect(m.files.filter((f) => f.system !== 'ICD-10-CM').every((f) => !f.pinned && f.sha256 === null)).toBe(true);
    expect(new Set(m.files.map((f) => f.system))).toEqual(
      new Set(['ICD-10-CM', 'HCPCS', 'NCCI-MUE', 'NCCI-AOC', 'NCCI-PTP']),
    );
  });

  it('keeps a zip whose member matches its published checksum; refuses one that does not, keeping nothing', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cc-fetch-'));
    const good = {
      sha256: null,
      pinned: true,
      members: [{ path: 'icd10cm-code-descriptions-2027/icd10cm-order-2027.txt', sha256: await sha256Hex(order) }],
    };
    expect((await fetchReleases({ manifest: manifest(good), out, baseUrl: base }))[0]).toMatchObject({
      status: 'downloaded',
      verified: true,
    });
    const out2 = mkdtempSync(path.join(tmpdir(), 'cc-fetch-'));
    const bad = { ...good, members: [{ ...good.members[0]!, sha256: 'f'.repeat(64) }] };
    await expect(fetchReleases({ manifest: manifest(bad), out: out2, baseUrl: base })).rejects.toThrowError(
      /icd10cm-order-2027\.txt .* expected the published f{64}; the file was not kept/,
    );
    await expect(
      fetchReleases({
        manifest: manifest({ ...good, members: [{ path: 'other.txt', sha256: 'f'.repeat(64) }] }),
        out: out2,
        baseUrl: base,
      }),
    ).rejects.toThrowError(/has no member other\.txt/);
    expect(readdirSync(out2)).toEqual([]);
  });

  it('never keeps an unverified file without --allow-unpinned, and marks it unverified with it', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cc-fetch-'));
    expect(
      (await fetchReleases({ manifest: manifest({ sha256: null, pinned: false }), out, baseUrl: base }))[0]!.status,
    ).toBe('skipped (not pinned)');
    expect(readdirSync(out)).toEqual([]);
    await expect(
      fetchReleases({ manifest: manifest({ sha256: null, pinned: true }), out, baseUrl: base }),
    ).rejects.toThrowError(/records no sha256/);
    expect(
      (
        await fetchReleases({
          manifest: manifest({ sha256: null, pinned: false }),
          out,
          baseUrl: base,
          allowUnpinned: true,
        })
      )[0],
    ).toMatchObject({ status: 'downloaded', verified: false });
  });

  it('tells which release is in force on a date and whether the pack has it', async () => {
    expect(releaseLabelOn('ICD-10-CM', '2026-11-29')).toBe('FY2027');
    expect(releaseLabelOn('ICD-10-CM', '2026-09-30')).toBe('FY2026');
    expect(releaseLabelOn('HCPCS', '2026-11-29')).toBe('2026 OCT (Q4)');
    expect(releaseLabelOn('NCCI-PTP', '2026-08-01')).toBe('2026 Q3');
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-pack-'));
    const packFile = path.join(dir, 'p.ccpack');
    writeFileSync(packFile, (await compilePack(fixtureInputs('fy2026', 'ncci-2026q3'))).bytes);
    const r = await releasesInForce('2026-08-01', packFile);
    expect(r.systems.find((s) => s.system === 'ICD-10-CM')).toEqual({
      system: 'ICD-10-CM',
      inForce: 'FY2026',
      packHas: { release: 'FY2026', inForce: true },
    });
    expect(r.systems.find((s) => s.system === 'NCCI-MUE')).toMatchObject({
      inForce: '2026 Q3',
      packHas: { inForce: true },
    });
    expect(r.systems.find((s) => s.system === 'HCPCS')).toEqual({ system: 'HCPCS', inForce: '2026 JUL (Q3)' });
    const later = await releasesInForce('2026-11-29', packFile);
    expect(later.systems.find((s) => s.system === 'ICD-10-CM')).toMatchObject({
      inForce: 'FY2027',
      packHas: { release: 'FY2026', inForce: false },
    });
    expect((await releasesInForce('2026-11-29', path.join(dir, 'none.ccpack'))).pack).toBeUndefined();
  });
});
