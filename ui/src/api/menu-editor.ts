// The owner's menu editor (docs/api.md "Menu editor"): read it all, then one request per change.
// Each change is one `menu.updated` event on the server; the editor reloads after it.

import { requestJson } from './http';
import type { components } from './schema';

type Schemas = components['schemas'];

export function loadEditor(): Promise<Schemas['MenuEditorDto']> {
  return requestJson<Schemas['MenuEditorDto']>('/api/v1/menu/editor');
}

export function createCategory(body: Schemas['CategoryBody']): Promise<Schemas['CreatedDto']> {
  return requestJson('/api/v1/menu/categories', { method: 'POST', body });
}

export function updateCategory(id: number, body: Schemas['CategoryBody']): Promise<void> {
  return requestJson(`/api/v1/menu/categories/${id}`, { method: 'PUT', body });
}

export function archiveCategory(id: number, archived: boolean): Promise<void> {
  return requestJson(`/api/v1/menu/categories/${id}/archive`, { method: 'POST', body: { archived } });
}

export function reorderCategories(ids: number[]): Promise<void> {
  return requestJson('/api/v1/menu/categories/order', { method: 'PUT', body: { ids } });
}

export function reorderItems(categoryId: number, ids: number[]): Promise<void> {
  return requestJson(`/api/v1/menu/categories/${categoryId}/items/order`, { method: 'PUT', body: { ids } });
}

export function createItem(body: Schemas['ItemBody']): Promise<Schemas['CreatedDto']> {
  return requestJson('/api/v1/menu/items', { method: 'POST', body });
}

export function updateItem(id: number, body: Schemas['ItemBody']): Promise<unknown> {
  return requestJson(`/api/v1/menu/items/${id}`, { method: 'PUT', body });
}

export function archiveItem(id: number, archived: boolean): Promise<void> {
  return requestJson(`/api/v1/menu/items/${id}/archive`, { method: 'POST', body: { archived } });
}

export function setSoldOut(id: number, soldOut: boolean): Promise<void> {
  return requestJson(`/api/v1/menu/items/${id}/sold-out`, { method: 'POST', body: { sold_out: soldOut } });
}

export function createExtra(body: Schemas['ExtraBody']): Promise<Schemas['CreatedDto']> {
  return requestJson('/api/v1/menu/extras', { method: 'POST', body });
}

/** Sends the file's bytes as they are; the server checks that it is an image and scales it. */
export function uploadPhoto(itemId: number, file: Blob): Promise<Schemas['PhotoDto']> {
  return requestJson(`/api/v1/menu/items/${itemId}/photo`, { method: 'PUT', body: file });
}

/** Takes the item's photo away; the menu then shows none. */
export function removePhoto(itemId: number): Promise<void> {
  return requestJson(`/api/v1/menu/items/${itemId}/photo`, { method: 'DELETE' });
}
