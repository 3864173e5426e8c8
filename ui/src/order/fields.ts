// Where a server error belongs on the checkout form: problem+json names a `field` as a JSON path
// of the order request; the form shows it at its input (cart lines: `lineIndexOf` in cart.ts).

export type FieldName = 'how' | 'street' | 'house_number' | 'postcode' | 'city' | 'time' | 'name' | 'phone' | 'email' | 'note' | 'summary';

/** Which form field a server `field` names; lines are found by `lineIndexOf`. */
export function formField(field: string | null): FieldName | null {
  switch (field) {
    case 'fulfilment.type':
      return 'how';
    case 'fulfilment.address':
    case 'fulfilment.address.street':
      return 'street';
    case 'fulfilment.address.house_number':
      return 'house_number';
    case 'fulfilment.address.postcode':
      return 'postcode';
    case 'fulfilment.address.city':
      return 'city';
    case 'requested_time':
      return 'time';
    case 'contact':
    case 'contact.name':
      return 'name';
    case 'contact.phone':
      return 'phone';
    case 'contact.email':
      return 'email';
    case 'note':
      return 'note';
    case 'lines':
      return 'summary';
    default:
      return null;
  }
}
