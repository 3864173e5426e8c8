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

// The mail alert on the staff pages, an order's message list with "send again", and the
// browser notification for new web orders.

export const messagesText = messages({
  nl: {
    alertTitle: 'E-mail komt niet aan bij de mailserver',
    alertSince: (since: string) => `Sinds ${since}.`,
    alertWaiting: (n: number) =>
      n === 1 ? '1 mail wacht en gaat vanzelf weg zodra de server weer werkt.' : `${n} mails wachten en gaan vanzelf weg zodra de server weer werkt.`,
    alertFailed: (n: number) => (n === 1 ? '1 mail is mislukt.' : `${n} mails zijn mislukt.`),
    alertCheck: 'Controleer de mailserver in de instellingen.',
    toSettings: 'Naar de instellingen',
    show: 'Berichten',
    showLabel: (number: string) => `Berichten aan de klant van ${number}`,
    heading: (number: string) => `Berichten over ${number}`,
    none: 'Nog geen berichten over deze bestelling.',
    channel: { email: 'E-mail', sms: 'Sms' },
    what: {
      confirmation: 'Bevestiging',
      accepted: 'Geaccepteerd',
      ready: 'Klaar',
      out_for_delivery: 'Onderweg',
      rejected: 'Afgewezen',
    },
    state: {
      queued: 'Wacht',
      sending: 'Wordt verstuurd',
      sent: 'Verstuurd',
      failed: 'Mislukt',
    },
    attempts: (n: number) => (n === 1 ? '1 poging' : `${n} pogingen`),
    resend: 'Opnieuw versturen',
    resendLabel: (what: string, to: string) => `${what} opnieuw versturen naar ${to}`,
    resent: 'Staat klaar om opnieuw te versturen.',
    unreachable: 'De kassa is niet bereikbaar.',
    notifyOn: 'Meldingen aanzetten',
    notifyOnLabel: 'Een melding van de browser bij elke nieuwe webbestelling',
    notifyBlocked: 'Meldingen zijn geblokkeerd in deze browser.',
    notifyTitle: (number: string) => `Nieuwe webbestelling ${number}`,
    notifyBody: (name: string, total: string) => `${name} · ${total}`,
  },
  en: {
    alertTitle: 'Email does not reach the mail server',
    alertSince: (since: string) => `Since ${since}.`,
    alertWaiting: (n: number) =>
      n === 1 ? '1 mail is waiting and goes out by itself once the server works again.' : `${n} mails are waiting and go out by themselves once the server works again.`,
    alertFailed: (n: number) => (n === 1 ? '1 mail failed.' : `${n} mails failed.`),
    alertCheck: 'Check the mail server in the settings.',
    toSettings: 'To the settings',
    show: 'Messages',
    showLabel: (number: string) => `Messages to the customer of ${number}`,
    heading: (number: string) => `Messages about ${number}`,
    none: 'No messages about this order yet.',
    channel: { email: 'Email', sms: 'SMS' },
    what: {
      confirmation: 'Confirmation',
      accepted: 'Accepted',
      ready: 'Ready',
      out_for_delivery: 'On its way',
      rejected: 'Rejected',
    },
    state: {
      queued: 'Waiting',
      sending: 'Sending',
      sent: 'Sent',
      failed: 'Failed',
    },
    attempts: (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`),
    resend: 'Send again',
    resendLabel: (what: string, to: string) => `Send ${what} again to ${to}`,
    resent: 'Queued to be sent again.',
    unreachable: 'The counter cannot be reached.',
    notifyOn: 'Turn on notifications',
    notifyOnLabel: 'A browser notification for every new web order',
    notifyBlocked: 'Notifications are blocked in this browser.',
    notifyTitle: (number: string) => `New web order ${number}`,
    notifyBody: (name: string, total: string) => `${name} · ${total}`,
  },
});
