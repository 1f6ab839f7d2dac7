import * as Y from "yjs";
import type { Db } from "../../db/client";
import { documentName } from "../../app/modules/realtime/document-names";
import type { RealtimePort } from "../../app/modules/realtime/port";
import { DocumentStore } from "./persistence";

/**
 * The realtime port of a process with no screens attached (seeding a database, a script):
 * documents are read and written in the store directly, and nothing needs publishing, since
 * every projection is rebuilt from the database when a server opens it.
 */
export function offlineRealtimePort(db: Db): RealtimePort {
  const store = new DocumentStore(db);
  const withDoc = <T,>(name: string, use: (doc: Y.Doc) => T): T => {
    const doc = new Y.Doc();
    try {
      store.load(name, doc);
      return use(doc);
    } finally {
      doc.destroy();
    }
  };
  return {
    publish: () => undefined,
    readText: (ref, root) => withDoc(documentName(ref), (doc) => doc.getText(root).toString()),
    seedText: (ref, root, text) =>
      withDoc(documentName(ref), (doc) => {
        const body = doc.getText(root);
        if (body.length > 0) return;
        doc.on("update", (update: Uint8Array) => store.append(documentName(ref), update));
        body.insert(0, text());
      }),
  };
}
