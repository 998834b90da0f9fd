import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'fflate';
import Papa from 'papaparse';
import { loadPack } from '../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { stats } from '../stats';
import { print, table, type GlobalOptions } from '../output';
import { packPath } from '../paths';
import { nativeInflate } from './pack-loader';

async function codiespNotes(dir: string): Promise<string[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map((f) => fs.readFile(path.join(dir, f), 'utf8')));
}

/** MTSamples transcriptions (CSV, gzip), de-duplicated: the corpus repeats many samples under several specialties. */
async function mtsamples(file: string): Promise<string[]> {
  const text = new TextDecoder().decode(gunzipSync(new Uint8Array(await fs.readFile(file))));
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return [...new Set(rows.map((r) => (r.transcription ?? '').trim()).filter((t) => t.length > 0))];
}

/** A 1 MB note made of the corpus's own sentences (bounded-time check on hostile sizes). */
function syntheticMegabyte(seed: string[]): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_048_576; i++) {
    const s = seed[i % seed.length]!;
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join('\n').slice(0, 1_048_576);
}

/**
 * Reproduce: `npm run cli -- bench --notes ../shared/data/notes` (CodiEsp dev, MTSamples, 1 MB).
 * Times are wall-clock per note on this machine after one warm-up note; not a test.
 */
export async function benchNotes(notesRoot: string, opts: GlobalOptions): Promise<void> {
  const bytes = new Uint8Array(await fs.readFile(packPath(opts.pack)));
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const pack = loadPack(bytes, 'pack', nativeInflate);
  const analyzer = new NoteAnalyzer(pack);
  const loadMs = performance.now() - t0;
  analyzer.analyze(
    'Warm-up: type 2 diabetes with CKD stage 3b, closed fracture of the right distal radius, mother had breast cancer.',
  );
  const corpora: [string, string[]][] = [];
  const codiesp = path.join(notesRoot, 'codiesp/en/dev');
  corpora.push(['CodiEsp dev (en)', await codiespNotes(codiesp).catch(() => [])]);
  corpora.push([
    'MTSamples (de-duplicated)',
    await mtsamples(path.join(notesRoot, 'mtsamples/mtsamples.csv.gz')).catch(() => []),
  ]);
  const seed = (corpora[0]![1].length ? corpora[0]![1] : corpora[1]![1]).flatMap((n) => n.split('\n'));
  corpora.push(['synthetic 1 MB note', seed.length ? [syntheticMegabyte(seed)] : []]);
  const rows: Record<string, ReturnType<typeof stats> & { notesPerSecond: number }> = {};
  for (const [name, notes] of corpora) {
    if (notes.length === 0) continue;
    const ms = notes.map((n) => {
      const t = performance.now();
      analyzer.analyze(n);
      return performance.now() - t;
    });
    const s = stats(ms);
    rows[name] = { ...s, notesPerSecond: s.n / (s.total / 1000) };
  }
  const heapMB = (process.memoryUsage().heapUsed - heap0) / 1048576;
  const r = (x: number) => Number(x.toFixed(2));
  const out = {
    packLoadToReadyMs: r(loadMs),
    heapMB: r(heapMB),
    corpora: Object.fromEntries(
      Object.entries(rows).map(([k, v]) => [
        k,
        { notes: v.n, p50: r(v.p50), p95: r(v.p95), max: r(v.max), notesPerSecond: r(v.notesPerSecond) },
      ]),
    ),
  };
  print(opts, out, () =>
    [
      `pack load to analyzer ready: ${out.packLoadToReadyMs} ms (native inflate) · heap +${out.heapMB} MB`,
      table([
        ['corpus', 'notes', 'p50 ms', 'p95 ms', 'max ms', 'notes/s'],
        ...Object.entries(out.corpora).map(([k, v]) => [
          k,
          String(v.notes),
          String(v.p50),
          String(v.p95),
          String(v.max),
          String(v.notesPerSecond),
        ]),
      ]),
    ].join('\n'),
  );
}
