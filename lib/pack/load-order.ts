import type { SectionInput } from './container';

/**
 * Sections a note's analysis never reads: the Alphabetic Index (the match dictionary is compiled
 * from it into the pack), the NCCI MUE, add-on and PTP tables (read by the checks only). The
 * background's analysis service stops reading the bundled pack before them, so they are written
 * last: ~7.6 of its ~13 MB, of which the PTP rows alone are ~6.2.
 */
export const ANALYSIS_OMITS = /^(index|mue|aoc|ptp\.)/;

/** The sections in the order they are written: every section analysis reads first, the others after (each group keeps its order). */
export function inLoadOrder<T extends Pick<SectionInput, 'name'>>(sections: T[]): T[] {
  return [
    ...sections.filter((s) => !ANALYSIS_OMITS.test(s.name)),
    ...sections.filter((s) => ANALYSIS_OMITS.test(s.name)),
  ];
}
