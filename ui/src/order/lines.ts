// How a cart line reads, in the page's language, from the menu the server sent.

import type { Lang } from '../i18n/lang';
import type { MenuItem } from './api';
import type { OrderText } from './text';
import type { CartLine } from './cart';

export function lineTitle(line: CartLine, items: readonly MenuItem[], lang: Lang): string {
  const item = items.find((i) => i.id === line.item_id);
  const name = item?.names[lang] ?? `#${line.item_id}`;
  const half = line.second_half ? items.find((i) => i.id === line.second_half?.item_id) : undefined;
  const both = half ? `½ ${name} / ½ ${half.names[lang]}` : name;
  const size = item && item.sizes.length > 1 ? item.sizes.find((s) => s.code === line.size)?.names[lang] : undefined;
  return size ? `${both} ${size}` : both;
}

export function lineDetails(line: CartLine, items: readonly MenuItem[], lang: Lang, t: OrderText): string[] {
  const item = items.find((i) => i.id === line.item_id);
  const half = line.second_half ? items.find((i) => i.id === line.second_half?.item_id) : undefined;
  const extraName = (of: MenuItem | undefined, id: number) => of?.extras.find((x) => x.id === id)?.names[lang];
  const ingredientName = (of: MenuItem | undefined, id: number) => of?.ingredients.find((x) => x.id === id)?.names[lang];
  const parts: string[] = [];
  for (const id of line.extras) parts.push(`+ ${extraName(item, id) ?? id}`);
  for (const id of line.second_half?.extras ?? []) parts.push(`+ ${extraName(half, id) ?? id}`);
  for (const id of line.removed_ingredients) parts.push(t.without(ingredientName(item, id) ?? String(id)));
  for (const id of line.second_half?.removed_ingredients ?? []) parts.push(t.without(ingredientName(half, id) ?? String(id)));
  if (line.note.trim()) parts.push(`“${line.note.trim()}”`);
  return parts;
}
