import type { CodeListProblem } from '@/lib/claim/code-list';
import type { TypedCode } from '@/lib/review';

interface Props {
  /** The typed entries that may go on the claim. */
  codes: TypedCode[];
  /** One per entry that may not, in the words `export` refuses it with. */
  problems: CodeListProblem[];
  onAdd: (codes: TypedCode[]) => void;
  /** Adds the code most likely meant ("did you mean E11.22"). */
  onAddMeant: (code: string) => void;
}

const entry = (c: TypedCode) =>
  `${c.code}${c.modifiers.map((m) => `-${m}`).join('')}${c.units > 1 ? ` ×${c.units}` : ''}`;

/** Codes typed in the search box: why an entry cannot go on the claim, and the ones that can. */
export function TypedCodes({ codes, problems, onAdd, onAddMeant }: Props) {
  if (!codes.length && !problems.length) return null;
  const list = codes.map(entry).join(' ');
  return (
    <div aria-label="Typed codes">
      {problems.length > 0 && (
        <ul className="findings" aria-label="Problems in the typed codes">
          {problems.map((p) => (
            <li key={`${p.entry}-${p.kind}`} className="finding error" data-entry={p.entry}>
              {p.message}{' '}
              {p.meant && (
                <button type="button" onClick={() => onAddMeant(p.meant!)} aria-label={`Add ${p.meant} instead`}>
                  Add {p.meant}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {codes.length > 0 && (
        <button type="button" onClick={() => onAdd(codes)} aria-label={`Add ${list} to the summary as typed`}>
          Add {list}
        </button>
      )}
    </div>
  );
}
