/**
 * Rule metadata for the secret detector: one entry per rule id, in priority order (when two
 * rules report overlapping text, the earlier, more specific one wins). Every id has a section in
 * docs/secrets.md; `helpAnchor` is GitHub's anchor for the heading "`<id>`".
 */
import type { RuleMeta, Severity } from '../finding.js';

export const SECRETS_DOCS_URL = 'https://github.com/astl/agent-credentials/blob/main/docs/secrets.md';

function anchorFor(id: string): string {
  return `#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}

export interface SecretRuleMeta extends RuleMeta {
  /** What was found, for messages: "GitHub token". */
  what: string;
  /** The remedy after "Remove the <what> and ...". */
  fix: string;
  /** Off unless listed in `options.enable` (identifiers rather than secrets). */
  optIn?: boolean;
}

const ROTATE = `rotate it; read it from a secret store or \`\${{ secrets.X }}\` at run time`;

function rule(
  id: string,
  severity: Severity,
  securitySeverity: number,
  title: string,
  what: string,
  description: string,
  fix: string = ROTATE,
  extra: { optIn?: boolean; tags?: string[] } = {},
): SecretRuleMeta {
  return {
    id,
    severity,
    securitySeverity,
    title,
    what,
    description,
    fix,
    helpAnchor: anchorFor(id),
    tags: ['security', 'secret', ...(extra.tags ?? [])],
    ...(extra.optIn ? { optIn: true } : {}),
  };
}

const LIVE = 9.0;

export const SECRET_RULE_DETAILS: SecretRuleMeta[] = [
  rule(
    'secret/private-key',
    'error',
    LIVE,
    'Private key',
    'private key',
    'A private key with real key material: PEM blocks of every kind (`-----BEGIN [RSA|EC|DSA|OPENSSH|ENCRYPTED|…] PRIVATE KEY-----`), PGP armour (`-----BEGIN PGP PRIVATE KEY BLOCK-----`), PuTTY `.ppk` files, also inside JSON strings such as GCP service account files.',
    'revoke the key pair and issue a new one; keep keys in a secret store or use OIDC federation instead of long-lived keys',
  ),
  rule(
    'secret/aws-access-key-id',
    'error',
    LIVE,
    'AWS access key ID',
    'AWS access key ID',
    'An AWS access key ID: `AKIA` (long-term), `ASIA` (STS temporary), `ABIA` (STS service bearer token), `ACCA` (context-specific), `A3T…` (older keys), and the other IAM unique-ID prefixes (`AIDA`, `AROA`, …). The secret key is usually next to it.',
    'deactivate and delete the access key in IAM; use OIDC (`aws-actions/configure-aws-credentials` with `role-to-assume`) instead of stored keys',
  ),
  rule(
    'secret/aws-secret-access-key',
    'error',
    LIVE,
    'AWS secret access key',
    'AWS secret access key',
    'A 40-character AWS secret access key assigned to `aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY`, `secretAccessKey` and similar names.',
    'deactivate and delete the access key in IAM; use OIDC (`aws-actions/configure-aws-credentials` with `role-to-assume`) instead of stored keys',
  ),
  rule(
    'secret/aws-bedrock-api-key',
    'error',
    LIVE,
    'Amazon Bedrock API key',
    'Amazon Bedrock API key',
    'An Amazon Bedrock API key: long-term (`ABSK` + base64 of `BedrockAPIKey-…`, an IAM service-specific credential) or short-term (`bedrock-api-key-` + base64 of a presigned `bedrock.amazonaws.com` URL, valid up to 12 hours).',
    'delete the service-specific credential in IAM (long-term keys) or let the short-term key expire; call Bedrock with role credentials from OIDC instead of API keys',
  ),
  rule(
    'secret/github-token',
    'error',
    LIVE,
    'GitHub token',
    'GitHub token',
    'A GitHub token: personal, OAuth, user-to-server, installation and refresh tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`), fine-grained (`github_pat_`), installation tokens with a JWT (`ghs_<id>_<jwt>`) or in the pre-2021 format (`v1.` + 40 hex), or a token in a git URL (`https://<token>:x-oauth-basic@github.com/`).',
    `revoke it in GitHub settings; use \`\${{ secrets.GITHUB_TOKEN }}\` or a GitHub App token minted per job`,
  ),
  rule(
    'secret/gitlab-token',
    'error',
    LIVE,
    'GitLab token',
    'GitLab token',
    'A GitLab token, every documented prefix: personal/project/group access (`glpat-`, also routable `glpat-….01.…`), deploy (`gldt-`), runner authentication (`glrt-`, `glrtr-`) and registration (`GR1348941`), pipeline trigger (`glptt-`), feed (`glft-`), incoming mail (`glimt-`), Kubernetes agent (`glagent-`), OAuth application secret (`gloas-`), CI/CD job (`glcbt-`), SCIM (`glsoat-`), feature-flag client (`glffct-`), workspace (`glwt-`) tokens, and the `_gitlab_session` cookie.',
    'revoke it in GitLab; use `CI_JOB_TOKEN` or a masked, protected CI/CD variable',
  ),
  rule(
    'secret/slack-token',
    'error',
    8.0,
    'Slack token',
    'Slack token',
    'A Slack token: bot (`xoxb-`), user (`xoxp-`, `xoxe-`), app-level (`xapp-`), configuration access and refresh (`xoxe.xoxp-`, `xoxe-1-`), workspace and legacy (`xoxa-`, `xoxr-`, `xoxo-`, `xoxs-`) and client (`xoxc-`) tokens.',
    'revoke it in the Slack app settings and store the new one as a secret',
  ),
  rule(
    'secret/slack-webhook',
    'error',
    7.0,
    'Slack incoming webhook URL',
    'Slack webhook URL',
    'A Slack incoming webhook, workflow or trigger URL (`hooks.slack.com/services/T…/B…/…`, `/workflows/…`, `/triggers/…`, with or without the scheme); anyone holding it can post to the channel.',
    'regenerate the webhook in Slack and store the URL as a secret',
  ),
  rule(
    'secret/vault-token',
    'error',
    LIVE,
    'HashiCorp Vault token',
    'Vault token',
    'A HashiCorp Vault service, batch or recovery token (`hvs.`, `hvb.`, `hvr.`), or a legacy (pre-1.10) `s.`/`b.` token assigned to a Vault or token name.',
    'revoke it (`vault token revoke`); authenticate with JWT/OIDC (`vault-auth-method: jwt`) instead of a stored token',
  ),
  rule(
    'secret/npm-token',
    'error',
    8.0,
    'npm access token',
    'npm token',
    'An npm access token (`npm_...`) or an `_authToken=` value in `.npmrc`.',
    `revoke it on npmjs.com; use npm trusted publishing (OIDC) or \`\${{ secrets.NPM_TOKEN }}\``,
  ),
  rule(
    'secret/openai-api-key',
    'error',
    8.0,
    'OpenAI API key',
    'OpenAI API key',
    'An OpenAI API key (`sk-...T3BlbkFJ...`, project, service-account and admin keys).',
  ),
  rule(
    'secret/anthropic-api-key',
    'error',
    8.0,
    'Anthropic API key',
    'Anthropic API key',
    'An Anthropic API or admin key (`sk-ant-api03-...`).',
  ),
  rule(
    'secret/groq-api-key',
    'error',
    8.0,
    'Groq API key',
    'Groq API key',
    'A Groq API key (`gsk_` + 52 characters).',
  ),
  rule(
    'secret/huggingface-token',
    'error',
    8.0,
    'Hugging Face token',
    'Hugging Face token',
    'A Hugging Face user access token (`hf_` + 34 letters).',
  ),
  rule(
    'secret/linear-api-key',
    'error',
    8.0,
    'Linear API key',
    'Linear API key',
    'A Linear API key (`lin_api_...`).',
  ),
  rule(
    'secret/notion-token',
    'error',
    8.0,
    'Notion integration token',
    'Notion token',
    'A Notion integration token (`ntn_` + 11 digits + 35 characters).',
  ),
  rule(
    'secret/1password-service-account-token',
    'error',
    LIVE,
    '1Password service account token',
    '1Password service account token',
    'A 1Password service account token (`ops_eyJ...`), which unlocks every vault the service account can read.',
  ),
  rule(
    'secret/sendgrid-api-key',
    'error',
    8.0,
    'SendGrid API key',
    'SendGrid API key',
    'A SendGrid API key (`SG.<id>.<secret>`).',
  ),
  rule(
    'secret/shopify-token',
    'error',
    8.0,
    'Shopify token',
    'Shopify token',
    'A Shopify app secret or access token (`shpss_`, `shpat_`, `shpca_`, `shppa_`).',
  ),
  rule(
    'secret/grafana-token',
    'error',
    8.0,
    'Grafana token',
    'Grafana token',
    'A Grafana Cloud API token (`glc_`) or service account token (`glsa_`).',
  ),
  rule(
    'secret/vercel-token',
    'error',
    8.0,
    'Vercel token',
    'Vercel token',
    'A Vercel token (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`).',
  ),
  rule(
    'secret/databricks-token',
    'error',
    8.0,
    'Databricks token',
    'Databricks token',
    'A Databricks personal access token (`dapi` + 32 hex).',
  ),
  rule(
    'secret/docker-hub-token',
    'error',
    8.0,
    'Docker Hub access token',
    'Docker Hub token',
    'A Docker Hub personal access token (`dckr_pat_...`).',
  ),
  rule(
    'secret/figma-token',
    'error',
    7.0,
    'Figma token',
    'Figma token',
    'A Figma personal access token (`figd_...`).',
  ),
  rule(
    'secret/cloudflare-api-token',
    'error',
    8.0,
    'Cloudflare API token',
    'Cloudflare API token',
    'A Cloudflare account or user API token or global API key in the prefixed format (`cfat_`, `cfut_`, `cfk_`).',
  ),
  rule(
    'secret/stripe-secret-key',
    'error',
    LIVE,
    'Stripe secret key',
    'Stripe secret or restricted key',
    'A Stripe secret or restricted key (`sk_live_`, `sk_test_`, `rk_live_`, `rk_test_`); publishable `pk_` keys are not reported.',
  ),
  rule(
    'secret/tailscale-key',
    'error',
    8.0,
    'Tailscale key',
    'Tailscale key',
    'A Tailscale auth, API, OAuth client, SCIM or webhook key (`tskey-<type>-...`).',
  ),
  rule(
    'secret/google-cloud-key',
    'error',
    8.0,
    'Google Cloud API key or OAuth client secret',
    'Google credential',
    'A Google API key (`AIza...`) or Google OAuth client secret (`GOCSPX-...`).',
    'delete or restrict the key in the Google Cloud console; use Workload Identity Federation from CI instead of keys',
  ),
  rule(
    'secret/azure-client-secret',
    'error',
    LIVE,
    'Azure AD client secret',
    'Azure client secret',
    'An Azure AD (Entra ID) application client secret in the current format (`...Q~...`, 40 characters).',
    'delete the secret in the app registration; use OIDC federated credentials (`azure/login` with `client-id` and no secret)',
  ),
  rule(
    'secret/azure-storage-key',
    'error',
    LIVE,
    'Azure storage account key',
    'Azure storage account key',
    'An Azure storage account key in a connection string (`AccountKey=<88 base64 characters>`).',
    'rotate the storage account key; use a managed identity or a short-lived SAS token',
  ),
  rule(
    'secret/pulumi-token',
    'error',
    8.0,
    'Pulumi access token',
    'Pulumi access token',
    'A Pulumi Cloud access token (`pul-` + 40 hex).',
    'revoke it in Pulumi Cloud; use Pulumi OIDC (`pulumi/auth-actions`) in CI',
  ),
  rule(
    'secret/url-credentials',
    'error',
    8.0,
    'Credentials in a URL',
    'password in a URL',
    `A URL with a real-looking \`user:password@\` part: HTTP(S)/FTP basic auth and database connection strings (MongoDB, MySQL, PostgreSQL, JDBC, Redis, AMQP). Placeholders (\`\${PASSWORD}\`, \`YOUR_PASSWORD\`, \`user:password\`) are ignored.`,
    'change the password; pass it separately from a secret store (an environment variable the client reads), not inside the URL',
  ),
  rule(
    'secret/age-secret-key',
    'error',
    LIVE,
    'age secret key',
    'age secret key',
    'An age encryption identity (`AGE-SECRET-KEY-1…`), which decrypts every file encrypted to its recipient (SOPS, chezmoi, backups).',
    'generate a new identity (`age-keygen`), re-encrypt what the old one protected, and keep identities out of the repository',
  ),
  rule(
    'secret/microsoft-teams-webhook',
    'error',
    7.0,
    'Microsoft Teams webhook URL',
    'Microsoft Teams webhook URL',
    'A Microsoft Teams incoming webhook URL (`https://<tenant>.webhook.office.com/webhookb2/…/IncomingWebhook/…`); anyone holding it can post to the channel.',
    'remove the connector in Teams and create a new one; store the URL as a secret',
  ),
  rule(
    'secret/ethereum-private-key',
    'warning',
    7.0,
    'Ethereum/secp256k1 private key',
    'secp256k1 private key',
    'A `0x`-prefixed 64-hex-digit value, the format of an Ethereum (secp256k1) private key. Hashes have the same shape; suppress those with a reason.',
    'move the funds to a new wallet and treat the key as burned',
  ),
  rule(
    'secret/jwt',
    'error',
    7.0,
    'JSON Web Token',
    'JSON Web Token',
    'A signed JSON Web Token (`eyJ...<payload>.<signature>`); bearer tokens work for whoever holds them until they expire.',
    'revoke or let it expire, and fetch tokens at run time instead of committing them',
  ),
  rule(
    'secret/generic-high-entropy',
    'warning',
    5.0,
    'Hard-coded secret',
    'hard-coded secret',
    `A value with high Shannon entropy assigned to a name that says it is a secret (\`password\`, \`secret\`, \`token\`, \`api_key\`, \`credentials\`, ...). Placeholders, references (\`\${{ secrets.X }}\`, \`\${VAR}\`, \`$(cmd)\`), code expressions and low-entropy values are ignored.`,
    `rotate it if it is real; read it from a secret store or \`\${{ secrets.X }}\` at run time`,
  ),
  rule(
    'secret/custom-pattern',
    'error',
    8.0,
    'Custom secret pattern',
    'value matching a custom secret pattern',
    'A match of one of the `customPatterns` configured for the scan (an organisation-specific token format, or a file type that must not be committed).',
    'remove it and rotate it if it is a credential; read it from a secret store at run time',
  ),
  rule(
    'secret/aws-account-id',
    'note',
    2.0,
    'AWS account ID',
    'AWS account ID',
    'An AWS account ID assigned to an `aws_account_id`-like name. Account IDs are identifiers, not secrets; opt in with `enable` when your policy treats them as confidential.',
    'move it to configuration that is not committed if your policy requires it',
    { optIn: true },
  ),
  rule(
    'secret/azure-identifier',
    'note',
    2.0,
    'Azure tenant/client/subscription ID',
    'Azure identifier',
    'An Azure AD tenant, client (application) or subscription ID (a GUID) assigned to a matching name. Identifiers, not secrets; opt in with `enable`.',
    'move it to configuration that is not committed if your policy requires it',
    { optIn: true },
  ),
];

/** The public metadata (the `RuleMeta` shape reporters consume). */
export const SECRET_RULES: RuleMeta[] = SECRET_RULE_DETAILS.map(
  ({ what: _what, fix: _fix, optIn: _optIn, ...meta }) => meta,
);

export const RULE_PRIORITY = new Map(SECRET_RULE_DETAILS.map((r, i) => [r.id, i]));
export const RULE_BY_ID = new Map(SECRET_RULE_DETAILS.map((r) => [r.id, r]));
