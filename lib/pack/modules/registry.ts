import type { SourceKind } from '../../codesets/detect';
import { alphabeticIndexModule } from './alphabetic-index';
import { aocModule } from './aoc';
import { hccModule } from './hcc';
import { hcpcsModule } from './hcpcs';
import { icdCodeTableModule } from './icd10cm/code-table-writer';
import { excludes1Module } from './icd10cm/excludes1';
import { tabularModule } from './icd10cm/tabular';
import type { FileParser, PackModule } from './module';
import { mueModule } from './mue';
import { ptpModule } from './ptp';

/**
 * The modules a pack is compiled from, in the order they write their sections (the pack's
 * section order). User CPT descriptors are not in the pack: the licensee imports them into the
 * extension's own store (lib/cpt).
 */
export const PACK_MODULES: readonly PackModule[] = [
  icdCodeTableModule,
  tabularModule,
  excludes1Module,
  alphabeticIndexModule,
  hcpcsModule,
  mueModule,
  aocModule,
  hccModule,
  ptpModule,
];

/** The parser of a source kind (every kind detectSource names has exactly one). */
export function parserFor(kind: SourceKind): FileParser {
  for (const m of PACK_MODULES) {
    const parser = m.parsers[kind];
    if (parser) return parser;
  }
  throw new Error(`no pack module reads ${kind} files`);
}
