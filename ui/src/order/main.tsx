// The customers' ordering page (`/`): menu, item dialog, cart, checkout and confirmation.
import { render } from 'preact';
import '../shared/base.css';
import './order.css';
import { OrderApp } from './OrderApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<OrderApp />, root);
}
