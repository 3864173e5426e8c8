// Euro amounts and minutes as the owner types them. Money stays integer cents on the wire; the
// form shows Dutch text ("2,50") and reads back what people write ("2,5", "€ 2,50", "2.50").

/** `250` → `2,50`: the text an amount input starts with (no euro sign, no thousands dots). */
export function euroText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * What the owner typed as a euro amount, in cents; `null` when it is not an amount. Empty means
 * zero (no fee). A comma is the decimal mark; dots before it group thousands ("1.250,00"). Without
 * a comma, a dot followed by one or two digits is read as the decimal mark too ("2.50").
 */
export function centsFromEuroText(text: string): number | null {
  const compact = text.replace(/[€\s\u00a0]/g, '');
  if (compact === '') return 0;
  let euros: string;
  let cents = '';
  const comma = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})?$/.exec(compact);
  const dot = /^(\d+)\.(\d{1,2})$/.exec(compact);
  const whole = /^(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(compact);
  if (comma?.[1] !== undefined) {
    euros = comma[1];
    cents = comma[2] ?? '';
  } else if (dot?.[1] !== undefined && dot[2] !== undefined) {
    euros = dot[1];
    cents = dot[2];
  } else if (whole?.[1] !== undefined) {
    euros = whole[1];
  } else {
    return null;
  }
  const value = Number(euros.replace(/\./g, '')) * 100 + Number(cents.padEnd(2, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** A whole number of minutes as typed ("20", " 5 "); `null` when it is not one. */
export function minutesFromText(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  return Number(trimmed);
}
