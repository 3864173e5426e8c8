// The landing page (`/`): the way to the staff page, and where customers find their order.
import { render } from 'preact';
import '../shared/base.css';
import '../shared/page.css';
import { HomeApp } from './HomeApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<HomeApp />, root);
}
