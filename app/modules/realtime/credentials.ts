/** What a socket was opened with: a session (or none), and the shared screen's link if any. */
export interface SocketCredentials {
  userId: string | null;
  sessionId: string | null;
  screenToken: string | null;
  /** When the session the socket was opened with expires (ms), if it has one. */
  sessionExpiresAt: number | null;
}
