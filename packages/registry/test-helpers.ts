/** Helpers shared by this package's tests. */
import { AstlError, AstlErrors } from '../core/index.js';

/** Runs `fn`, expects it to throw AstlError(s), and returns them flattened. */
export function caught(fn: () => unknown): AstlError[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AstlErrors) return err.errors;
    if (err instanceof AstlError) return [err];
    throw err;
  }
  throw new Error('expected an AstlError, but nothing was thrown');
}

/** The single AstlError `fn` throws. */
export function caughtOne(fn: () => unknown): AstlError {
  const errors = caught(fn);
  if (errors.length !== 1)
    throw new Error(`expected one error, got ${errors.length}: ${errors.map((e) => e.format()).join('\n')}`);
  return errors[0]!;
}

export const DESIGN_REGISTRY = `agents:
  - name: code-review-assistant          # unique, [a-z0-9-]
    type: coding-assistant
    owner: platform-team                 # required: a human or team accountable
    purpose: "Automated code review and suggestions"   # required
    permissions:                         # declared needs: resource: access
      - repository: read
      - pull-requests: comment
    credential-policy: ephemeral         # ephemeral | long-lived
    max-ttl: 1h                          # optional cap on any credential for this agent
    audit-level: full                    # full | minimal | none
    credentials:                         # optional: how the agent reaches clouds
      aws:
        role-arn: arn:aws:iam::111122223333:role/review-bot
        region: us-east-1
        session-policy: policies/iam/review-bot-scope.json   # optional scope-down
      vault:
        url: https://vault.example.com:8200
        role: review-bot
        auth-path: jwt                   # default jwt
        namespace: ""                    # optional
        audience: vault                  # optional, default vault
        secrets:                         # optional reads after login
          - path: secret/data/ci/review  # KV v2 path as the HTTP API spells it
            key: token
            env: REVIEW_TOKEN
      github:                            # optional: a GitHub App installation token
        app-id: "123456"                 # key from the input github-app-private-key
        owner: acme                      # default: the repository's owner
        repositories: [app]              # default: the current repository
        permissions:                     # GitHub's names; default derived from \`permissions\`
          contents: read
          pull_requests: write
`;

export const DESIGN_AGENT_POLICY = `kind: AgentPolicy
metadata:
  name: coding-assistant-policy
spec:
  agentTypes: [coding-assistant]
  defaultPermissions:
    - resource: repositories
      access: read
  restrictions:
    - deny: secrets
    - deny: production-access
  credentialPolicy:
    type: ephemeral
    maxTtl: 8h
  escalation:
    - action: merge
      requires: human_approval
`;

export const DESIGN_DEPLOY_POLICY = `agent: deploy-manager
actions:
  - name: deploy
    allowed_environments: ["staging", "production"]
    approval_needed: env == "production"
    max_replicas: 50
`;
