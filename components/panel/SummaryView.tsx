import { hccMappingNote } from '@/lib/audit/hcc';
import type { CodePack } from '@/lib/pack/code-pack';
import type { ServiceLine } from '@/lib/review';
import type { CodedSummary } from '@/lib/summary/schema';
import { hccLabel, HccTag } from './Hcc';
import { ModifiersInput } from './ModifiersInput';

export type ServiceDraft = ServiceLine;

interface Props {
  summary: CodedSummary | undefined;
  problems: string[];
  diagnoses: string[];
  services: ServiceDraft[];
  /** This page's code pack: the CMS-HCC category of each billed diagnosis (none until it is loaded). */
  pack: CodePack | undefined;
  onMoveDx: (code: string, dir: -1 | 1) => void;
  onRemove: (code: string) => void;
  onService: (code: string, patch: Partial<ServiceDraft>) => void;
  children?: React.ReactNode;
}

/**
 * The coded summary being built: diagnoses in claim order with pointers and their CMS-HCC category,
 * service lines, releases.
 */
export function SummaryView({
  summary,
  problems,
  diagnoses,
  services,
  pack,
  onMoveDx,
  onRemove,
  onService,
  children,
}: Props) {
  const hcc = diagnoses.map((code) => (pack ? hccLabel(code, pack) : undefined));
  // The mapping's limits (payment year, code years) once, under the list, when a category is shown.
  const mapping = pack && hcc.some(Boolean) ? hccMappingNote(pack) : undefined;
  return (
    <section aria-label="Coded summary">
      <h2>Coded summary</h2>
      {problems.map((p) => (
        <p key={p} role="alert" className="warn">
          {p}
        </p>
      ))}
      {diagnoses.length === 0 && services.length === 0 && (
        <p className="muted">Accept suggestions (Enter) or add codes from the search to build the summary.</p>
      )}
      <ol className="summary-dx" aria-label="Diagnoses">
        {diagnoses.map((code, i) => (
          <li key={code} data-code={code}>
            <span className="pointer">{summary?.diagnoses[i]?.pointer ?? '?'}</span>{' '}
            <span className="code">{code}</span> {summary?.diagnoses[i]?.description}
            {hcc[i] && ' · '}
            <HccTag label={hcc[i]} />{' '}
            <button type="button" aria-label={`Move ${code} up`} disabled={i === 0} onClick={() => onMoveDx(code, -1)}>
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${code} down`}
              disabled={i === diagnoses.length - 1}
              onClick={() => onMoveDx(code, 1)}
            >
              ↓
            </button>
            <button type="button" aria-label={`Remove ${code}`} onClick={() => onRemove(code)}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      {mapping && <p className="muted">{mapping}.</p>}
      {services.length > 0 && (
        <table className="summary-lines" aria-label="Service lines">
          <thead>
            <tr>
              <th>Code</th>
              <th>Modifiers</th>
              <th>Units</th>
              <th>Pointers</th>
              <th>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((s, i) => (
              <tr key={s.code} data-code={s.code}>
                <td className="code">{s.code}</td>
                <td>
                  <ModifiersInput
                    code={s.code}
                    value={s.modifiers}
                    onChange={(m) => onService(s.code, { modifiers: m })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Units for ${s.code}`}
                    type="number"
                    min={1}
                    value={s.units}
                    onChange={(e) => onService(s.code, { units: Math.max(1, Number(e.target.value) || 1) })}
                    size={3}
                  />
                </td>
                <td>{summary?.lines[i]?.pointers.join('') ?? ''}</td>
                <td>
                  <button type="button" aria-label={`Remove ${s.code}`} onClick={() => onRemove(s.code)}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary && (
        <p className="muted">Coded against {summary.releases.map((r) => `${r.system} ${r.release}`).join(' · ')}</p>
      )}
      {children}
    </section>
  );
}
