import { AGE_KEYS, SEX_KEYS, type AgeKey, type SexKey } from "../modules/people/disaggregation";
import { useT } from "./i18n";

/**
 * People counted by sex and age group, typed in: one small box per cell, all blank for no
 * breakdown (the hands for in a poll, a commitment's beneficiaries).
 */
export function BreakdownInputs({ values, field, cellLabel, className }: { values: Record<string, string>; field: (sex: SexKey, age: AgeKey) => string; cellLabel: (sex: string, age: string) => string; className: string }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className={className}>
        <thead>
          <tr>
            <th scope="col">{t("polls.sex")}</th>
            {AGE_KEYS.map((age) => (
              <th key={age} scope="col">
                {t(`age.${age}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SEX_KEYS.map((sex) => (
            <tr key={sex}>
              <th scope="row">{t(`sex.${sex}`)}</th>
              {AGE_KEYS.map((age) => (
                <td key={age}>
                  <input name={field(sex, age)} inputMode="numeric" autoComplete="off" aria-label={cellLabel(t(`sex.${sex}`), t(`age.${age}`))} defaultValue={values[field(sex, age)] ?? ""} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
