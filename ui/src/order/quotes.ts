// Prices from the server as the cart changes: the cart's quote (`POST /quote/lines`), with every
// line the server refuses (sold out, gone from the menu) found and flagged, not only the first.

import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import type { LocalText } from '../i18n/messages';
import { quoteLines, type LinesQuote } from './api';
import { lineIndexOf, type CartLine } from './cart';

/** A line the server refused, with its words in the language they came in. */
export interface LineProblem {
  key: string;
  detail: string;
}

export interface CartQuote {
  /** The quote of the lines the server accepts (null while asking, or for an empty cart). */
  quote: LinesQuote | null;
  /** The keys of the priced lines, in the quote's order. */
  pricedKeys: string[];
  problems: LineProblem[];
  /** Something else went wrong (no connection): said in words, retried on the next change. */
  failure: LocalText | null;
  pending: boolean;
}

const EMPTY: CartQuote = { quote: null, pricedKeys: [], problems: [], failure: null, pending: false };

/** Quotes the cart, leaving out each line the server names, until the rest is priced. */
export async function quoteCart(cart: readonly CartLine[], signal: AbortSignal): Promise<CartQuote> {
  let lines = [...cart];
  const problems: LineProblem[] = [];
  while (lines.length > 0) {
    try {
      const quote = await quoteLines(lines, signal);
      return { quote, pricedKeys: lines.map((l) => l.key), problems, failure: null, pending: false };
    } catch (error) {
      const index = error instanceof ApiError ? lineIndexOf(error.field) : null;
      const line = index === null ? undefined : lines[index];
      if (!(error instanceof ApiError) || !line) throw error;
      problems.push({ key: line.key, detail: error.detail ?? error.title });
      lines = lines.filter((l) => l !== line);
    }
  }
  return { ...EMPTY, problems };
}

/** The cart's quote, asked again when the cart or `version` (a menu refresh) changes. */
export function useCartQuote(cart: readonly CartLine[], version: number, failureText: LocalText): CartQuote {
  const [state, setState] = useState<CartQuote>(EMPTY);
  useEffect(() => {
    if (cart.length === 0) {
      setState(EMPTY);
      return;
    }
    const abort = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      quoteCart(cart, abort.signal).then(
        (quoted) => {
          if (!abort.signal.aborted) setState(quoted);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          const failure: LocalText =
            error instanceof ApiError && error.detail ? () => error.detail ?? '' : failureText;
          setState({ ...EMPTY, failure });
        },
      );
    }, 80);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // failureText is a constant of the catalogue.
  }, [cart, version]);
  return state;
}
