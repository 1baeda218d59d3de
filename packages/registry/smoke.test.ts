import { describe, expect, it } from 'vitest';
import { checkCredentialRequest, parseRegistry, resolveAgent } from './index.js';

describe('registry smoke', () => {
  it('parses, resolves and checks the DESIGN example', () => {
    const reg = parseRegistry(
      'agents:\n  - name: a\n    type: t\n    owner: o\n    purpose: p\n    max-ttl: 1h\n',
      'agent-config.yaml',
    );
    const agent = resolveAgent(reg, { agentType: 't' });
    expect(checkCredentialRequest({ agent, durationSeconds: 900, providers: [], readsSecrets: false }, [])).toEqual({
      purpose: 'p',
      durationSeconds: 900,
      maxTtlSeconds: 3600,
      appliedPolicies: [],
      warnings: [],
    });
  });
});
