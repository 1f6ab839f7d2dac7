import { useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { renderMarkdown } from "../modules/meetings/markdown";
import { useT } from "./i18n";

/**
 * The meeting's minutes, written together: a plain textarea bound to the shared Y.Text, and
 * a live preview. Local typing becomes the smallest insert and delete; remote changes move
 * the caret as they should. Edits made while the connection is down merge when it returns.
 */
export function MinutesEditor({ meetingId, initialText, canWrite }: { meetingId: number; initialText: string; canWrite: boolean }) {
  const t = useT();
  const area = useRef<HTMLTextAreaElement>(null);
  const ytext = useRef<Y.Text | null>(null);
  const [text, setText] = useState(initialText);
  const [status, setStatus] = useState<"connecting" | "connected" | "disconnected">("connecting");
  // Typing is kept only once the shared text is there; after that, offline edits wait and merge.
  const [ready, setReady] = useState(false);
  const preview = useMemo(() => renderMarkdown(text), [text]);

  useEffect(() => {
    let stop = () => {};
    void import("./realtime.client").then(({ connectDocument }) => {
      const { doc, provider } = connectDocument(`meeting:${meetingId}:minutes`);
      const shared = doc.getText("body");
      ytext.current = shared;
      provider.on("status", ({ status: next }: { status: "connecting" | "connected" | "disconnected" }) => setStatus(next));
      const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        const el = area.current;
        if (!el || transaction.local) return;
        let start = el.selectionStart;
        let end = el.selectionEnd;
        let index = 0;
        for (const op of event.delta) {
          if (op.retain) index += op.retain;
          else if (typeof op.insert === "string") {
            if (index < start) start += op.insert.length;
            if (index < end) end += op.insert.length;
            index += op.insert.length;
          } else if (op.delete) {
            if (index < start) start = Math.max(index, start - op.delete);
            if (index < end) end = Math.max(index, end - op.delete);
          }
        }
        el.value = shared.toString();
        if (document.activeElement === el) el.setSelectionRange(start, end);
        setText(el.value);
      };
      shared.observe(onChange);
      provider.once("sync", () => {
        if (area.current) area.current.value = shared.toString();
        setText(shared.toString());
        setReady(true);
      });
      stop = () => {
        shared.unobserve(onChange);
        provider.destroy();
        doc.destroy();
        ytext.current = null;
      };
    });
    return () => stop();
  }, [meetingId]);

  const onInput = () => {
    const el = area.current;
    const shared = ytext.current;
    if (!el || !shared) return;
    const next = el.value;
    const previous = shared.toString();
    let prefix = 0;
    while (prefix < next.length && prefix < previous.length && next[prefix] === previous[prefix]) prefix++;
    let suffix = 0;
    while (suffix < next.length - prefix && suffix < previous.length - prefix && next[next.length - 1 - suffix] === previous[previous.length - 1 - suffix]) suffix++;
    shared.doc!.transact(() => {
      const removed = previous.length - prefix - suffix;
      if (removed > 0) shared.delete(prefix, removed);
      const inserted = next.slice(prefix, next.length - suffix);
      if (inserted) shared.insert(prefix, inserted);
    });
    setText(next);
  };

  return (
    <section className="minutes" aria-labelledby="minutes-title">
      <h2 id="minutes-title">{t("minutes.title")}</h2>
      <p className={`connection ${status}`} role="status" data-testid="minutes-status">
        {t(`minutes.status.${status}`)}
      </p>
      <div className="minutes-grid">
        <div className="field">
          <label htmlFor="minutes-text">{t("minutes.markdown")}</label>
          <textarea
            id="minutes-text"
            ref={area}
            defaultValue={initialText}
            readOnly={!canWrite || !ready}
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
    </section>
  );
}
