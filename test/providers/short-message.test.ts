import { describe, expect, it } from 'vitest';
import { shortMessage } from '../../packages/providers/retry-policy.js';

describe('shortMessage', () => {
  it('keeps short text whole and folds whitespace', () => {
    expect(shortMessage('permission\n denied')).toBe('permission denied');
  });

  it('never shows the head of a token the cut would split', () => {
    const token = `hvs.${'A1b2C3d4'.repeat(20)}`;
    const msg = shortMessage(`invalid token ${token} for role`, 40);
    expect(msg).toBe('invalid token …');
    expect(msg).not.toContain('hvs.');
  });

  it('cuts plain prose at the limit', () => {
    const msg = shortMessage(`${'word '.repeat(100)}`, 20);
    expect(msg.length).toBeLessThanOrEqual(21);
  });
});
