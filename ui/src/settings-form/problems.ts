// A server's answer to saving the settings (422, problem+json with `field`), turned into a
// Dutch sentence next to the input it names. The server names fields by their JSON path in what
// was sent ("shop.zones[0].postcodes[1]", "hours.tue", "hours[3].open"); the form names inputs
// by id (inputs.ts). The server's detail comes in the page's language (the page sends it as
// Accept-Language) but is worded for any client, so each field gets the form's own sentence and
// the detail (Dutch or English) is only used to tell two rules on the same field apart.

import { ApiError } from '../api/http';
import type { Weekday } from '../api/types';
import { sentPeriods, WEEKDAY_NAMES, type ShopForm } from './form';
import { inputIds, sectionOfInput, type Section } from './inputs';
import { postcodeList } from './postcodes';

export interface FieldProblem {
  /** The input (or group of inputs) to show the message at and to focus. */
  inputId: string;
  section: Section;
  message: string;
}

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
  const message = detail && TEXT_RULE.test(detail) ? detail : found.message;
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
): { inputId: string; message: string } | null {
  const path = field.replace(/^shop\./, '');
  switch (path) {
    case 'name':
      return { inputId: inputIds.name, message: 'Vul de naam van uw zaak in.' };
    case 'address':
      return { inputId: inputIds.address, message: 'Dit adres klopt niet.' };
    case 'phone':
      return { inputId: inputIds.phone, message: 'Dit telefoonnummer klopt niet.' };
    case 'vat_number':
      return {
        inputId: inputIds.vatNumber,
        message: `“${form.vatNumber.trim()}” is geen btw-nummer. Een Nederlands btw-nummer ziet eruit als NL123456789B01; laat het veld leeg als u het nog niet weet.`,
      };
    case 'prep_time_minutes':
      return {
        inputId: inputIds.prepTime,
        message: 'De bereidingstijd ligt tussen 1 en 240 minuten.',
      };
    case 'pickup_enabled':
    case 'delivery_enabled':
      return { inputId: inputIds.fulfilment, message: 'Kies afhalen, bezorgen of allebei.' };
    case 'zones':
      return {
        inputId: inputIds.zones,
        message: 'Om te bezorgen is minstens één bezorggebied nodig: voeg er een toe.',
      };
    case 'hours':
      return { inputId: inputIds.hours, message: 'De openingstijden kloppen niet.' };
    case 'owner.name':
      return {
        inputId: inputIds.ownerName,
        message: /40/.test(detail) ? 'Houd uw naam op 40 tekens of minder.' : 'Vul uw naam in.',
      };
    case 'owner.pin':
      return {
        inputId: inputIds.ownerPin,
        message: /try|1234|1111/i.test(detail)
          ? 'Deze pincode raadt iedereen als eerste (zoals 1111 of 1234). Kies een andere.'
          : 'Een pincode is 4 tot 8 cijfers, verder niets.',
      };
  }
  return placeHours(path, detail, form) ?? placeZone(path, form);
}

function placeHours(
  path: string,
  detail: string,
  form: ShopForm,
): { inputId: string; message: string } | null {
  const day = /^hours\.(mon|tue|wed|thu|fri|sat|sun)$/.exec(path)?.[1] as Weekday | undefined;
  if (day) {
    const name = WEEKDAY_NAMES[day];
    return {
      inputId: inputIds.day(day),
      message: /overlap/i.test(detail)
        ? `De tijden op ${name} overlappen elkaar. Laat het ene tijdvak eindigen voor het volgende begint.`
        : `Op ${name} moet elk tijdvak sluiten na het openen. Sluit u om middernacht, schrijf dan 24:00.`,
    };
  }
  const period = /^hours\[(\d+)\]\.(open|close|weekday)$/.exec(path);
  if (period?.[1] && period[2]) {
    const sent = sentPeriods(form)[Number(period[1])];
    if (!sent) return { inputId: inputIds.hours, message: 'De openingstijden kloppen niet.' };
    const [weekday, , index] = sent;
    if (period[2] === 'weekday') {
      return { inputId: inputIds.day(weekday), message: 'Deze dag kent de kassa niet.' };
    }
    const inputId =
      period[2] === 'open'
        ? inputIds.periodOpen(weekday, index)
        : inputIds.periodClose(weekday, index);
    return { inputId, message: 'Schrijf een tijd zoals 16:30 (24:00 is middernacht).' };
  }
  if (path.startsWith('exceptions')) {
    // Holidays are not edited on these pages; say so rather than point at nothing.
    return {
      inputId: inputIds.hours,
      message: `Een afwijkende dag (zoals een feestdag) klopt niet; die staat niet op deze pagina. De kassa zegt: ${detail}`,
    };
  }
  return null;
}

function placeZone(path: string, form: ShopForm): { inputId: string; message: string } | null {
  const zone = /^zones\[(\d+)\](?:\.(name|postcodes|id)(?:\[(\d+)\])?)?$/.exec(path);
  if (!zone?.[1]) return null;
  const index = Number(zone[1]);
  const which = zone[2];
  if (which === 'name') {
    return { inputId: inputIds.zoneName(index), message: 'Geef het bezorggebied een naam.' };
  }
  if (which === 'postcodes' && zone[3] !== undefined) {
    const typed = postcodeList(form.zones[index]?.postcodes ?? '')[Number(zone[3])];
    const what = typed
      ? `“${typed}” is geen postcode of reeks.`
      : 'Een van de postcodes klopt niet.';
    return {
      inputId: inputIds.zonePostcodes(index),
      message: `${what} Schrijf 4 cijfers (1017) of een reeks (1011-1018), gescheiden door komma's.`,
    };
  }
  if (which === 'postcodes') {
    return {
      inputId: inputIds.zonePostcodes(index),
      message: 'Vul de postcodes in waar u bezorgt: 4 cijfers (1017) of een reeks (1011-1018).',
    };
  }
  if (which === 'id') {
    return { inputId: inputIds.zone(index), message: 'Dit bezorggebied staat er twee keer in.' };
  }
  return {
    inputId: inputIds.zone(index),
    message: 'Bezorgkosten, minimumbedrag en extra minuten kunnen niet negatief zijn.',
  };
}
