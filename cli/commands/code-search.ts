import { print, table, type GlobalOptions } from '../output';
import { openPack } from './pack-loader';

export async function codeSearch(words: string, limit: number, opts: GlobalOptions): Promise<void> {
  const { pack } = await openPack(opts);
  const t0 = performance.now();
  const results = pack.search(words, limit);
  const ms = performance.now() - t0;
  print(opts, { query: words, ms: Number(ms.toFixed(1)), results }, () =>
    results.length === 0
      ? `no codes match "${words}"`
      : table(
          [
            ['#', 'code', 'billable', 'score', 'title', 'matched'],
            ...results.map((r, i) => [
              String(i + 1),
              r.code,
              r.billable ? 'yes' : 'no',
              r.score.toFixed(2),
              r.title,
              r.via,
            ]),
          ],
          { 4: 70, 5: 40 },
        ),
  );
}
