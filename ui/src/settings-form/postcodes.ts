// A delivery zone's postcodes as one line of text: "1011-1018, 1020" ⇄ ["1011-1018", "1020"].
// Whether each one is a valid postcode or range is the server's rule (forno-domain's zones).

/** The list the server stores, from what the owner typed: split on commas, semicolons or spaces. */
export function postcodeList(text: string): string[] {
  return text
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;]+/)
    .filter((part) => part !== '');
}

/** The text a postcode input starts with. */
export function postcodeText(postcodes: readonly string[]): string {
  return postcodes.join(', ');
}
