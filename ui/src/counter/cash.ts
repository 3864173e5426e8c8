// The cash keypad: the notes offered for what is due, and a typed amount read as cents. The
// change itself comes from the server's answer to the payment.

/** The notes a customer is likely to hand over: €10, €20, €50 (only those that cover it). */
export const NOTES = [1000, 2000, 5000] as const;

export function notesFor(dueCents: number): number[] {
  return NOTES.filter((note) => note >= dueCents);
}

/** `"50"`, `"12,50"`, `"12.5"`, `"€ 20"` → cents; `null` when it is no amount. */
export function parseEuro(typed: string): number | null {
  const cleaned = typed.replace(/[€\s]/g, '').replace(',', '.');
  if (!/^\d{1,5}(\.\d{0,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
