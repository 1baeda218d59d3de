/**
 * The post step and `astl revoke` walk providers/revokers.ts, the main step providers/index.ts
 * (issue 13 split them so the post step loads no minting code). A provider registered in one list
 * only would mint credentials that no post step revokes, with nothing to say so: the two lists
 * must name the same providers, in the same (mint) order, under the same labels.
 */
import { describe, expect, it } from 'vitest';
import { defaultProviders } from './index.js';
import { defaultRevokers } from './revokers.js';

describe('providers/index.ts and providers/revokers.ts', () => {
  it('list the same providers in the same order under the same labels', () => {
    const named = (list: { name: string; label: string }[]) => list.map((p) => `${p.name}: ${p.label}`);
    expect(named(defaultRevokers())).toEqual(named(defaultProviders()));
  });
});
