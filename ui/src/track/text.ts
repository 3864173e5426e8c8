// Every sentence of the tracking page, in Dutch and English.

import type { FulfilmentType } from '../api/types';
import { messages } from '../i18n/messages';

export const trackText = messages({
  nl: {
    title: 'Je bestelling',
    order: (number: string) => `Bestelling ${number}`,
    readyAt: (fulfilment: FulfilmentType, time: string) =>
      fulfilment === 'delivery'
        ? `Verwacht klaar voor bezorging: ${time}`
        : `Verwacht klaar om af te halen: ${time}`,
    readyNow: (fulfilment: FulfilmentType) =>
      fulfilment === 'delivery'
        ? 'Je bestelling is klaar en wacht op de bezorger.'
        : 'Je bestelling ligt klaar. Je kunt hem komen halen!',
    onItsWay: 'Je bestelling is onderweg naar je toe.',
    statusNow: 'Status',
    stepDone: 'gedaan',
    stepNow: 'nu',
    cancelled: 'Deze bestelling is geannuleerd. Vragen? Bel de pizzeria.',
    rejected: 'De pizzeria kon deze bestelling helaas niet aannemen. Vragen? Bel de pizzeria.',
    shopSays: 'De pizzeria laat weten:',
    yourOrder: 'Wat je besteld hebt',
    deliveryFee: 'Bezorgkosten',
    total: 'Totaal',
    loading: 'Je bestelling laden…',
    notFound:
      'We kunnen deze bestelling niet vinden. Controleer de link in je bevestiging of bel de pizzeria.',
    badLink: 'Deze link is niet compleet. Open de link uit je bevestiging opnieuw.',
    unreachable: 'De pizzeria is even niet bereikbaar. We proberen het elke paar seconden opnieuw.',
    questions: 'Vragen over je bestelling? Bel',
    orderMore: 'Nog iets bestellen',
  },
  en: {
    title: 'Your order',
    order: (number: string) => `Order ${number}`,
    readyAt: (fulfilment: FulfilmentType, time: string) =>
      fulfilment === 'delivery'
        ? `Expected ready for delivery: ${time}`
        : `Expected ready for pickup: ${time}`,
    readyNow: (fulfilment: FulfilmentType) =>
      fulfilment === 'delivery'
        ? 'Your order is ready and waiting for the driver.'
        : 'Your order is ready. Come and get it!',
    onItsWay: 'Your order is on its way to you.',
    statusNow: 'Status',
    stepDone: 'done',
    stepNow: 'now',
    cancelled: 'This order has been cancelled. Questions? Call the pizzeria.',
    rejected: 'Sorry, the pizzeria could not accept this order. Questions? Call the pizzeria.',
    shopSays: 'The pizzeria says:',
    yourOrder: 'What you ordered',
    deliveryFee: 'Delivery fee',
    total: 'Total',
    loading: 'Loading your order…',
    notFound:
      'We cannot find this order. Check the link in your confirmation or call the pizzeria.',
    badLink: 'This link is incomplete. Open the link from your confirmation again.',
    unreachable: 'The pizzeria cannot be reached right now. We keep trying every few seconds.',
    questions: 'Questions about your order? Call',
    orderMore: 'Order something else',
  },
});

export type TrackText = (typeof trackText)['nl'];
