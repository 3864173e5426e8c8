// The kitchen board (`/kitchen`).
import { render } from 'preact';
import '../shared/base.css';
import './kitchen.css';
import { KitchenApp } from './KitchenApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<KitchenApp />, root);
}
