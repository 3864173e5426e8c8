// The staff page (`/staff`): log in, then the live list of open orders.
import { render } from 'preact';
import '../shared/base.css';
import './staff.css';
import { StaffApp } from './StaffApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<StaffApp />, root);
}
