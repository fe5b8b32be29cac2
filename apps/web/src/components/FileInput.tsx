/** A file picker in the app's words (the browser's own says «Choose File» in its UI language). */
export function FileInput({
  id,
  label,
  accept,
  file,
  onChange,
}: {
  id: string;
  label: string;
  accept: string;
  file: File | null;
  onChange: (file: File | null) => void;
}) {
  return (
    <div className="file-input">
      <input
        id={id}
        className="file-input__control"
        type="file"
        accept={accept}
        aria-label={label}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <label htmlFor={id} className="file-input__button">
        Выбрать файл
      </label>
      <span className={file ? 'file-input__name' : 'muted'}>{file ? file.name : 'Файл не выбран'}</span>
    </div>
  );
}
