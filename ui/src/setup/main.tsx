// The first-run wizard (`/setup`): name the shop, its hours and how it sells, the owner's PIN.
import { render } from 'preact';
import '../shared/base.css';
import '../shared/page.css';
import '../settings-form/settings-form.css';
import './setup.css';
import { SetupApp } from './SetupApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<SetupApp />, root);
}
