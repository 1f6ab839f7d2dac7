import { useRef, useState } from "react";
import type * as Y from "yjs";
import type { DocumentRef } from "../modules/realtime/document-names";
import { useSharedDocument } from "./shared-document";

/**
 * A plain textarea bound to a shared Y.Text (minutes, a report's section): local typing becomes
 * the smallest insert and delete; remote changes move the caret as they should. Edits made
 * while the connection is down merge when it returns. The server says when writing stops
 * being allowed (a meeting closed, a report published), without a reload.
 */
export function useSharedText(ref: DocumentRef, root: string, options: { initialText: string; canWrite: boolean; presence?: { name: string } }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const ytext = useRef<Y.Text | null>(null);
  const [text, setText] = useState(options.initialText);
  // Typing is kept only once the shared text is there; after that, offline edits wait and merge.
  const [ready, setReady] = useState(false);

  const shared = useSharedDocument(ref, {
    presence: options.presence,
    bind: (doc, { onSynced }) => {
      const body = doc.getText(root);
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
  const writable = (shared.access ?? (options.canWrite ? "write" : "read")) === "write";

  /** Applies what the textarea now holds to the shared text: the smallest change. */
  const replace = (next: string) => {
    const body = ytext.current;
    if (!body || !writable) return;
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
  const onInput = () => {
    if (area.current) replace(area.current.value);
  };
  /** Inserts text at the caret (a figure, a testimony), as if typed there. */
  const insertAtCaret = (snippet: string) => {
    const el = area.current;
    if (!el || !ready || !writable) return;
    const at = el.selectionEnd;
    el.value = `${el.value.slice(0, at)}${snippet}${el.value.slice(at)}`;
    el.setSelectionRange(at + snippet.length, at + snippet.length);
    el.focus();
    replace(el.value);
  };
  return { area, text, ready, writable, status: shared.status, present: shared.present, onInput, insertAtCaret };
}
