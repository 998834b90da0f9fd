import type { PackSource } from './format';
import { coversDate, lastPerRelease } from '../domain/releases';
import type { ReleaseInForce } from './release-resolver';

export interface DateCoverage {
  system: string;
  release: string;
  effectiveFrom: string;
  effectiveTo: string;
  covers: boolean;
}

/** For each source system (its last release): does that release cover the date of service? */
export function coverageOn(sources: PackSource[], dos: string): DateCoverage[] {
  return lastPerRelease(sources).map((s) => ({
    system: s.system,
    release: s.release,
    effectiveFrom: s.effectiveFrom,
    effectiveTo: s.effectiveTo,
    covers: coversDate(s, dos),
  }));
}

/**
 * Warnings for a date of service no loaded release covers, one per code system, naming the one
 * answering instead (ICD-10-CM counts code lists only: an index update is not a year's codes).
 */
export function uncoveredDateWarnings(releases: ReleaseInForce[], dos: string): string[] {
  return releases
    .filter((r) => !r.inForce)
    .map(
      (r) =>
        `${r.system}: no loaded release covers the date of service ${dos}; answers come from ${r.release} (effective ${r.effectiveFrom} to ${r.effectiveTo}). Import the release in force on that date.`,
    );
}
