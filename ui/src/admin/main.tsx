// The owner's live board (`/admin`).
import { render } from 'preact';
import '../shared/base.css';
import '../shared/page.css';
import '../staff/staff.css';
import './admin.css';
import { AdminApp } from './AdminApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<AdminApp />, root);
}
