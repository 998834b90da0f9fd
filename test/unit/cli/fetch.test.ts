import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fetchReleases } from '../../../cli/commands/codeset-fetch';
import { sha256Hex } from '../../../lib/util/sha256';
import { fixtureInputs } from '../../helpers/fixtures';

// A local HTTP server on 127.0.0.1 stands in for the CMS site: nothing leaves the machine.
describe('codeset fetch (pinned URLs, sha256 verified)', () => {
  let server: Server;
  let base: string;
  let zip: Uint8Array;
  const requests: string[] = [];
  beforeAll(async () => {
    zip = zipSync(Object.fromEntries(fixtureInputs('fy2026').map((f) => [path.basename(f.path), f.bytes])));
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/files/zip/2026-code-descriptions-tabular-order.zip') {
        res.writeHead(200, { 'content-type': 'application/zip' });
        res.end(Buffer.from(zip));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  function manifest(sha256: string | null, pinned = true): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-manifest-'));
    const file = path.join(dir, 'manifest.json');
    writeFileSync(
      file,
      JSON.stringify({
        files: [
          {
            id: 'icd',
            system: 'ICD-10-CM',
            release: 'FY2026',
            url: 'https://www.cms.gov/files/zip/2026-code-descriptions-tabular-order.zip',
            file: 'order.zip',
            sha256,
            pinned,
          },
        ],
      }),
    );
    return file;
  }

  it('downloads, verifies the pinned sha256 and keeps the file; a second run finds it present', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cc-fetch-'));
    const sha = await sha256Hex(zip);
    const first = await fetchReleases({ manifest: manifest(sha), out, baseUrl: base });
    expect(first).toEqual([expect.objectContaining({ status: 'downloaded', sha256: sha })]);
    expect(new Uint8Array(readFileSync(path.join(out, 'order.zip')))).toEqual(zip);
    const second = await fetchReleases({ manifest: manifest(sha), out, baseUrl: base });
    expect(second[0]!.status).toBe('already present');
  });

  it('refuses a file whose sha256 differs from the pinned one and leaves nothing behind', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cc-fetch-'));
    await expect(fetchReleases({ manifest: manifest('0'.repeat(64)), out, baseUrl: base })).rejects.toThrowError(
      /expected the pinned 0{64}; the file was not kept/,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('skips unpinned entries unless asked, and reports HTTP failures', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cc-fetch-'));
    expect((await fetchReleases({ manifest: manifest(null, false), out, baseUrl: base }))[0]!.status).toBe(
      'skipped (not pinned)',
    );
    expect(
      (await fetchReleases({ manifest: manifest(null, false), out, baseUrl: base, allowUnpinned: true }))[0]!.status,
    ).toBe('downloaded');
    const bad = manifest('1'.repeat(64)).replace('manifest.json', 'bad.json');
    writeFileSync(bad, readFileSync(manifest('1'.repeat(64)), 'utf8').replace('2026-code-descriptions', 'missing'));
    await expect(fetchReleases({ manifest: bad, out, baseUrl: base })).rejects.toThrowError(/HTTP 404/);
  });

  it('only ever asked the local server', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((u) => u.startsWith('/files/zip/'))).toBe(true);
  });
});
