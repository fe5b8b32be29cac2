/** A calendar date (YYYY-MM-DD) with the browser's own accessible date picker. */
export function DateInput({
  value,
  onUpdate,
  disabled,
  ...aria
}: {
  value: string;
  onUpdate: (value: string) => void;
  disabled?: boolean;
  'aria-label': string;
}) {
  return (
    <input
      type="date"
      className="date-input"
      value={value}
      disabled={disabled}
      onChange={(e) => onUpdate(e.target.value)}
      {...aria}
    />
  );
}
