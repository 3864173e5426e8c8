// Pairing a kitchen screen or counter tablet (`/pair/{code}`): the owner's QR code leads here.
import { render } from 'preact';
import '../shared/base.css';
import '../shared/page.css';
import '../settings-form/settings-form.css';
import './pair.css';
import { PairApp } from './PairApp';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<PairApp />, root);
}
