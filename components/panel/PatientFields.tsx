import type { PatientDraft } from '@/lib/review';

export type { PatientDraft };

/**
 * Patient identifiers and the rendering provider for the claim: prefilled from the chart header
 * when a portal adapter reads one, always editable, and marked confirmed only by the coder.
 */
export function PatientFields({
  value,
  fromChart,
  onChange,
}: {
  value: PatientDraft;
  fromChart: boolean;
  onChange: (p: PatientDraft) => void;
}) {
  const field = (key: 'name' | 'dob' | 'memberId' | 'provider', label: string, placeholder: string) => (
    <label>
      {label}{' '}
      <input
        value={value[key]}
        placeholder={placeholder}
        onChange={(e) => onChange({ ...value, [key]: e.target.value, confirmed: false })}
      />
    </label>
  );
  return (
    <fieldset className="patient" aria-label="Patient and provider">
      <legend>Patient {fromChart ? '(read from the chart header)' : '(optional)'}</legend>
      {field('name', 'Name', 'Last, First')}
      {field('dob', 'Date of birth', 'YYYY-MM-DD')}
      {field('memberId', 'Member id', '')}
      {field('provider', 'Rendering provider', '')}
      <label>
        <input
          type="checkbox"
          checked={value.confirmed}
          onChange={(e) => onChange({ ...value, confirmed: e.target.checked })}
        />{' '}
        I checked these against the chart
      </label>
    </fieldset>
  );
}
