import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import type { FieldErrors } from '../settings-form/inputs';
import { errorsInStep, ownerErrors, setupProblem, stepCount } from './steps';

describe('stepCount', () => {
  it('counts the steps with something to fill in', () => {
    expect(stepCount('profile', 'nl')).toBe('Stap 1 van 4');
    expect(stepCount('hours', 'nl')).toBe('Stap 2 van 4');
    expect(stepCount('owner', 'nl')).toBe('Stap 4 van 4');
    expect(stepCount('owner', 'en')).toBe('Step 4 of 4');
  });
});

describe('errorsInStep', () => {
  it('keeps the messages of one step', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((text) => () => text);
    const errors = { 'shop-name': a, 'day-tue-0-open': b, 'zone-0-fee': c, 'owner-pin': d };
    expect(errorsInStep(errors as FieldErrors, 'hours')).toEqual({ 'day-tue-0-open': b });
    expect(errorsInStep(errors as FieldErrors, 'sales')).toEqual({ 'zone-0-fee': c });
    expect(errorsInStep(errors as FieldErrors, 'owner')).toEqual({ 'owner-pin': d });
  });
});

describe('ownerErrors', () => {
  it('catches a PIN typed differently the second time', () => {
    const errors = ownerErrors({ name: 'Anna', pin: '2580', pinAgain: '2508' });
    expect(Object.keys(errors)).toEqual(['owner-pin-again']);
    expect(errors['owner-pin-again']?.('nl')).toContain('niet gelijk');
    expect(errors['owner-pin-again']?.('en')).toContain('not the same');
    expect(ownerErrors({ name: 'Anna', pin: '2580', pinAgain: '2580' })).toEqual({});
  });
});

describe('setupProblem', () => {
  const setupUrl = 'http://127.0.0.1:8080/setup';

  it('sends someone on another device to the shop’s computer', () => {
    const problem = setupProblem(new ApiError(403, 'Forbidden', null, null), setupUrl, 'nl');
    expect(problem.text).toContain('op de computer waarop Forno draait');
    expect(problem.text).toContain(setupUrl);
    expect(problem.link?.href).toBe(setupUrl);
  });

  it('sends someone who is too late to the counter', () => {
    expect(setupProblem(new ApiError(409, 'Conflict', null, null), setupUrl, 'nl').link?.href).toBe(
      '/staff',
    );
  });

  it('keeps what was filled in when the server is away', () => {
    expect(setupProblem(new TypeError('fetch failed'), setupUrl, 'nl').text).toContain('blijft staan');
    expect(setupProblem(new TypeError('fetch failed'), setupUrl, 'en').text).toContain('stays');
  });
});
