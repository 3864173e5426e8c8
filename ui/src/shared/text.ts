// Words several pages share: order statuses and the counter's moves, roles, channels, the
// connection badge, QR codes, and pairing a kitchen screen (the setup wizard and the settings
// page). Which status may follow which is the server's business (forno-domain's state machine;
// the order view carries `next_status`): here only the words.

import { messages } from '../i18n/messages';

export const sharedText = messages({
  nl: {
    loading: 'Laden…',
    status: {
      placed: 'Geplaatst',
      accepted: 'Geaccepteerd',
      preparing: 'In de oven',
      ready: 'Klaar',
      out_for_delivery: 'Onderweg',
      completed: 'Afgerond',
      rejected: 'Afgewezen',
      cancelled: 'Geannuleerd',
    },
    /** The counter's button for moving an order to that status. */
    move: {
      accepted: 'Accepteren',
      preparing: 'In de oven',
      ready: 'Klaar',
      out_for_delivery: 'Onderweg',
      completedPickup: 'Afgehaald',
      completedDelivery: 'Bezorgd',
      rejected: 'Afwijzen',
      cancelled: 'Annuleren',
    },
    role: { owner: 'eigenaar', manager: 'bedrijfsleider', cashier: 'kassa', kitchen: 'keuken', printer: 'printagent' },
    channel: { web: 'Web', counter: 'Balie', phone: 'Telefoon' },
    fulfilment: { pickup: 'Afhalen', delivery: 'Bezorgen' },
    connection: {
      connecting: 'Verbinden…',
      live: 'Live',
      reconnecting: (since: string) => `Opnieuw verbinden sinds ${since}…`,
      polling: (since: string) => `Vertraagd: elke paar seconden bijgewerkt (sinds ${since})`,
      offline: (since: string) => `Offline sinds ${since}`,
    },
    approval: {
      legend: 'Goedkeuring door manager of eigenaar',
      name: 'Naam manager',
      pin: 'Pincode manager',
      needed:
        'Dit mag jouw rol niet alleen: laat een manager of de eigenaar hier naam en pincode intypen.',
    },
    qrLabel: (url: string) => `QR-code met het adres ${url}`,
  },
  en: {
    loading: 'Loading…',
    status: {
      placed: 'Placed',
      accepted: 'Accepted',
      preparing: 'In the oven',
      ready: 'Ready',
      out_for_delivery: 'On its way',
      completed: 'Completed',
      rejected: 'Rejected',
      cancelled: 'Cancelled',
    },
    move: {
      accepted: 'Accept',
      preparing: 'Into the oven',
      ready: 'Ready',
      out_for_delivery: 'Out for delivery',
      completedPickup: 'Picked up',
      completedDelivery: 'Delivered',
      rejected: 'Reject',
      cancelled: 'Cancel',
    },
    role: { owner: 'owner', manager: 'manager', cashier: 'cashier', kitchen: 'kitchen', printer: 'print agent' },
    channel: { web: 'Web', counter: 'Counter', phone: 'Phone' },
    fulfilment: { pickup: 'Pickup', delivery: 'Delivery' },
    connection: {
      connecting: 'Connecting…',
      live: 'Live',
      reconnecting: (since: string) => `Reconnecting since ${since}…`,
      polling: (since: string) => `Delayed: updated every few seconds (since ${since})`,
      offline: (since: string) => `Offline since ${since}`,
    },
    approval: {
      legend: 'Approval by a manager or the owner',
      name: "Manager's name",
      pin: "Manager's PIN",
      needed: 'Your role may not do this alone: let a manager or the owner type their name and PIN here.',
    },
    qrLabel: (url: string) => `QR code with the address ${url}`,
  },
});

/** The "pair a kitchen screen" block (KitchenPairing.tsx) and its messages (pairing-text.ts). */
export const pairingText = messages({
  nl: {
    intro:
      'Een keukenscherm (een tablet of computer in de keuken) toont de bestellingen en zet ze op ‘In de oven’ en ‘Klaar’. Scan de QR-code met het keukenscherm, of typ het adres in de browser van het keukenscherm.',
    qrLabel: 'Op het keukenscherm openen:',
    code: 'Koppelcode:',
    making: 'Code maken…',
    newCode: 'Nieuwe code',
    makeCode: 'Koppelcode maken',
    validUntil: (time: string) => `Geldig tot ${time}, voor één scherm.`,
    expiredAt: (time: string) => `Verlopen om ${time}. Maak een nieuwe code.`,
    unreachable:
      'De kassa is niet bereikbaar, dus er is geen koppelcode. Probeer het zo opnieuw.',
    loggedOut:
      'U bent niet meer ingelogd. Log opnieuw in bij de kassa om een scherm te koppelen.',
    ownerOnly: 'Alleen de eigenaar kan schermen koppelen.',
    failed: (why: string) => `Er is geen koppelcode gemaakt: ${why}`,
  },
  en: {
    intro:
      'A kitchen screen (a tablet or computer in the kitchen) shows the orders and moves them to ‘In the oven’ and ‘Ready’. Scan the QR code with the kitchen screen, or type the address into the kitchen screen’s browser.',
    qrLabel: 'Open on the kitchen screen:',
    code: 'Pairing code:',
    making: 'Making a code…',
    newCode: 'New code',
    makeCode: 'Make a pairing code',
    validUntil: (time: string) => `Valid until ${time}, for one screen.`,
    expiredAt: (time: string) => `Expired at ${time}. Make a new code.`,
    unreachable: 'The counter cannot be reached, so there is no pairing code. Try again shortly.',
    loggedOut: 'You are no longer logged in. Log in again at the counter to pair a screen.',
    ownerOnly: 'Only the owner can pair screens.',
    failed: (why: string) => `No pairing code was made: ${why}`,
  },
});
