import type { CodeSystem } from '../codesets/release';
import { coversDate, lastPerRelease, nearest } from '../domain/releases';
import type { PackHeader } from './format';

/** The nearest-release choice lives with the other release vocabulary (lib/domain/releases.ts). */
export { nearest } from '../domain/releases';

/**
 * Which loaded release answers for a date of service, per code system. ICD-10-CM code lists run
 * by fiscal year (Oct 1 – Sep 30), HCPCS and NCCI by quarter. The release in force answers; when
 * none covers the date, the loaded release nearest to it in time answers instead (a 2024 date
 * with FY2021 and FY2026 loaded: FY2026, one year off rather than three), and the answer says so.
 */
export interface ReleaseInForce {
  system: CodeSystem;
  release: string;
  effectiveFrom: string;
  effectiveTo: string;
  /** True when the release's effective dates cover the date of service. */
  inForce: boolean;
  /** Why this release answers: in force on the date, or the loaded one nearest to it. */
  basis: 'in force' | 'nearest (none in force)';
}

/** The systems a date of service is resolved for (CMS-HCC is a mapping by payment year, not a code set). */
export const RESOLVED_SYSTEMS: CodeSystem[] = ['ICD-10-CM', 'HCPCS', 'NCCI-PTP', 'NCCI-MUE', 'NCCI-AOC'];

interface Candidate {
  release: string;
  effectiveFrom: string;
  effectiveTo: string;
}

function pick(system: CodeSystem, candidates: Candidate[], dos: string): ReleaseInForce | undefined {
  if (candidates.length === 0) return undefined;
  const sorted = [...candidates].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const covering = sorted.filter((c) => coversDate(c, dos)).at(-1);
  if (covering) return { system, ...covering, inForce: true, basis: 'in force' };
  return { system, ...nearest(sorted, dos)!, inForce: false, basis: 'nearest (none in force)' };
}

/**
 * Resolves every code system the pack holds for one date of service. ICD-10-CM candidates are the
 * code-list releases (order, codes or tabular files with titles), not index or table updates.
 */
export function resolveReleases(header: PackHeader, dos: string): ReleaseInForce[] {
  const out: ReleaseInForce[] = [];
  for (const system of RESOLVED_SYSTEMS) {
    const candidates: Candidate[] =
      system === 'ICD-10-CM'
        ? header.icdReleases
            .filter((r) => r.hasTitles)
            .map((r) => ({ release: r.label, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo }))
        : lastPerRelease(header.sources.filter((s) => s.system === system)).map((s) => ({
            release: s.release,
            effectiveFrom: s.effectiveFrom,
            effectiveTo: s.effectiveTo,
          }));
    const r = pick(system, candidates, dos);
    if (r) out.push(r);
  }
  return out;
}

const SHORT: Record<string, string> = {
  'ICD-10-CM': 'ICD-10-CM',
  HCPCS: 'HCPCS',
  'NCCI-PTP': 'PTP',
  'NCCI-MUE': 'MUE',
  'NCCI-AOC': 'add-on edits',
};

/** "PTP 2024 Q3*": the system's short name and release, starred when not in force on the date. */
export function releaseShort(r: ReleaseInForce): string {
  return `${SHORT[r.system] ?? r.system} ${r.release}${r.inForce ? '' : '*'}`;
}

/**
 * One line saying which release answers for each system on the date, e.g. "Date of service
 * 2026-11-29: ICD-10-CM FY2027 · HCPCS 2026 JAN (Q1)* · PTP 2024 Q3* · MUE 2026 Q3* (* not in
 * force on that date: the nearest loaded release answers; import the one in force)".
 */
export function releaseStatement(resolved: ReleaseInForce[], dos: string): string {
  const parts = resolved.map(releaseShort);
  const note = resolved.some((r) => !r.inForce) ? notInForceNote('that date') : '';
  return `Date of service ${dos}: ${parts.join(' · ')}${note}`;
}

/** What a star after a release means, said once for the date (or dates) of a statement. */
export function notInForceNote(dates: 'that date' | 'those dates'): string {
  return ` (* not in force on ${dates}: the nearest loaded release answers; import the one in force)`;
}

/** What a status line says for one code system on a date of service. */
export interface ReleaseStatusLine {
  system: CodeSystem;
  /** 'in force' | 'nearest' (none in force: the nearest loaded release answers) | 'none' (not loaded). */
  state: 'in force' | 'nearest' | 'none';
  release?: string;
  text: string;
}

/**
 * One line per code system for a date of service, in the order of RESOLVED_SYSTEMS: the release in
 * force with its dates, or that none loaded is in force and which answers instead, or that the
 * system is not loaded at all (its checks are then not made).
 */
export function releaseStatusLines(resolved: ReleaseInForce[], dos: string): ReleaseStatusLine[] {
  return RESOLVED_SYSTEMS.map((system): ReleaseStatusLine => {
    const r = resolved.find((x) => x.system === system);
    const name = system === 'NCCI-AOC' ? 'NCCI add-on edits' : system;
    if (!r) return { system, state: 'none', text: `${name}: not loaded — no answers from it` };
    const dates = `${r.effectiveFrom} – ${r.effectiveTo}`;
    if (r.inForce)
      return { system, state: 'in force', release: r.release, text: `${name}: ${r.release} in force (${dates})` };
    return {
      system,
      state: 'nearest',
      release: r.release,
      text: `${name}: no loaded release is in force on ${dos}; ${r.release} (${dates}) answers instead — import the release in force`,
    };
  });
}
