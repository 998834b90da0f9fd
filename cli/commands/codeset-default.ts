import { codesetsDir, DEFAULT_PACK } from '../paths';
import { UsageError, type GlobalOptions } from '../output';
import { buildPack, printBuildReport } from './codeset-build';

/**
 * Compiles the pack the extension bundles (public/packs/default.ccpack) from the release files
 * in $CHARTCODER_CODESETS (CI: ../shared/data/codesets) or the cache "codeset fetch" fills.
 */
export async function codesetDefault(opts: GlobalOptions): Promise<void> {
  const dir = codesetsDir();
  if (!dir) {
    throw new UsageError(
      'no release files: set CHARTCODER_CODESETS to a folder of CMS/CDC release files, or run "npm run codesets:fetch" to download the pinned official files into .cache/codesets',
    );
  }
  const report = await buildPack([dir], DEFAULT_PACK, opts);
  printBuildReport(report, opts);
}
