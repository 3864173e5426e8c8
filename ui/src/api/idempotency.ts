// Idempotency-Key for creates (`POST /orders`): a retry after a lost answer or a double tap
// must never make a second order.

/** A random key, also on a LAN address over plain http (where `crypto.randomUUID` is absent). */
export function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keys for one attempt at a time: the same body asked again gets the same key (the server then
 * answers with the order it already placed), a changed body gets a new one. Start a new
 * `attemptKeys()` once an order is done, so that an identical next order is a new order.
 */
export function attemptKeys(): (body: unknown) => string {
  let last: { body: string; key: string } | null = null;
  return (body) => {
    const text = JSON.stringify(body);
    if (last?.body !== text) last = { body: text, key: randomKey() };
    return last.key;
  };
}
