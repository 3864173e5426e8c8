// Every sentence of the settings page (`/settings`): who may be here, saving, paired devices.

import { messages } from '../i18n/messages';

export const settingsText = messages({
  nl: {
    title: 'Instellingen',
    toCounter: 'Naar de kassa',
    unreachable:
      'De kassa is niet bereikbaar. Controleer of Forno draait en laad deze pagina opnieuw.',
    notLoggedIn:
      'U bent niet ingelogd. Log in bij de kassa met uw naam en pincode en kies daar ‘Instellingen’.',
    toLogin: 'Naar inloggen',
    notAllowed: (name: string, role: string) =>
      `U bent ingelogd als ${name} (${role}). Die rol mag de instellingen van de zaak niet wijzigen; vraag de eigenaar of de bedrijfsleider.`,
    sections: {
      profile: 'Uw zaak',
      hours: 'Openingstijden',
      sales: 'Afhalen en bezorgen',
      devices: 'Apparaten',
      pairKitchen: 'Keukenscherm koppelen',
      paired: 'Gekoppelde schermen',
    },
    save: 'Opslaan',
    saving: 'Opslaan…',
    savedAt: (time: string) => `Opgeslagen om ${time}.`,
    fieldsToFix: (count: number) =>
      count === 1
        ? 'Niet opgeslagen: één veld moet nog anders; zie de melding bij dat veld.'
        : `Niet opgeslagen: ${count} velden moeten nog anders; zie de meldingen bij die velden.`,
    saveUnreachable:
      'Niet opgeslagen: de kassa is niet bereikbaar. Wat u invulde blijft staan; probeer het zo opnieuw.',
    saveLoggedOut:
      'Niet opgeslagen: u bent niet meer ingelogd. Log opnieuw in bij de kassa (in een ander tabblad) en sla dan opnieuw op.',
    saveForbidden: 'Niet opgeslagen: uw rol mag de instellingen niet wijzigen. Vraag de eigenaar.',
    saveFailed: (why: string) => `Niet opgeslagen: ${why}`,
    devices: {
      kitchenScreen: 'Keukenscherm',
      counterTablet: 'Kassatablet',
      pairedOn: (when: string) => `gekoppeld op ${when}`,
      loading: 'Schermen laden…',
      none: 'Er zijn nog geen schermen gekoppeld.',
      listUnreachable: 'De lijst met schermen laadt niet: de kassa is niet bereikbaar.',
      refresh: 'Lijst vernieuwen',
      unpair: 'Ontkoppelen',
      unpairLabel: (name: string) => `${name} ontkoppelen`,
      confirmGroup: (name: string) => `${name} ontkoppelen?`,
      confirm: (name: string) =>
        `‘${name}’ ontkoppelen? Het scherm ziet dan geen bestellingen meer tot u het opnieuw koppelt.`,
      yes: 'Ja, ontkoppelen',
      cancel: 'Annuleren',
      unpaired: (name: string) => `‘${name}’ is ontkoppeld en ziet geen bestellingen meer.`,
      alreadyUnpaired: (name: string) => `‘${name}’ was al ontkoppeld. De lijst is bijgewerkt.`,
      notUnpaired: (name: string, why: string) =>
        `‘${name}’ is niet ontkoppeld: ${why}. Probeer het opnieuw.`,
      unreachableReason: 'de kassa is niet bereikbaar',
    },
  },
  en: {
    title: 'Settings',
    toCounter: 'To the counter',
    unreachable: 'The counter cannot be reached. Check that Forno is running and reload this page.',
    notLoggedIn:
      'You are not logged in. Log in at the counter with your name and PIN and choose ‘Settings’ there.',
    toLogin: 'To the login',
    notAllowed: (name: string, role: string) =>
      `You are logged in as ${name} (${role}). That role may not change the shop’s settings; ask the owner or the manager.`,
    sections: {
      profile: 'Your shop',
      hours: 'Opening hours',
      sales: 'Pickup and delivery',
      devices: 'Devices',
      pairKitchen: 'Pair a kitchen screen',
      paired: 'Paired screens',
    },
    save: 'Save',
    saving: 'Saving…',
    savedAt: (time: string) => `Saved at ${time}.`,
    fieldsToFix: (count: number) =>
      count === 1
        ? 'Not saved: one field still needs a change; see the message at that field.'
        : `Not saved: ${count} fields still need a change; see the messages at those fields.`,
    saveUnreachable:
      'Not saved: the counter cannot be reached. What you filled in stays; try again shortly.',
    saveLoggedOut:
      'Not saved: you are no longer logged in. Log in again at the counter (in another tab), then save again.',
    saveForbidden: 'Not saved: your role may not change the settings. Ask the owner.',
    saveFailed: (why: string) => `Not saved: ${why}`,
    devices: {
      kitchenScreen: 'Kitchen screen',
      counterTablet: 'Counter tablet',
      pairedOn: (when: string) => `paired on ${when}`,
      loading: 'Loading screens…',
      none: 'No screens are paired yet.',
      listUnreachable: 'The list of screens does not load: the counter cannot be reached.',
      refresh: 'Refresh list',
      unpair: 'Unpair',
      unpairLabel: (name: string) => `Unpair ${name}`,
      confirmGroup: (name: string) => `Unpair ${name}?`,
      confirm: (name: string) =>
        `Unpair ‘${name}’? The screen then sees no orders until you pair it again.`,
      yes: 'Yes, unpair',
      cancel: 'Cancel',
      unpaired: (name: string) => `‘${name}’ is unpaired and sees no more orders.`,
      alreadyUnpaired: (name: string) => `‘${name}’ was already unpaired. The list is up to date.`,
      notUnpaired: (name: string, why: string) => `‘${name}’ is not unpaired: ${why}. Try again.`,
      unreachableReason: 'the counter cannot be reached',
    },
  },
});

// The notifications section: the mail server, the test mail, status mails, SMS through CM.com,
// and the owner's alert about waiting web orders.

export const notifyText = messages({
  nl: {
    heading: 'Berichten aan klanten',
    explain:
      'Klanten krijgen na een webbestelling een bevestiging per e-mail met de bon en de link om hun bestelling te volgen. Vul de mailserver in die je van je provider kreeg.',
    mailOn: 'E-mail versturen',
    host: 'Mailserver (SMTP)',
    port: 'Poort',
    security: 'Beveiliging',
    securities: {
      starttls: 'STARTTLS (meestal poort 587)',
      tls: 'TLS (meestal poort 465)',
      none: 'Geen (alleen een server in de zaak zelf)',
    },
    user: 'Gebruikersnaam',
    password: 'Wachtwoord',
    passwordSet: 'Er is een wachtwoord opgeslagen. Laat leeg om het te houden.',
    passwordNone: 'Nog geen wachtwoord opgeslagen.',
    from: 'Afzender',
    fromHint: 'Zoals: Pizzeria Bella <bestel@bella.nl>',
    statusHeading: 'Ook mailen bij',
    statuses: {
      accepted: 'Geaccepteerd (met de verwachte tijd)',
      ready: 'Klaar om af te halen',
      out_for_delivery: 'Onderweg (bezorgen)',
      rejected: 'Afgewezen (met de reden voor de klant)',
    },
    smsHeading: 'Sms (CM.com)',
    smsOn: 'Ook een sms sturen (kort, met de link)',
    smsToken: 'Producttoken van CM.com',
    smsTokenSet: 'Er is een token opgeslagen. Laat leeg om het te houden.',
    smsSender: 'Afzender van de sms (hoogstens 11 letters of cijfers)',
    alertHeading: 'Waarschuwing aan de eigenaar',
    alertEmail: 'E-mail de eigenaar op dit adres',
    alertMinutes: 'als een webbestelling zo veel minuten niet geaccepteerd is',
    alertHint: 'Laat het adres leeg om niet te waarschuwen.',
    save: 'Berichten bewaren',
    saved: 'De instellingen voor berichten zijn opgeslagen.',
    testHeading: 'Testmail',
    testTo: 'Stuur een testmail naar',
    testSend: 'Testmail versturen',
    testSending: 'Bezig met versturen…',
    testSent: (answer: string) => `De testmail is verstuurd. De mailserver zei: ${answer}`,
    testFailed: (why: string) => `De testmail is niet verstuurd: ${why}`,
    testSaveFirst: 'Bewaar eerst de mailserver, dan kun je testen.',
    unreachable: 'De kassa is niet bereikbaar; er is niets opgeslagen.',
  },
  en: {
    heading: 'Messages to customers',
    explain:
      'After a web order, customers get a confirmation by email with the receipt and the link to follow their order. Fill in the mail server your provider gave you.',
    mailOn: 'Send email',
    host: 'Mail server (SMTP)',
    port: 'Port',
    security: 'Security',
    securities: {
      starttls: 'STARTTLS (usually port 587)',
      tls: 'TLS (usually port 465)',
      none: 'None (only a server inside the shop)',
    },
    user: 'User name',
    password: 'Password',
    passwordSet: 'A password is saved. Leave empty to keep it.',
    passwordNone: 'No password saved yet.',
    from: 'Sender',
    fromHint: 'Like: Pizzeria Bella <orders@bella.com>',
    statusHeading: 'Also mail when an order is',
    statuses: {
      accepted: 'Accepted (with the expected time)',
      ready: 'Ready for pickup',
      out_for_delivery: 'Out for delivery',
      rejected: 'Rejected (with the reason for the customer)',
    },
    smsHeading: 'SMS (CM.com)',
    smsOn: 'Also send an SMS (short, with the link)',
    smsToken: 'CM.com product token',
    smsTokenSet: 'A token is saved. Leave empty to keep it.',
    smsSender: 'SMS sender (at most 11 letters or digits)',
    alertHeading: "The owner's alert",
    alertEmail: 'Email the owner at this address',
    alertMinutes: 'when a web order has not been accepted for this many minutes',
    alertHint: 'Leave the address empty for no alert.',
    save: 'Store the message settings',
    saved: 'The message settings are saved.',
    testHeading: 'Test mail',
    testTo: 'Send a test mail to',
    testSend: 'Send a test mail',
    testSending: 'Sending…',
    testSent: (answer: string) => `The test mail was sent. The mail server said: ${answer}`,
    testFailed: (why: string) => `The test mail was not sent: ${why}`,
    testSaveFirst: 'Store the mail server first, then test it.',
    unreachable: 'The counter cannot be reached; nothing was saved.',
  },
});
