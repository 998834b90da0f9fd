import type { CodedSummary } from '../summary/schema';

/** Plain text for the clipboard: what a biller pastes into a note field or a message. */
export function summaryText(s: CodedSummary): string {
  const out: string[] = [];
  out.push(
    `Date of service ${s.encounter.dateOfService} · POS ${s.encounter.placeOfService} (${s.encounter.setting})${s.encounter.renderingProvider ? ` · ${s.encounter.renderingProvider}` : ''}`,
  );
  if (s.patient.name || s.patient.memberId)
    out.push(
      `Patient ${[s.patient.name, s.patient.dob, s.patient.memberId].filter(Boolean).join(' · ')}${s.patient.confirmed ? '' : ' (not confirmed)'}`,
    );
  out.push('Diagnoses:');
  for (const d of s.diagnoses) out.push(`  ${d.pointer}. ${d.code}  ${d.description}`);
  if (s.lines.length) out.push('Services:');
  s.lines.forEach((l, i) =>
    out.push(
      `  ${i + 1}. ${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} x${l.units}  pointers ${l.pointers.join('')}${l.charge !== undefined ? `  $${l.charge.toFixed(2)}` : ''}${l.description ? `  ${l.description}` : ''}`,
    ),
  );
  const open = s.findings.filter((f) => f.status === 'open');
  if (s.findings.length)
    out.push(`Findings: ${open.length} open, ${s.findings.length - open.length} resolved/acknowledged/overridden`);
  for (const f of s.findings)
    out.push(`  [${f.severity}/${f.status}] ${f.message}${f.reason ? ` (reason: ${f.reason})` : ''}`);
  out.push(
    `Code sets: ${s.releases.map((r) => `${r.system} ${r.release} (${r.effectiveFrom} – ${r.effectiveTo})`).join('; ')}`,
  );
  return out.join('\n');
}
