import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useFetchers, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { useEffect, useState } from "react";
import { z } from "zod";
import { Breadcrumb } from "../components/breadcrumb";
import { FormError } from "../components/field";
import { useLocale, useT } from "../components/i18n";
import { AttendancePanel } from "../components/live-attendance";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { isAdmin } from "../modules/auth/permissions";
import { formValues } from "../modules/forms";
import { formatNumber } from "../modules/i18n/format";
import { meetingFigures } from "../modules/meetings/attendance.server";
import { headcountMessage } from "../modules/meetings/door-codes";
import { cellKey, type HeadcountCell } from "../modules/meetings/headcount";
import { getHeadcount, tapHeadcount, undoHeadcount } from "../modules/meetings/headcount.server";
import { meetingRowFromParams } from "../modules/meetings/meeting-params.server";
import { canChangeAttendance } from "../modules/meetings/meeting-state";
import { AGE_GROUP_IDS, type AgeGroupId } from "../modules/people/age-groups";
import { SEXES } from "../modules/people/sex";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "headcount.title");

/**
 * Headcount mode, for a crowd whose names are not taken (a forum, a feedback session): one
 * button per sex × age group cell, each tap one anonymous attendance row, a "−1" per cell.
 * Plain forms without JavaScript (post, then back here); with it, fetchers: no page reload.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const space = getSpace(context.db, meeting.spaceId)!;
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
    space: { id: space.id, name: space.name },
    writable: canChangeAttendance(meeting.status, { admin: isAdmin(current.actor) }),
    disability: new URL(request.url).searchParams.get("handicap") === "1",
    counts: getHeadcount(context.db, meeting.id),
    figures: meetingFigures(context.db, meeting).figures,
  };
}

const CellSchema = z.object({
  intent: z.enum(["tap", "undo"]),
  sex: z.enum(SEXES),
  ageGroup: z.enum(AGE_GROUP_IDS as [AgeGroupId, ...AgeGroupId[]]),
  disability: z.enum(["0", "1"]).transform((v) => v === "1"),
  js: z.literal("1").optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const parsed = CellSchema.safeParse(formValues(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { intent, js, ...cell } = parsed.data;
  const command = intent === "tap" ? tapHeadcount : undoHeadcount;
  const result = command(context, current.actor, meeting.id, cell, context.now());
  if (!result.ok) return data({ error: headcountMessage(result.code) }, { status: result.code === "forbidden" ? 403 : 409 });
  // Without JavaScript: post/redirect/get, back to the same counters (a refresh adds no one).
  if (!js) throw redirect(new URL(request.url).pathname + (cell.disability ? "?handicap=1" : ""), { headers: { "Cache-Control": "no-store" } });
  return { ok: true as const };
}

export default function Headcount() {
  const { meeting, space, writable, disability, counts, figures } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Taps on their way (each its own fetcher): counted at once, confirmed by the server's figures.
  const pending = usePendingTaps();
  const count = (cell: HeadcountCell) => Math.max(0, (counts[cellKey(cell)] ?? 0) + (pending.get(cellKey(cell)) ?? 0));
  const counted = Object.entries(counts)
    .filter(([key]) => key.endsWith(disability ? ":1" : ":0"))
    .reduce((sum, [key, n]) => sum + n + (pending.get(key) ?? 0), 0);
  const base = `/espaces/${space.id}/reunions/${meeting.id}`;
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }, { to: base, label: meeting.title }, { to: `${base}/presences`, label: t("attendance.title") }]} />
      <h1>{t("headcount.title")}</h1>
      <p>{t("headcount.help")}</p>
      <FormError error={result && "error" in result ? result.error : undefined} />
      {!writable ? <p className="notice">{t("attendance.locked")}</p> : null}
      {writable ? (
        <>
          <p className="headcount-mode">
            {disability ? <strong>{t("headcount.disabilityMode")} </strong> : null}
            <Link className="button small" to={disability ? "?" : "?handicap=1"} replace>
              {t(disability ? "headcount.disabilityOff" : "headcount.disabilityOn")}
            </Link>
          </p>
          <p className="muted" data-testid="headcount-counted">
            {t("headcount.counted", { count: formatNumber(counted, locale) })}
          </p>
          <div className={`headcount-grid${disability ? " disability" : ""}`} data-testid="headcount">
            {AGE_GROUP_IDS.map((ageGroup) => (
              <div className="headcount-row" key={ageGroup}>
                <h2 className="headcount-age">{t(`age.${ageGroup}`)}</h2>
                {SEXES.map((sex) => {
                  const cell = { sex, ageGroup, disability };
                  const labels = { sex: t(`sex.${sex}`), age: t(`age.${ageGroup}`) };
                  const n = count(cell);
                  return (
                    <div className={`headcount-cell ${sex}`} key={sex}>
                      <CellForm cell={cell} intent="tap" js={hydrated}>
                        <button type="submit" className="headcount-tap" aria-label={t("headcount.add", labels)} data-testid={`tap-${sex}-${ageGroup}`}>
                          <span className="headcount-sex">{t(`sex.${sex}`)}</span>
                          <span className="headcount-count" data-testid={`count-${sex}-${ageGroup}`}>
                            {formatNumber(n, locale)}
                          </span>
                        </button>
                      </CellForm>
                      <CellForm cell={cell} intent="undo" js={hydrated}>
                        <button type="submit" className="small headcount-undo" aria-label={t("headcount.undo", labels)} disabled={n === 0} data-testid={`undo-${sex}-${ageGroup}`}>
                          −1
                        </button>
                      </CellForm>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </>
      ) : null}
      <AttendancePanel meetingId={meeting.id} initial={figures} live={meeting.status !== "closed"} />
      <p>
        <Link to={`${base}/presences`}>← {t("attendance.title")}</Link>
      </p>
    </>
  );
}

/** One button's form: a plain post without JavaScript, a fetcher of its own with it (no navigation). */
function CellForm({ cell, intent, js, children }: { cell: HeadcountCell; intent: "tap" | "undo"; js: boolean; children: React.ReactNode }) {
  return (
    <Form method="post" navigate={false} repeatable className="headcount-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="sex" value={cell.sex} />
      <input type="hidden" name="ageGroup" value={cell.ageGroup} />
      <input type="hidden" name="disability" value={cell.disability ? "1" : "0"} />
      {js ? <input type="hidden" name="js" value="1" /> : null}
      {children}
    </Form>
  );
}

/** +1 or −1 per cell for each tap sent and not yet reflected in the page's data. */
function usePendingTaps(): Map<string, number> {
  const pending = new Map<string, number>();
  for (const fetcher of useFetchers()) {
    const form = fetcher.formData;
    if (!form) continue;
    const intent = form.get("intent");
    if (intent !== "tap" && intent !== "undo") continue;
    const key = `${form.get("sex")}:${form.get("ageGroup")}:${form.get("disability")}`;
    pending.set(key, (pending.get(key) ?? 0) + (intent === "tap" ? 1 : -1));
  }
  return pending;
}
