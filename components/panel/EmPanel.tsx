import { FAMILIES, familyLabel, type EmResult, type Span } from '@/lib/em/em';
import type { VisitChoice } from '@/lib/review';

interface Props {
  em: EmResult;
  /** 'auto': the family read from the note; else the coder's choice for this chart. */
  visit: VisitChoice;
  accepted: boolean;
  onVisit: (v: VisitChoice) => void;
  onAccept: (code: string | undefined) => void;
  onShow: (spans: Span[]) => void;
}

const BASIS: Record<EmResult['basis'], string> = {
  time: 'total time',
  mdm: 'medical decision making',
  default: 'no time documented (lower code)',
  age: 'age and patient status',
  extent: 'extent of the examination',
  none: '',
};

const ELEMENTS = [
  ['problems', 'Problems addressed'],
  ['data', 'Data reviewed and analysed'],
  ['risk', 'Risk of patient management'],
] as const;

/** A quoted piece of the note that highlights its words in the page. */
function Quote({ span, onShow, max = 60 }: { span: Span; onShow: Props['onShow']; max?: number }) {
  return (
    <button type="button" className="link" onClick={() => onShow([span])}>
      “{span.text.length > max ? `${span.text.slice(0, max)}…` : span.text}”
    </button>
  );
}

/** How the family was chosen, in the coder's words. */
function FamilyLine({ em, visit, onShow }: Pick<Props, 'em' | 'visit' | 'onShow'>) {
  const detected = em.detected.family;
  const reads = detected === 'none' ? 'an operative or procedure note (no E/M)' : familyLabel(detected);
  return (
    <p className="muted" data-testid="em-family">
      Family: <strong>{familyLabel(em.kind)}</strong>
      {em.status ? ` (${em.status} patient)` : ''}
      {visit === 'auto'
        ? em.detected.confident
          ? ` — read from the note: ${em.detected.why.join('; ')} `
          : ' — no family cue in the note: the setting’s default '
        : detected !== em.kind
          ? ` — chosen by you; the note reads as ${reads} `
          : ' — chosen by you '}
      {em.detected.evidence.slice(0, 2).map((s) => (
        <Quote key={s.start} span={s} onShow={onShow} max={40} />
      ))}
    </p>
  );
}

/** E/M: the family (read from the note or chosen), the level, the three MDM elements with their words, and what the next level needs. */
export function EmPanel({ em, visit, accepted, onVisit, onAccept, onShow }: Props) {
  return (
    <section aria-label="E/M level">
      <h2>E/M level</h2>
      <label>
        Visit family{' '}
        <select value={visit} onChange={(e) => onVisit(e.target.value as VisitChoice)}>
          <option value="auto">Read from the note</option>
          {FAMILIES.map((f) => (
            <option key={f} value={f}>
              {familyLabel(f)}
            </option>
          ))}
        </select>
      </label>
      <FamilyLine em={em} visit={visit} onShow={onShow} />
      {em.code ? (
        <p data-testid="em-level">
          <span className="code">{em.code}</span> {em.label} — by {BASIS[em.basis]}
          {em.basis === 'time' ? ` (${em.timeMinutes} min)` : em.basis === 'mdm' ? ` (${em.mdm.level})` : ''}{' '}
          <button type="button" aria-pressed={accepted} onClick={() => onAccept(accepted ? undefined : em.code)}>
            {accepted ? 'In summary' : 'Add to summary'}
          </button>
        </p>
      ) : (
        <p className="muted">
          No E/M level: {em.nothingToLevel ?? 'neither the documented time nor MDM supports a level.'}
        </p>
      )}
      {em.timeMinutes !== undefined && em.timeEvidence && (
        <p className="muted">
          Time: {em.timeMinutes} min <Quote span={em.timeEvidence} onShow={onShow} />
        </p>
      )}
      {em.mdm.applies && (
        <dl className="mdm" aria-label="Medical decision making">
          <dt>
            MDM: <strong>{em.mdm.level}</strong> <span className="muted">(two of three elements)</span>
          </dt>
          {ELEMENTS.map(([name, label]) => (
            <dd key={name} data-element={name}>
              {label}: <strong>{em.mdm[name]}</strong> <span className="muted">{em.mdm.why[name]}</span>{' '}
              {em.mdm.evidence[name].slice(0, 3).map((s) => (
                <Quote key={`${s.start}-${s.end}`} span={s} onShow={onShow} />
              ))}
            </dd>
          ))}
        </dl>
      )}
      {em.nextLevel && <p data-testid="em-next">Next level: {em.nextLevel}</p>}
      {em.advice.map((a) => (
        <p key={a} className="muted">
          {a}
        </p>
      ))}
      <p className="muted">
        Advisory: the family and the MDM elements are read from the note's structure and words; the coder decides.
      </p>
    </section>
  );
}
