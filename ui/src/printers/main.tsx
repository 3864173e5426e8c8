// The printers (`/printers`): add, change, remove, test page; the print jobs with reprint,
// send again and cancel. Live: every print event on the staff stream reloads the lists.
import { render } from 'preact';
import '../shared/base.css';
import '../shared/page.css';
import './printers.css';
import { PrintersApp } from './PrintersApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<PrintersApp />, root);
}
