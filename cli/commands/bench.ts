import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPack } from '../../lib/pack/code-pack';
import { codesetsDir } from '../paths';
import { stats } from '../stats';
import { mb, print, table, UsageError, type GlobalOptions } from '../output';
import { buildPack } from './codeset-build';

const round = (x: number) => Number(x.toFixed(2));

/**
 * Measures the pack end to end on this machine: build from the release files, size, cold load
 * (header + ICD table + first lookup), search-index build, lookup and search latency, heap.
 * Reproduce: `npm run bench` (uses $CHARTCODER_CODESETS or ../shared/data/codesets).
 */
export async function bench(from: string[] | undefined, runs: number, opts: GlobalOptions): Promise<void> {
  const src = from ?? [codesetsDir() ?? ''];
  if (!src[0]) throw new UsageError('no release files to build from: pass --from or set CHARTCODER_CODESETS');
  const out = path.join(os.tmpdir(), `chartcoder-bench-${process.pid}.ccpack`);
  const build = await buildPack(src, out, { ...opts, quiet: true });
  const bytes = new Uint8Array(await fs.readFile(out));
  await fs.rm(out, { force: true });

  const heapBefore = process.memoryUsage().heapUsed;
  const loads: number[] = [];
  const firstLookups: number[] = [];
  const indexBuilds: number[] = [];
  let pack = loadPack(bytes);
  for (let i = 0; i < Math.max(1, runs); i++) {
    const t0 = performance.now();
    pack = loadPack(bytes);
    const t1 = performance.now();
    pack.lookup('E11.22');
    const t2 = performance.now();
    pack.search('diabetes', 1);
    const t3 = performance.now();
    loads.push(t1 - t0);
    firstLookups.push(t2 - t1);
    indexBuilds.push(t3 - t2);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  const codes = ['E11.22', 'S52.501A', 'I10', 'Z79.4', 'N18.32', 'J18.9', 'G0439', 'M54.50', 'R07.9', 'F32.A'];
  const lookupMs: number[] = [];
  for (let r = 0; r < 50; r++) {
    for (const c of codes) {
      const t = performance.now();
      pack.lookup(c);
      lookupMs.push(performance.now() - t);
    }
  }
  const queries = [
    'type 2 diabetes chronic kidney disease',
    'closed fracture distal radius',
    'essential hypertension',
    'chest pain',
    'annual wellness visit',
    'major depressive disorder recurrent',
  ];
  const searchMs: number[] = [];
  for (let r = 0; r < 10; r++) {
    for (const q of queries) {
      const t = performance.now();
      pack.search(q, 10);
      searchMs.push(performance.now() - t);
    }
  }
  const t0 = performance.now();
  pack.ptpEdits('99214', '99213');
  const ptpFirst = performance.now() - t0;
  const result = {
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, node ${process.version}`,
    build: { readMs: build.readMs, compileMs: build.compileMs, writeMs: build.writeMs },
    packBytes: bytes.length,
    sections: pack.sectionSizes(),
    loadHeaderMs: stats(loads.map(round)),
    firstLookupMs: stats(firstLookups.map(round)),
    searchIndexBuildMs: stats(indexBuilds.map(round)),
    lookupMs: stats(lookupMs.map(round)),
    searchMs: stats(searchMs.map(round)),
    ptpFirstUseMs: round(ptpFirst),
    heapMB: {
      afterLoads: round((heapAfter - heapBefore) / 1048576),
      total: round(process.memoryUsage().heapUsed / 1048576),
    },
  };
  print(opts, result, () =>
    [
      `machine: ${result.machine}`,
      `pack: ${mb(result.packBytes)} · build: read ${build.readMs} ms, compile ${build.compileMs} ms, write ${build.writeMs} ms`,
      '',
      table([
        ['measure (ms)', 'min', 'p50', 'p95', 'max'],
        ...(
          [
            ['load (header)', result.loadHeaderMs],
            ['first lookup (inflate ICD + tabular)', result.firstLookupMs],
            ['search index build (first search)', result.searchIndexBuildMs],
            ['lookup', result.lookupMs],
            ['search', result.searchMs],
          ] as const
        ).map(([k, s]) => [k, String(s.min), String(s.p50), String(s.p95), String(s.max)]),
      ]),
      `PTP first use (inflate 2.5M edits + lookup): ${result.ptpFirstUseMs} ms`,
      `heap: ${result.heapMB.total} MB in use after the runs`,
    ].join('\n'),
  );
}
