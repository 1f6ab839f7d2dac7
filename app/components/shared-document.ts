import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { documentName, type DocumentRef } from "../modules/realtime/document-names";
import type { CommandReply } from "./realtime.client";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

/**
 * The one way a page follows a shared document: by its reference, never a name built by
 * hand. The realtime client loads after the page (phones get the page first); `bind` is
 * called with the document once it exists and returns how to stop following it.
 */
export function useSharedDocument(
  ref: DocumentRef | null,
  options: {
    screenToken?: string;
    /** Where people edit together: the name this client shows the others (awareness). */
    presence?: { name: string };
    bind?: (doc: Y.Doc, events: { onSynced: (run: () => void) => void }) => (() => void) | void;
  } = {},
) {
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  /** The others editing the document now, by the names they show. */
  const [present, setPresent] = useState<string[]>([]);
  const presenceName = options.presence?.name ?? null;
  const [access, setAccess] = useState<"read" | "write" | null>(null);
  const sender = useRef<((name: string, input: Record<string, string>) => Promise<CommandReply> | null) | null>(null);
  const bind = useRef(options.bind);
  bind.current = options.bind;
  const key = ref ? documentName(ref) : null;
  useEffect(() => {
    if (!ref) return;
    let stop = () => {};
    let cancelled = false;
    void import("./realtime.client").then(({ connectDocument, commandSender }) => {
      if (cancelled) return;
      const { doc, provider } = connectDocument(ref, { params: options.screenToken ? { ecran: options.screenToken } : undefined, onAccess: setAccess });
      provider.on("status", ({ status: next }: { status: ConnectionStatus }) => setStatus(next));
      sender.current = commandSender(provider);
      if (presenceName !== null) {
        const awareness = provider.awareness;
        awareness.setLocalStateField("user", { name: presenceName });
        const others = () => {
          const names = [...awareness.getStates().entries()].filter(([id]) => id !== awareness.clientID).map(([, state]) => (state as { user?: { name?: unknown } }).user?.name);
          setPresent([...new Set(names.filter((n): n is string => typeof n === "string" && n !== ""))].sort());
        };
        awareness.on("change", others);
      }
      const unbind = bind.current?.(doc, { onSynced: (run) => (provider.synced ? run() : provider.once("sync", run)) });
      stop = () => {
        sender.current = null;
        unbind?.();
        provider.destroy();
        doc.destroy();
      };
    });
    return () => {
      cancelled = true;
      stop();
    };
    // The reference is compared by the name it stands for.
  }, [key, options.screenToken, presenceName]);
  /** Sends a command on the document's socket; null when the socket is not open (post the form then). */
  const command = (name: string, input: Record<string, string>) => sender.current?.(name, input) ?? null;
  return { status, connected: status === "connected", access, command, present };
}
