import { promises as fs } from 'node:fs';
import cliProgress from 'cli-progress';
import type { CompileResult } from '../../lib/pack/compile';
import { readInputs, writeAtomic } from '../io';
import { removeTemps } from '../lifecycle';
import { watchParent } from '../parent-watch';
import { mb, print, table, type GlobalOptions } from '../output';
import { compileInWorker } from './codeset-compile';

export interface BuildReport {
  out: string;
  bytes: number;
  readMs: number;
  compileMs: number;
  writeMs: number;
  counts: Record<string, number>;
  sources: CompileResult['sources'];
  skipped: CompileResult['skipped'];
}

/** SOURCE_DATE_EPOCH (reproducible builds: seconds since 1970) fixes the pack's time stamp. */
function fixedCreatedAt(): string | undefined {
  const s = process.env.SOURCE_DATE_EPOCH;
  return s && /^\d+$/.test(s) ? new Date(Number(s) * 1000).toISOString() : undefined;
}

/**
 * Stops the command, leaving no temporary file, when whatever started it is gone (a killed
 * `npm run`: npm's SIGKILL never reaches us). The old pack stays: the new one is only renamed into
 * place by a command whose starter is still there.
 */
function stopWhenOrphaned() {
  return watchParent((why) => {
    removeTemps();
    try {
      process.stderr.write(`\nstopped: ${why}; the pack was not written\n`);
    } catch {
      // nobody is reading any more
    }
    process.exit(143);
  });
}

/** Compiles release files into a pack and writes it atomically (the old pack stays on any error). */
export async function buildPack(
  from: string[],
  out: string,
  opts: GlobalOptions & { quiet?: boolean },
): Promise<BuildReport> {
  const watch = stopWhenOrphaned();
  try {
    return await build(from, out, opts, () => {
      const why = watch.check();
      if (why) throw new Error(`stopped: ${why}; the pack was not written`);
    });
  } finally {
    watch.stop();
  }
}

async function build(
  from: string[],
  out: string,
  opts: GlobalOptions & { quiet?: boolean },
  beforeRename: () => void,
): Promise<BuildReport> {
  const t0 = performance.now();
  const files = await readInputs(from);
  const t1 = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format: 'codeset build [{bar}] {percentage}% | {value}/{total} files | {phase}',
      stream: process.stderr,
      noTTYOutput: !opts.quiet,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const showBar = !opts.quiet && !opts.json;
  if (showBar) bar.start(1, 0, { phase: 'starting' });
  let result: CompileResult;
  try {
    const createdAt = fixedCreatedAt();
    result = await compileInWorker(files, {
      ...(createdAt ? { createdAt } : {}),
      onProgress: (p) => {
        if (!showBar) return;
        bar.setTotal(Math.max(1, p.total));
        bar.update(p.done, { phase: p.phase });
      },
    });
  } finally {
    if (showBar) bar.stop();
  }
  const t2 = performance.now();
  await writeAtomic(out, result.bytes, beforeRename);
  const t3 = performance.now();
  return {
    out,
    bytes: result.bytes.length,
    readMs: Math.round(t1 - t0),
    compileMs: Math.round(t2 - t1),
    writeMs: Math.round(t3 - t2),
    counts: result.counts,
    sources: result.sources,
    skipped: result.skipped,
  };
}

export function printBuildReport(r: BuildReport, opts: GlobalOptions): void {
  print(opts, r, () =>
    [
      `wrote ${r.out} (${mb(r.bytes)})`,
      `read ${r.readMs} ms · compile ${r.compileMs} ms · write ${r.writeMs} ms`,
      '',
      table([
        ['source', 'release', 'effective', 'records'],
        ...r.sources.map((s) => [
          s.file,
          `${s.system} ${s.release}`,
          `${s.effectiveFrom}..${s.effectiveTo}`,
          String(s.records),
        ]),
      ]),
      '',
      table([['count', 'value'], ...Object.entries(r.counts).map(([k, v]) => [k, v.toLocaleString('en-US')])]),
      ...(r.skipped.length
        ? ['', `skipped ${r.skipped.length} file(s):`, ...r.skipped.map((s) => `  ${s.file}: ${s.why}`)]
        : []),
    ].join('\n'),
  );
}

export async function fileSize(p: string): Promise<number> {
  return (await fs.stat(p)).size;
}
