// The first shop and menu, fetched by index.html before this script arrived; taken once (every
// later refresh asks the server again, through `api.ts`).

import { getMenu, getShop, type Menu, type Shop } from './api';

declare global {
  interface Window {
    fornoEarly?: { shop: Promise<Response>; menu: Promise<Response> };
  }
}

async function json<T>(answer: Promise<Response>, again: () => Promise<T>): Promise<T> {
  try {
    const response = await answer;
    if (response.ok) return (await response.json()) as T;
  } catch {
    // The early request failed (offline a moment): ask the usual way, which says why.
  }
  return again();
}

/** The shop and the menu: the early answers the first time, the server's fresh ones after. */
export function shopAndMenu(): Promise<[Shop, Menu]> {
  const early = window.fornoEarly;
  if (!early) return Promise.all([getShop(), getMenu()]);
  delete window.fornoEarly;
  return Promise.all([json(early.shop, getShop), json(early.menu, getMenu)]);
}
