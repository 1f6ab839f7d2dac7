import { useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { renderMarkdown } from "../modules/meetings/markdown";
import { MINUTES_ROOT, minutesRef } from "../modules/meetings/minutes";
import { useT } from "./i18n";
import { useSharedDocument } from "./shared-document";

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
  // Typing is kept only once the shared text is there; after that, offline edits wait and merge.
  const [ready, setReady] = useState(false);
  const preview = useMemo(() => renderMarkdown(text), [text]);

  const shared = useSharedDocument(minutesRef(meetingId), {
    bind: (doc, { onSynced }) => {
      const body = doc.getText(MINUTES_ROOT);
      ytext.current = body;
      const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        const el = area.current;
        if (transaction.local) return;
        // A reader has no textarea: the rendered text follows the shared one.
        if (!el) return setText(body.toString());
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
        el.value = body.toString();
        if (document.activeElement === el) el.setSelectionRange(start, end);
        setText(el.value);
      };
      body.observe(onChange);
      onSynced(() => {
        if (area.current) area.current.value = body.toString();
        setText(body.toString());
        setReady(true);
      });
      return () => {
        body.unobserve(onChange);
        ytext.current = null;
      };
    },
  });
  // The server says when writing stops being allowed (the meeting closed), without a reload.
  const writable = (shared.access ?? (canWrite ? "write" : "read")) === "write";
  const status = shared.status;

  const onInput = () => {
    const el = area.current;
    const body = ytext.current;
    if (!el || !body || !writable) return;
    const next = el.value;
    const previous = body.toString();
    let prefix = 0;
    while (prefix < next.length && prefix < previous.length && next[prefix] === previous[prefix]) prefix++;
    let suffix = 0;
    while (suffix < next.length - prefix && suffix < previous.length - prefix && next[next.length - 1 - suffix] === previous[previous.length - 1 - suffix]) suffix++;
    body.doc!.transact(() => {
      const removed = previous.length - prefix - suffix;
      if (removed > 0) body.delete(prefix, removed);
      const inserted = next.slice(prefix, next.length - suffix);
      if (inserted) body.insert(prefix, inserted);
    });
    setText(next);
  };

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
