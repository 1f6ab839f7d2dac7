import { useMemo } from "react";
import { renderMarkdown } from "../modules/meetings/markdown";
import { MINUTES_ROOT, minutesRef } from "../modules/meetings/minutes";
import { useT } from "./i18n";
import { useSharedText } from "./shared-text";

/** The meeting's minutes, written together (`useSharedText`), with a live preview. */
export function MinutesEditor({ meetingId, initialText, canWrite }: { meetingId: number; initialText: string; canWrite: boolean }) {
  const t = useT();
  const { area, text, ready, writable, status, onInput } = useSharedText(minutesRef(meetingId), MINUTES_ROOT, { initialText, canWrite });
  const preview = useMemo(() => renderMarkdown(text), [text]);

  return (
    <section className="minutes" aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t("minutes.title")}</h2>
      <p className={`connection ${status}`} role="status" data-testid="minutes-status">
        {t(`minutes.status.${status}`)}
      </p>
      {writable ? (
        <div className="minutes-grid">
          <div className="field">
            <label htmlFor="minutes-text">{t("minutes.markdown")}</label>
            <textarea
              id="minutes-text"
              ref={area}
              // Mounted again when writing becomes allowed: it starts from the shared text as it is.
              defaultValue={text}
              readOnly={!ready}
              onInput={onInput}
              rows={20}
              spellCheck
              data-testid="minutes-text"
            />
          </div>
          <div>
            <p className="label">{t("minutes.preview")}</p>
            <div className="minutes-preview" data-testid="minutes-preview" dangerouslySetInnerHTML={{ __html: preview }} />
          </div>
        </div>
      ) : (
        // Readers see the text as it reads, sanitised, following the writers as they type.
        <div className="minutes-preview" data-testid="minutes-preview" dangerouslySetInnerHTML={{ __html: preview }} />
      )}
    </section>
  );
}
