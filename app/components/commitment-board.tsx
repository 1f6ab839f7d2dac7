import { Link } from "@remix-run/react";
import type { BoardFigures, FigureCounts } from "../modules/commitments/board-figures";
import type { BoardItem, BoardView } from "../modules/commitments/board.server";
import { COMMITMENT_STATES, CONFIRMATIONS_NEEDED } from "../modules/commitments/commitment-state";
import { formatDay, formatNumber } from "../modules/i18n/format";
import type { Locale } from "../modules/i18n/locales";
import type { Translate } from "../modules/i18n/translate";
import { FilterSelect } from "./filter-select";
import { Form } from "./form";
import { useLocale, useT } from "./i18n";

/**
 * The accountability board of a space or a commune: its figures, its filters (a plain GET
 * form) and a line per commitment. Plain HTML: nothing here needs the script, and photos load
 * lazily as the reader scrolls to them.
 */
export function CommitmentBoard({ board, csvHref, showSpace }: { board: BoardView; csvHref: string; showSpace: boolean }) {
  const t = useT();
  return (
    <>
      <Headline figures={board.figures} filtered={board.filtered} />
      <Filters board={board} />
      <p className="muted" data-testid="commitment-count">
        {t("commitments.board.count", { count: board.items.length })}
      </p>
      {board.items.length === 0 ? (
        <p>{t("commitments.board.none")}</p>
      ) : (
        <ul className="commitment-list" data-testid="commitments">
          {board.items.map((c) => (
            <Line key={c.id} c={c} showSpace={showSpace} />
          ))}
        </ul>
      )}
      <p className="actions">
        <a href={`${csvHref}${board.query ? `?${board.query}` : ""}`} data-testid="commitments-csv">
          {t("commitments.board.csv")}
        </a>
      </p>
      {board.items.length > 0 ? <Details figures={board.figures} /> : null}
    </>
  );
}

const count = (n: number, locale: Locale) => formatNumber(n, locale);

function Headline({ figures, filtered }: { figures: BoardFigures; filtered: boolean }) {
  const t = useT();
  const locale = useLocale();
  const cells = [
    ["made", figures.made],
    ["claimedDone", figures.claimedDone],
    ["confirmed", figures.confirmed],
    ["overdue", figures.overdue],
  ] as const;
  return (
    <section aria-labelledby="board-figures-title">
      <h2 id="board-figures-title">{t("commitments.board.figures.title")}</h2>
      {filtered ? <p className="hint">{t("commitments.board.figures.filtered")}</p> : null}
      <dl className="board-figures" data-testid="board-figures">
        {cells.map(([key, value]) => (
          <div key={key} data-figure={key}>
            <dt>{t(`commitments.board.figures.${key}`)}</dt>
            <dd>{count(value, locale)}</dd>
          </div>
        ))}
      </dl>
      <p data-testid="board-median">
        {t("commitments.board.figures.median")} :{" "}
        <strong>
          {figures.medianDaysToConfirmed === null
            ? t("commitments.board.figures.noMedian")
            : t("commitments.board.figures.days", { days: formatNumber(figures.medianDaysToConfirmed, locale, { maximumFractionDigits: 1 }) })}
        </strong>
      </p>
    </section>
  );
}

function Filters({ board }: { board: BoardView }) {
  const t = useT();
  const { filters, choices } = board;
  return (
    <Form method="get" className="filters" aria-label={t("filters.apply")}>
      <FilterSelect label={t("commitments.board.filter.authority")} name="authority" value={filters.authority} options={choices.authorities.map((a) => ({ value: a.id, label: a.name }))} />
      <FilterSelect
        label={t("commitments.board.filter.state")}
        name="state"
        value={filters.state}
        options={[{ value: "overdue", label: t("commitments.board.filter.overdue") }, ...COMMITMENT_STATES.map((s) => ({ value: s, label: t(`commitments.state.${s}`) }))]}
      />
      <FilterSelect label={t("commitments.board.filter.theme")} name="theme" value={filters.theme} options={choices.themes.map((theme) => ({ value: theme, label: t(`motions.theme.${theme}`) }))} />
      <FilterSelect label={t("commitments.board.filter.year")} name="year" value={filters.year} options={choices.years.map((year) => ({ value: year, label: String(year) }))} />
      <button type="submit">{t("filters.apply")}</button>
      {board.filtered ? <Link to=".">{t("filters.clear")}</Link> : null}
    </Form>
  );
}

/** What the people said of the claim: confirmed by how many organisations, disputed, or still waiting. */
function verdict(c: BoardItem, t: Translate): string | null {
  if (c.state === "verified") return c.confirmations >= CONFIRMATIONS_NEEDED ? t("commitments.confirmedBy", { count: c.confirmations }) : t("commitments.move.verify");
  // The answers are the current claim's: once work resumes after a dispute, they are history (on the commitment's page).
  if (c.state === "disputed") return c.disputes > 0 ? t("commitments.board.disputedBy", { count: c.disputes }) : null;
  if (c.state !== "claimed_done") return null;
  return c.confirmations > 0 ? t("commitments.board.confirmations", { count: c.confirmations, needed: CONFIRMATIONS_NEEDED }) : t("commitments.board.waiting");
}

function Line({ c, showSpace }: { c: BoardItem; showSpace: boolean }) {
  const t = useT();
  const locale = useLocale();
  const day = (d: string) => formatDay(d, locale);
  const said = verdict(c, t);
  return (
    <li data-commitment={c.id}>
      <p className="commitment-head">
        <Link to={`/espaces/${c.spaceId}/engagements/${c.id}`} discover="none">
          {c.title}
        </Link>
      </p>
      <p className="tags">
        <span className={`tag commitment-state state-${c.state}`}>{t(`commitments.state.${c.state}`)}</span>
        {c.overdueDays !== null ? <span className="tag warn">{t("commitments.flag.overdue", { days: c.overdueDays })}</span> : null}
        {c.dueSoon ? <span className="tag">{t("commitments.flag.dueSoon")}</span> : null}
        {c.noNews ? <span className="tag warn">{t("commitments.flag.noNews")}</span> : null}
        {c.membersOnly ? <span className="tag">{t("commitments.board.membersOnly")}</span> : null}
        <span className="tag">{t(`motions.theme.${c.theme}`)}</span>
      </p>
      {showSpace ? <p className="hint">{t("commitments.board.space", { space: c.spaceName })}</p> : null}
      <p className="hint">
        {c.authority}
        {c.responsible ? ` · ${t("commitments.board.responsible", { name: c.responsible })}` : ""}
      </p>
      <p>
        {t("commitments.board.due", { date: day(c.dueDate) })}
        {c.originalDueDate !== c.dueDate ? ` ${t("commitments.board.dueWas", { date: day(c.originalDueDate) })}` : ""}
        <span className="muted"> · {t("commitments.board.pledged", { date: day(c.pledgedOn) })}</span>
      </p>
      {c.percent !== null ? (
        <p className="commitment-percent">
          <span className="commitment-bar" aria-hidden="true">
            <span style={{ width: `${c.percent}%` }} />
          </span>{" "}
          {t("commitments.board.percent", { percent: c.percent })}
        </p>
      ) : null}
      {said ? <p className="commitment-verdict">{said}</p> : null}
      <p className="hint">
        {c.lastUpdate ? t("commitments.board.lastUpdate", { date: day(c.lastUpdate.day), move: t(`commitments.move.${c.lastUpdate.move}`) }) : t("commitments.board.noUpdate")}
        {c.lastUpdate?.note ? ` — « ${c.lastUpdate.note} »` : ""}
      </p>
      {c.photos.length > 0 ? (
        <ul className="commitment-photos">
          {c.photos.map((p, i) => (
            <li key={p.thumb}>
              <a href={`/preuves/${p.file}`}>
                <img src={`/preuves/${p.thumb}`} width={p.width} height={p.height} alt={t("commitments.board.photo", { n: i + 1, title: c.title })} loading="lazy" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {c.motion ? (
        <p className="hint">
          <Link to={`/espaces/${c.spaceId}/motions/${c.motion.id}`} discover="none">
            {t("commitments.board.motion", { number: c.motion.number })}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function CountsTable<R extends FigureCounts>({ id, caption, head, rows, label }: { id: string; caption: string; head: string; rows: readonly R[]; label: (row: R) => string }) {
  const t = useT();
  const locale = useLocale();
  const columns = ["made", "claimedDone", "confirmed", "overdue"] as const;
  return (
    <div className="table-scroll">
      <table data-testid={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((k) => (
              <th key={k} scope="col" className="num">
                {t(`commitments.board.figures.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={label(row)}>
              <th scope="row">{label(row)}</th>
              {columns.map((k) => (
                <td key={k} className="num">
                  {count(row[k], locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Details({ figures }: { figures: BoardFigures }) {
  const t = useT();
  return (
    <section aria-labelledby="board-details-title" className="board-details">
      <h2 id="board-details-title">{t("commitments.board.figures.details")}</h2>
      <CountsTable id="figures-by-authority" caption={t("commitments.board.figures.byAuthority")} head={t("commitments.board.figures.authority")} rows={figures.byAuthority} label={(r) => r.name} />
      <CountsTable id="figures-by-theme" caption={t("commitments.board.figures.byTheme")} head={t("commitments.board.figures.theme")} rows={figures.byTheme} label={(r) => t(`motions.theme.${r.theme as BoardItem["theme"]}`)} />
      <CountsTable id="figures-by-year" caption={t("commitments.board.figures.byYear")} head={t("commitments.board.figures.year")} rows={figures.byYear} label={(r) => String(r.year)} />
    </section>
  );
}
