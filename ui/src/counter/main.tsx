// The counter page (`/counter`): the desktop app's counter window, or any browser on the shop's
// network with a cashier's login.
import { render } from 'preact';
import '../shared/base.css';
import '../staff/staff.css';
import './counter.css';
import { CounterApp } from './CounterApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<CounterApp />, root);
}
