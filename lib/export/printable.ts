import { escapeHtml as esc } from '../util/html';
import type { CodedSummary } from '../summary/schema';
import { summaryToCms1500 } from './cms1500';

/** A self-contained printable page (no scripts, no external resources): summary + 1500 boxes 21/24. */
export function printableSummary(s: CodedSummary): string {
  const pages = summaryToCms1500(s);
  const dx = s.diagnoses
    .map((d) => `<tr><td>${d.pointer}</td><td>${esc(d.code)}</td><td>${esc(d.description)}</td></tr>`)
    .join('');
  const box24 = pages
    .map(
      (p) => `<h3>CMS-1500 page ${p.page} of ${p.of}</h3>
<p>Box 21 (ICD Ind. ${p.box21.icdInd}): ${Object.entries(p.box21.diagnoses)
        .map(([k, v]) => `${k}. ${esc(v)}`)
        .join(' &nbsp; ')}</p>
<table><thead><tr><th>24A from</th><th>to</th><th>24B POS</th><th>24D code</th><th>modifiers</th><th>24E pointer</th><th>24F charges</th><th>24G units</th></tr></thead><tbody>
${p.box24.map((l) => `<tr><td>${l.from}</td><td>${l.to}</td><td>${l.pos}</td><td>${esc(l.code)}</td><td>${l.modifiers.filter(Boolean).map(esc).join(' ')}</td><td>${l.pointers}</td><td>${l.charges}</td><td>${l.units}</td></tr>`).join('\n')}
</tbody></table><p>Total (box 28): ${p.totalCharge}</p>`,
    )
    .join('\n');
  const findings = s.findings
    .map(
      (f) =>
        `<li>[${esc(f.severity)} / ${esc(f.status)}] ${esc(f.message)}${f.reason ? ` — reason: ${esc(f.reason)}` : ''}</li>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coded summary ${esc(s.encounter.dateOfService)}</title>
<style>body{font:13px system-ui;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;text-align:left}</style></head><body>
<h1>Coded summary</h1>
<p>Date of service ${esc(s.encounter.dateOfService)} · place of service ${esc(s.encounter.placeOfService)} (${esc(s.encounter.setting)})${s.encounter.renderingProvider ? ` · ${esc(s.encounter.renderingProvider)}` : ''}</p>
<p>Patient: ${esc([s.patient.name, s.patient.dob, s.patient.memberId].filter(Boolean).join(' · ') || 'to be confirmed')}${s.patient.confirmed ? ' (confirmed)' : ' (not confirmed)'}</p>
<h2>Diagnoses</h2><table><thead><tr><th>Ptr</th><th>Code</th><th>Description</th></tr></thead><tbody>${dx}</tbody></table>
<h2>Claim boxes</h2>${box24}
${findings ? `<h2>Findings</h2><ul>${findings}</ul>` : ''}
<p>Code sets: ${s.releases.map((r) => `${esc(r.system)} ${esc(r.release)} (${esc(r.effectiveFrom)} – ${esc(r.effectiveTo)})`).join('; ')}</p>
</body></html>`;
}
