import { useT } from "./i18n";

/** One filter of a list's GET form: a labelled select whose first choice, "all", filters nothing. */
export function FilterSelect({ label, name, value, options }: { label: string; name: string; value: string | number | undefined | null; options: readonly { value: string | number; label: string }[] }) {
  const t = useT();
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{t("filters.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
