// Message catalogues: every text a page shows, in Dutch and in English, typed so that a text
// missing in one language (or present in only one) does not compile.
//
//   export const loginText = messages({
//     nl: { title: 'Inloggen', wrongPin: 'Naam of pincode klopt niet.' },
//     en: { title: 'Log in', wrongPin: 'Name or PIN is wrong.' },
//   });
//   const t = useText(loginText); ... <h1>{t.title}</h1>
//
// Texts with parts are functions (`order: (number: string) => \`Bestelling ${number}\``), so
// each language puts the parts where its grammar wants them. catalogues.test.ts checks every
// catalogue in the `text.ts` files once more at run time (same keys, same kinds, same arity).

import type { Lang } from './lang';

/** A text, or a text with parts, or a group of them. */
export type Message = string | ((...parts: never[]) => string);
export interface MessageTree {
  readonly [key: string]: Message | MessageTree;
}

/** One tree of texts per language, of the same shape. */
export type Catalogue<T extends MessageTree> = Readonly<Record<Lang, T>>;

/** The shape of a tree of texts: its keys and parts, any words (`'Klaar'` becomes `string`). */
export type Shape<T> = T extends string
  ? string
  : T extends (...parts: infer P) => string
    ? (...parts: P) => string
    : { readonly [K in keyof T]: Shape<T[K]> };

/**
 * A catalogue. The Dutch texts set the shape; the English ones must have exactly that shape
 * (`NoInfer`: English cannot change it, and extra keys are excess properties).
 */
export function messages<T extends MessageTree>(texts: {
  nl: T;
  en: NoInfer<Shape<T>>;
}): Catalogue<Shape<T>> {
  // Sound, though tsc cannot see it through the generic: Shape<T> only widens T's literal types.
  return texts as unknown as Catalogue<Shape<T>>;
}

/**
 * A text worded when it is shown, not when it was made: an error kept in a component's state
 * reads in the language the page has when it shows it, also after a switch.
 */
export type LocalText = (lang: Lang) => string;
