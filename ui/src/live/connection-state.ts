// What a screen tells people about its link to the shop server. Every screen shows it
// (conventions: "every screen shows whether it is live").

export type ConnectionState =
  /** The first connection attempt since the page opened. */
  | { kind: 'connecting' }
  /** WebSocket open and welcomed: changes show up as they happen. */
  | { kind: 'live' }
  /** Lost the socket at `since`; retrying. `attempt` counts the retries so far. */
  | { kind: 'reconnecting'; since: Date; attempt: number }
  /** The socket keeps failing, but `GET` polling reaches the server: changes arrive within seconds. */
  | { kind: 'polling'; since: Date }
  /** Neither the socket nor polling reaches the server since `since`. */
  | { kind: 'offline'; since: Date };

export function sameState(a: ConnectionState, b: ConnectionState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'reconnecting' && b.kind === 'reconnecting') {
    return a.attempt === b.attempt && a.since.getTime() === b.since.getTime();
  }
  if ('since' in a && 'since' in b) return a.since.getTime() === b.since.getTime();
  return true;
}
