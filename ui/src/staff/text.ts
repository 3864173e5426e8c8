// Every sentence of the staff page (`/staff`: login, the order board, the kitchen view).

import { messages } from '../i18n/messages';

export const staffText = messages({
  nl: {
    title: 'Bestellingen · Forno',
    titleWithNew: (count: number) => `(${count} nieuw) Bestellingen · Forno`,
    unreachableTitle: 'Kassa niet bereikbaar',
    unreachable:
      'Deze pagina kan de Forno-server niet bereiken. Controleer of Forno draait; we proberen het elke paar seconden opnieuw.',
    kitchenWaitsForSetup:
      'Deze zaak wordt nog ingesteld aan de kassa. Daarna logt u hier in, of koppelt u dit scherm met de QR-code die de kassa laat zien.',
    sessionEnded: 'Je sessie is verlopen. Log opnieuw in.',
    login: {
      title: 'Inloggen',
      name: 'Naam',
      pin: 'Pincode',
      submit: 'Inloggen',
      busy: 'Bezig…',
      unreachable: 'De kassa is niet bereikbaar. Controleer of Forno draait en probeer het opnieuw.',
      wrong: 'Naam of pincode klopt niet. Probeer het opnieuw.',
      locked:
        'Te vaak een verkeerde pincode: dit account is 5 minuten geblokkeerd. Vraag de eigenaar of wacht even.',
      tooMany: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
      failed: (why: string) => `Inloggen lukt niet: ${why}`,
    },
    feed: {
      loading: 'Bestellingen laden…',
      failed: (why: string) => `De bestellingen laden niet: ${why}. We proberen het zo opnieuw.`,
      unreachable: 'De kassa is niet bereikbaar. We proberen het elke paar seconden opnieuw.',
    },
    board: {
      settings: 'Instellingen',
      printers: 'Printers',
      logOut: 'Uitloggen',
      heading: 'Openstaande bestellingen',
      empty: 'Geen openstaande bestellingen. Nieuwe bestellingen verschijnen hier vanzelf.',
      columns: {
        number: 'Nr.',
        time: 'Tijd',
        channel: 'Kanaal',
        customer: 'Klant',
        total: 'Totaal',
        status: 'Status',
        next: 'Volgende stap',
      },
      newOrders: (numbers: string) => `Nieuwe bestelling: ${numbers}`,
      newBadge: 'NIEUW',
      acknowledge: (number: string) => `NIEUW: bestelling ${number} markeren als gezien`,
      moveLabel: (action: string, number: string) => `${action}: bestelling ${number}`,
      waitsForCounter: 'Wacht op de kassa',
      cancelLabel: (number: string) => `Bestelling ${number} annuleren`,
      payment: { unpaid: 'onbetaald', partly_paid: '· deels betaald', paid: '· betaald ✓', refunded: '· terugbetaald' },
    },
    cancel: {
      heading: (number: string) => `Bestelling ${number} annuleren`,
      reason: 'Reden (komt in het logboek)',
      needsManager:
        'De keuken heeft deze bestelling al: annuleren mag jouw rol niet alleen. Laat een manager of de eigenaar naam en pincode intypen.',
      back: 'Terug',
      confirm: 'Bestelling annuleren',
    },
    move: {
      unreachable: (number: string, target: string) =>
        `Bestelling ${number} staat nog niet op ${target}: de kassa is niet bereikbaar. Probeer het zo opnieuw.`,
      forbidden: (number: string, target: string) =>
        `Je rol mag bestelling ${number} niet op ${target} zetten. Vraag een collega met meer rechten.`,
      conflict: (number: string, target: string, why: string) =>
        `Bestelling ${number} kan niet op ${target}: ${why} De lijst toont de actuele stand.`,
      failed: (number: string, target: string, why: string) =>
        `Bestelling ${number} staat nog niet op ${target}: ${why}`,
    },
    kitchenWindow: {
      open: 'Keukenscherm openen',
      close: 'Keukenscherm sluiten',
      failed: (why: string) => `Het keukenscherm lukte niet: ${why}`,
      notInApp: 'Dit kan alleen in de Forno-app op de kassa.',
    },
  },
  en: {
    title: 'Orders · Forno',
    titleWithNew: (count: number) => `(${count} new) Orders · Forno`,
    unreachableTitle: 'Counter cannot be reached',
    unreachable:
      'This page cannot reach the Forno server. Check that Forno is running; we try again every few seconds.',
    kitchenWaitsForSetup:
      'This shop is still being set up at the counter. Then log in here, or pair this screen with the QR code the counter shows.',
    sessionEnded: 'Your session has ended. Please log in again.',
    login: {
      title: 'Log in',
      name: 'Name',
      pin: 'PIN',
      submit: 'Log in',
      busy: 'Logging in…',
      unreachable: 'The counter cannot be reached. Check that Forno is running and try again.',
      wrong: 'Name or PIN is not right. Please try again.',
      locked:
        'Too many wrong PINs: this account is locked for 5 minutes. Ask the owner or wait a moment.',
      tooMany: 'Too many attempts. Wait a moment, then try again.',
      failed: (why: string) => `Logging in did not work: ${why}`,
    },
    feed: {
      loading: 'Loading orders…',
      failed: (why: string) => `The orders do not load: ${why}. We will try again shortly.`,
      unreachable: 'The counter cannot be reached. We try again every few seconds.',
    },
    board: {
      settings: 'Settings',
      printers: 'Printers',
      logOut: 'Log out',
      heading: 'Open orders',
      empty: 'No open orders. New orders appear here by themselves.',
      columns: {
        number: 'No.',
        time: 'Time',
        channel: 'Channel',
        customer: 'Customer',
        total: 'Total',
        status: 'Status',
        next: 'Next step',
      },
      newOrders: (numbers: string) => `New order: ${numbers}`,
      newBadge: 'NEW',
      acknowledge: (number: string) => `NEW: mark order ${number} as seen`,
      moveLabel: (action: string, number: string) => `${action}: order ${number}`,
      waitsForCounter: 'Waiting for the counter',
      cancelLabel: (number: string) => `Cancel order ${number}`,
      payment: { unpaid: 'unpaid', partly_paid: '· partly paid', paid: '· paid ✓', refunded: '· refunded' },
    },
    cancel: {
      heading: (number: string) => `Cancel order ${number}`,
      reason: 'Reason (goes to the audit log)',
      needsManager:
        'The kitchen has this order already: your role may not cancel it alone. Let a manager or the owner type their name and PIN.',
      back: 'Back',
      confirm: 'Cancel the order',
    },
    move: {
      unreachable: (number: string, target: string) =>
        `Order ${number} is not ${target} yet: the counter cannot be reached. Try again shortly.`,
      forbidden: (number: string, target: string) =>
        `Your role may not set order ${number} to ${target}. Ask a colleague with more rights.`,
      conflict: (number: string, target: string, why: string) =>
        `Order ${number} cannot be set to ${target}: ${why} The list shows where it is now.`,
      failed: (number: string, target: string, why: string) =>
        `Order ${number} is not ${target} yet: ${why}`,
    },
    kitchenWindow: {
      open: 'Open kitchen screen',
      close: 'Close kitchen screen',
      failed: (why: string) => `The kitchen screen did not respond: ${why}`,
      notInApp: 'This only works in the Forno app at the counter.',
    },
  },
});
