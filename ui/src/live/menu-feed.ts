// The ordering page's live menu: one socket to `/api/v1/ws/menu`. Every `menu.updated` (an item
// added or archived, a price, sold out, a photo), every `shop.updated` (the pause, the prep time)
// and every reconnect calls `changed`, which fetches the shop and menu again, so an open page
// shows the owner's change, or that the counter paused online orders, without a reload. Small on
// purpose (the page's JavaScript budget): no replay, no seq; after a gap the page just fetches
// the menu. The page's refresh on focus stays as the fallback when sockets are blocked.

import { reconnectDelay } from './backoff';

export function followMenu(changed: () => void): () => void {
  let socket: WebSocket | null = null;
  let failures = 0;
  let welcomed = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    if (stopped || typeof WebSocket === 'undefined') return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/v1/ws/menu`);
    socket = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', after: null }));
    };
    ws.onmessage = (message) => {
      let type: unknown;
      try {
        type = (JSON.parse(String(message.data)) as { type?: unknown }).type;
      } catch {
        return;
      }
      if (type === 'welcome') {
        // A reconnect: changes may have come while the socket was down.
        if (welcomed) changed();
        welcomed = true;
        failures = 0;
      } else if (type === 'menu.updated' || type === 'shop.updated') {
        changed();
      }
    };
    ws.onclose = () => {
      socket = null;
      if (!stopped) timer = setTimeout(open, reconnectDelay(++failures));
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
