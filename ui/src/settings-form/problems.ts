// A server's answer to saving the settings (422, problem+json with `field`), turned into a
// sentence of the page's own next to the input it names. The server names fields by their JSON
// path in what was sent ("shop.zones[0].postcodes[1]", "hours.tue", "hours[3].open"); the form
// names inputs by id (inputs.ts). Each field gets the form's own sentence (text.ts), which says
// what to type; the server's detail only tells two rules on the same field apart, and is matched
// in both languages (it follows the page's Accept-Language once the server speaks Dutch).

import { ApiError } from '../api/http';
import type { Weekday } from '../api/types';
import type { Lang } from '../i18n/lang';
import type { LocalText } from '../i18n/messages';
import { sentPeriods, weekdayName, type ShopForm } from './form';
import { inputIds, sectionOfInput, type Section } from './inputs';
import { postcodeList } from './postcodes';
import { formText } from './text';

export interface FieldProblem {
  /** The input (or group of inputs) to show the message at and to focus. */
  inputId: string;
  section: Section;
  message: LocalText;
}

/** The form's sentences about what the server refused, in the language asked for. */
const refused = (lang: Lang) => formText[lang].refused;

/**
 * Where a server's 422 belongs and what to say there; `null` when it names no field this form
 * has (show the server's message above the form then).
 */
export function fieldProblem(
  field: string | null,
  detail: string | null,
  form: ShopForm,
): FieldProblem | null {
  if (!field) return null;
  const found = placeField(field, detail ?? '', form);
  if (!found) return null;
  // The rule every typed text must pass (no control characters, a length) says best itself what
  // is wrong: the form's own sentence for the field ("fill in the name") would mislead.
  // It comes in the language the page asked for when it was sent.
  const message: LocalText = detail && TEXT_RULE.test(detail) ? () => detail : found.message;
  return { ...found, message, section: sectionOfInput(found.inputId) };
}

/** A detail from forno-domain's text rule, in Dutch or English. */
const TEXT_RULE = /stuurteken|control character|^Dit is te lang:|^This is too long:/;

/** The same, straight from a caught error (anything that is not a 422 with a field: null). */
export function problemOfError(error: unknown, form: ShopForm): FieldProblem | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  return fieldProblem(error.field, error.detail, form);
}

function placeField(
  field: string,
  detail: string,
  form: ShopForm,
): { inputId: string; message: LocalText } | null {
  const path = field.replace(/^shop\./, '');
  switch (path) {
    case 'name':
      return { inputId: inputIds.name, message: (lang) => refused(lang).name };
    case 'address':
      return { inputId: inputIds.address, message: (lang) => refused(lang).address };
    case 'phone':
      return { inputId: inputIds.phone, message: (lang) => refused(lang).phone };
    case 'vat_number': {
      const typed = form.vatNumber.trim();
      return { inputId: inputIds.vatNumber, message: (lang) => refused(lang).vatNumber(typed) };
    }
    case 'prep_time_minutes':
      return { inputId: inputIds.prepTime, message: (lang) => refused(lang).prepTime };
    case 'pickup_enabled':
    case 'delivery_enabled':
      return { inputId: inputIds.fulfilment, message: (lang) => refused(lang).fulfilment };
    case 'zones':
      return { inputId: inputIds.zones, message: (lang) => refused(lang).zones };
    case 'hours':
      return { inputId: inputIds.hours, message: (lang) => refused(lang).hours };
    case 'owner.name': {
      const tooLong = /40/.test(detail);
      return {
        inputId: inputIds.ownerName,
        message: (lang) => (tooLong ? refused(lang).ownerNameTooLong : refused(lang).ownerName),
      };
    }
    case 'owner.pin': {
      const guessable = /try|probe|raad|1234|1111/i.test(detail);
      return {
        inputId: inputIds.ownerPin,
        message: (lang) => (guessable ? refused(lang).pinGuessable : refused(lang).pinShape),
      };
    }
  }
  return placeHours(path, detail, form) ?? placeZone(path, form);
}

function placeHours(
  path: string,
  detail: string,
  form: ShopForm,
): { inputId: string; message: LocalText } | null {
  const day = /^hours\.(mon|tue|wed|thu|fri|sat|sun)$/.exec(path)?.[1] as Weekday | undefined;
  if (day) {
    // "overlap" (en) and "overlappen" (nl) alike.
    const overlap = /overlap/i.test(detail);
    return {
      inputId: inputIds.day(day),
      message: (lang) =>
        overlap
          ? refused(lang).periodsOverlap(weekdayName(day, lang))
          : refused(lang).closesBeforeOpening(weekdayName(day, lang)),
    };
  }
  const period = /^hours\[(\d+)\]\.(open|close|weekday)$/.exec(path);
  if (period?.[1] && period[2]) {
    const sent = sentPeriods(form)[Number(period[1])];
    if (!sent) return { inputId: inputIds.hours, message: (lang) => refused(lang).hours };
    const [weekday, , index] = sent;
    if (period[2] === 'weekday') {
      return { inputId: inputIds.day(weekday), message: (lang) => refused(lang).unknownDay };
    }
    const inputId =
      period[2] === 'open'
        ? inputIds.periodOpen(weekday, index)
        : inputIds.periodClose(weekday, index);
    return { inputId, message: (lang) => refused(lang).time };
  }
  if (path.startsWith('exceptions')) {
    // Holidays are not edited on these pages; say so rather than point at nothing.
    return { inputId: inputIds.hours, message: (lang) => refused(lang).exception(detail) };
  }
  return null;
}

function placeZone(path: string, form: ShopForm): { inputId: string; message: LocalText } | null {
  const zone = /^zones\[(\d+)\](?:\.(name|postcodes|id)(?:\[(\d+)\])?)?$/.exec(path);
  if (!zone?.[1]) return null;
  const index = Number(zone[1]);
  const which = zone[2];
  if (which === 'name') {
    return { inputId: inputIds.zoneName(index), message: (lang) => refused(lang).zoneName };
  }
  if (which === 'postcodes' && zone[3] !== undefined) {
    const typed = postcodeList(form.zones[index]?.postcodes ?? '')[Number(zone[3])] ?? null;
    return {
      inputId: inputIds.zonePostcodes(index),
      message: (lang) => refused(lang).postcode(typed),
    };
  }
  if (which === 'postcodes') {
    return {
      inputId: inputIds.zonePostcodes(index),
      message: (lang) => refused(lang).postcodesMissing,
    };
  }
  if (which === 'id') {
    return { inputId: inputIds.zone(index), message: (lang) => refused(lang).zoneTwice };
  }
  return { inputId: inputIds.zone(index), message: (lang) => refused(lang).zoneAmounts };
}
