// Every sentence of the shop's settings form (the setup wizard and the settings page share it):
// labels and hints, and what the form says about what was typed or what the server refused.

import { messages } from '../i18n/messages';

export const formText = messages({
  nl: {
    weekday: {
      mon: 'maandag',
      tue: 'dinsdag',
      wed: 'woensdag',
      thu: 'donderdag',
      fri: 'vrijdag',
      sat: 'zaterdag',
      sun: 'zondag',
    },
    profile: {
      name: 'Naam van de zaak',
      nameHint: 'Zo heet uw zaak op de bestelpagina en op de bonnen.',
      address: 'Adres',
      addressHint: 'Straat, huisnummer en plaats. Klanten zien het bij afhalen.',
      phone: 'Telefoonnummer',
      vatNumber: 'Btw-nummer (mag leeg blijven)',
      vatNumberHint: 'Bijvoorbeeld NL123456789B01. Het staat op de bonnen.',
    },
    hours: {
      intro:
        'Klanten kunnen bestellen binnen deze tijden. Sluit u om middernacht, schrijf dan 24:00. Een dag met een middag- en een avondopening krijgt twee tijdvakken.',
      open: 'Open',
      openOn: (day: string) => ` op ${day}`,
      closed: 'Gesloten',
      addPeriod: '+ Tijdvak',
      addPeriodOn: (day: string) => `Tijdvak toevoegen op ${day}`,
      from: 'van',
      until: 'tot',
      /** Said after "van"/"tot" for screen readers: which day, and which period when there are more. */
      which: (day: string, period: number | null) =>
        period === null ? ` (${day})` : ` (${day}, tijdvak ${period})`,
      remove: 'Verwijderen',
      removePeriod: (period: number, day: string) => `Tijdvak ${period} op ${day} verwijderen`,
    },
    sales: {
      how: 'Hoe krijgen klanten hun bestelling?',
      pickup: 'Afhalen in de zaak',
      delivery: 'Bezorgen',
      prepTime: 'Bereidingstijd (minuten)',
      prepTimeHint:
        'Hoe lang een bestelling gemiddeld duurt tot ze klaar is. Klanten kunnen niet eerder kiezen.',
      zones: 'Bezorggebieden',
      zonesIntro:
        'Per gebied: de postcodes, de bezorgkosten, het minimale bedrag van een bestelling en hoeveel langer bezorgen daar duurt.',
      zonesKept: ' U bezorgt nu niet; de gebieden blijven bewaard.',
      addZone: '+ Bezorggebied toevoegen',
      zoneTitle: (number: number) => `Bezorggebied ${number}`,
      zoneName: 'Naam',
      zoneNamePlaceholder: 'Centrum',
      postcodes: 'Postcodes',
      postcodesHint: "4 cijfers of een reeks, met komma's ertussen: 1011-1018, 1020",
      fee: 'Bezorgkosten (€)',
      minimum: 'Minimumbedrag (€)',
      extraMinutes: 'Extra minuten',
      removeZone: (title: string) => `${title} verwijderen`,
    },
    /** What the page itself says about what was typed (before sending). */
    typed: {
      amount: 'Schrijf een bedrag in euro, zoals 2,50 (of laat het leeg voor € 0,00).',
      minutes: 'Schrijf een heel aantal minuten, zoals 20.',
      timeEmpty: 'Vul een tijd in, zoals 16:30.',
      notATime: (typed: string) =>
        `“${typed}” is geen tijd; schrijf een tijd zoals 16:30 (24:00 is middernacht).`,
    },
    /** What the server refused, at the input it names. */
    refused: {
      name: 'Vul de naam van uw zaak in.',
      address: 'Dit adres klopt niet.',
      phone: 'Dit telefoonnummer klopt niet.',
      vatNumber: (typed: string) =>
        `“${typed}” is geen btw-nummer. Een Nederlands btw-nummer ziet eruit als NL123456789B01; laat het veld leeg als u het nog niet weet.`,
      prepTime: 'De bereidingstijd ligt tussen 1 en 240 minuten.',
      fulfilment: 'Kies afhalen, bezorgen of allebei.',
      zones: 'Om te bezorgen is minstens één bezorggebied nodig: voeg er een toe.',
      hours: 'De openingstijden kloppen niet.',
      ownerNameTooLong: 'Houd uw naam op 40 tekens of minder.',
      ownerName: 'Vul uw naam in.',
      pinGuessable:
        'Deze pincode raadt iedereen als eerste (zoals 1111 of 1234). Kies een andere.',
      pinShape: 'Een pincode is 4 tot 8 cijfers, verder niets.',
      periodsOverlap: (day: string) =>
        `De tijden op ${day} overlappen elkaar. Laat het ene tijdvak eindigen voor het volgende begint.`,
      closesBeforeOpening: (day: string) =>
        `Op ${day} moet elk tijdvak sluiten na het openen. Sluit u om middernacht, schrijf dan 24:00.`,
      unknownDay: 'Deze dag kent de kassa niet.',
      time: 'Schrijf een tijd zoals 16:30 (24:00 is middernacht).',
      exception: (detail: string) =>
        `Een afwijkende dag (zoals een feestdag) klopt niet; die staat niet op deze pagina. De kassa zegt: ${detail}`,
      zoneName: 'Geef het bezorggebied een naam.',
      postcode: (typed: string | null) =>
        `${typed ? `“${typed}” is geen postcode of reeks.` : 'Een van de postcodes klopt niet.'} Schrijf 4 cijfers (1017) of een reeks (1011-1018), gescheiden door komma's.`,
      postcodesMissing:
        'Vul de postcodes in waar u bezorgt: 4 cijfers (1017) of een reeks (1011-1018).',
      zoneTwice: 'Dit bezorggebied staat er twee keer in.',
      zoneAmounts: 'Bezorgkosten, minimumbedrag en extra minuten kunnen niet negatief zijn.',
    },
  },
  en: {
    weekday: {
      mon: 'Monday',
      tue: 'Tuesday',
      wed: 'Wednesday',
      thu: 'Thursday',
      fri: 'Friday',
      sat: 'Saturday',
      sun: 'Sunday',
    },
    profile: {
      name: 'Name of the shop',
      nameHint: 'Your shop’s name on the ordering page and on receipts.',
      address: 'Address',
      addressHint: 'Street, number and town. Customers see it when they pick up.',
      phone: 'Phone number',
      vatNumber: 'VAT number (may stay empty)',
      vatNumberHint: 'For example NL123456789B01. It is printed on receipts.',
    },
    hours: {
      intro:
        'Customers can order within these hours. If you close at midnight, write 24:00. A day with a lunch and an evening opening gets two periods.',
      open: 'Open',
      openOn: (day: string) => ` on ${day}`,
      closed: 'Closed',
      addPeriod: '+ Period',
      addPeriodOn: (day: string) => `Add a period on ${day}`,
      from: 'from',
      until: 'until',
      which: (day: string, period: number | null) =>
        period === null ? ` (${day})` : ` (${day}, period ${period})`,
      remove: 'Remove',
      removePeriod: (period: number, day: string) => `Remove period ${period} on ${day}`,
    },
    sales: {
      how: 'How do customers get their order?',
      pickup: 'Pickup at the shop',
      delivery: 'Delivery',
      prepTime: 'Preparation time (minutes)',
      prepTimeHint:
        'How long an order takes on average until it is ready. Customers cannot choose an earlier time.',
      zones: 'Delivery zones',
      zonesIntro:
        'Per zone: the postcodes, the delivery fee, the minimum order amount and how much longer delivery there takes.',
      zonesKept: ' You do not deliver now; the zones are kept.',
      addZone: '+ Add a delivery zone',
      zoneTitle: (number: number) => `Delivery zone ${number}`,
      zoneName: 'Name',
      zoneNamePlaceholder: 'Centre',
      postcodes: 'Postcodes',
      postcodesHint: '4 digits or a range, separated by commas: 1011-1018, 1020',
      fee: 'Delivery fee (€)',
      minimum: 'Minimum amount (€)',
      extraMinutes: 'Extra minutes',
      removeZone: (title: string) => `Remove ${title}`,
    },
    typed: {
      amount: 'Write an amount in euros, like 2,50 or 2.50 (or leave it empty for €0.00).',
      minutes: 'Write a whole number of minutes, like 20.',
      timeEmpty: 'Fill in a time, like 16:30.',
      notATime: (typed: string) =>
        `“${typed}” is not a time; write a time like 16:30 (24:00 is midnight).`,
    },
    refused: {
      name: 'Fill in the name of your shop.',
      address: 'This address is not right.',
      phone: 'This phone number is not right.',
      vatNumber: (typed: string) =>
        `“${typed}” is not a VAT number. A Dutch VAT number looks like NL123456789B01; leave the field empty if you do not know it yet.`,
      prepTime: 'The preparation time is between 1 and 240 minutes.',
      fulfilment: 'Choose pickup, delivery or both.',
      zones: 'Delivery needs at least one delivery zone: add one.',
      hours: 'The opening hours are not right.',
      ownerNameTooLong: 'Keep your name to 40 characters or fewer.',
      ownerName: 'Fill in your name.',
      pinGuessable: 'Everybody guesses this PIN first (like 1111 or 1234). Choose another one.',
      pinShape: 'A PIN is 4 to 8 digits, nothing else.',
      periodsOverlap: (day: string) =>
        `The times on ${day} overlap. Let one period end before the next one starts.`,
      closesBeforeOpening: (day: string) =>
        `On ${day} every period must close after it opens. If you close at midnight, write 24:00.`,
      unknownDay: 'The counter does not know this day.',
      time: 'Write a time like 16:30 (24:00 is midnight).',
      exception: (detail: string) =>
        `A special day (such as a holiday) is not right; it is not on this page. The counter says: ${detail}`,
      zoneName: 'Give the delivery zone a name.',
      postcode: (typed: string | null) =>
        `${typed ? `“${typed}” is not a postcode or range.` : 'One of the postcodes is not right.'} Write 4 digits (1017) or a range (1011-1018), separated by commas.`,
      postcodesMissing:
        'Fill in the postcodes you deliver to: 4 digits (1017) or a range (1011-1018).',
      zoneTwice: 'This delivery zone is in the list twice.',
      zoneAmounts: 'Delivery fee, minimum amount and extra minutes cannot be negative.',
    },
  },
});
