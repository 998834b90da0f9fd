import { parseCodeList } from './parse-code-list';
import type { Encounter, Unparsed } from '../checks/schema';
import { dotIcd } from '../codesets/code-format';
import { codeSystemOf } from '../domain/code-system';
import type { CodePack } from '../pack/code-pack';

/**
 * A code list read strictly against the pack, once, for every surface that takes one (`export`,
 * the batch audit's claims, the panel's search box): the shape (parseCodeList: dots, modifiers,
 * units, words), then each code against the release in force on the date of service — unknown,
 * a header (not billable), deleted or not yet valid — with the code most likely meant.
 */
export interface CodeListProblem {
  /** The entry as written. */
  entry: string;
  kind: 'shape' | 'unknown' | 'header' | 'deleted' | 'not-yet-valid';
  message: string;
  /** The code most likely meant, when there is one in the pack ("did you mean E11.22"). */
  meant?: string;
}

export interface StrictCodeList extends Pick<Encounter, 'diagnoses' | 'services' | 'unparsed'> {
  problems: CodeListProblem[];
}

const list = (codes: string[]) => (codes.length > 3 ? `${codes.slice(0, 3).join(', ')} …` : codes.join(', '));

function shapeProblem(u: Unparsed, pack: CodePack): CodeListProblem {
  const known = u.meant ? pack.codeInfo(u.meant) : undefined;
  return {
    entry: u.text,
    kind: 'shape',
    message: `"${u.text}" is not a code as written: ${u.reason}${known ? `; did you mean ${known.code} (${known.title})?` : ''}`,
    ...(known ? { meant: known.code } : {}),
  };
}

/** The nearest code above an unknown one that the pack has (E11.99 -> E11.9 -> E11). */
function nearestKnown(code: string, pack: CodePack): string | undefined {
  for (let c = dotIcd(code); c.replace('.', '').length >= 3; c = dotIcd(c.replace('.', '').slice(0, -1))) {
    if (pack.codeInfo(c)) return c;
  }
  return undefined;
}

function icdProblem(code: string, pack: CodePack, dateOfService?: string): CodeListProblem | undefined {
  const status = dateOfService ? pack.icdStatusOn(code, dateOfService) : undefined;
  const release = status?.release ?? pack.currentIcdRelease?.label ?? 'the loaded release';
  if (status?.deleted) {
    const repl = status.deleted.replacements.map((r) => r.code);
    return {
      entry: code,
      kind: 'deleted',
      message: `${code} is not valid in ICD-10-CM ${status.release} (${status.deleted.nowHeader ? 'now a header' : 'deleted'}; billable in ${status.deleted.previous})${repl.length ? `: report ${list(repl)}` : ''}`,
      ...(repl.length === 1 ? { meant: repl[0] } : {}),
    };
  }
  if (status?.addedLater)
    return {
      entry: code,
      kind: 'not-yet-valid',
      message: `${code} is not valid in ICD-10-CM ${status.release} (the date of service); it is added in ${status.addedLater}`,
    };
  const info = pack.codeInfo(code);
  if (!info || (status && !status.inRelease)) {
    const near = nearestKnown(code, pack);
    const nearInfo = near ? pack.codeInfo(near) : undefined;
    const options = nearInfo
      ? nearInfo.billable
        ? [nearInfo.code]
        : nearInfo.children.filter((c) => c.billable).map((c) => c.code)
      : [];
    return {
      entry: code,
      kind: 'unknown',
      message: `${code} is not an ICD-10-CM code in ${release}${options.length ? `; did you mean ${list(options)}?` : ''}`,
      ...(options.length === 1 ? { meant: options[0] } : {}),
    };
  }
  if (!info.billable) {
    const options = info.children.filter((c) => c.billable).map((c) => c.code);
    const deeper = options.length ? options : info.children.map((c) => c.code);
    return {
      entry: code,
      kind: 'header',
      message: `${code} is a header in ${release}, not billable: report a more specific code${deeper.length ? ` (${list(deeper)})` : ''}`,
    };
  }
  return undefined;
}

/**
 * Parses and checks a code list ("E11.22,N18.32,99214-25,J1885x2"). HCPCS Level II codes are
 * checked when the pack holds a HCPCS release; CPT codes cannot be (no CPT descriptors ship).
 */
export function readCodeList(text: string, pack: CodePack, dateOfService?: string): StrictCodeList {
  const parsed = parseCodeList(text);
  const problems: CodeListProblem[] = parsed.unparsed.map((u) => shapeProblem(u, pack));
  for (const d of parsed.diagnoses) {
    const p = icdProblem(d.code, pack, dateOfService);
    if (p) problems.push(p);
  }
  const hasHcpcs = pack.sources.some((s) => s.system === 'HCPCS');
  for (const s of parsed.services) {
    if (hasHcpcs && codeSystemOf(s.code) === 'HCPCS' && pack.lookup(s.code)?.system !== 'HCPCS') {
      // "E1122" is HCPCS-shaped; written without its dot it may be the ICD-10-CM code E11.22.
      const icd = pack.codeInfo(dotIcd(s.code));
      problems.push({
        entry: s.code,
        kind: 'unknown',
        message: `${s.code} is not a HCPCS Level II code in the loaded release${icd ? `; did you mean ${icd.code} (${icd.title})?` : ''}`,
        ...(icd ? { meant: icd.code } : {}),
      });
    }
  }
  return { ...parsed, problems };
}
