/**
 * Token rules: vendor formats with a literal prefix (`ghp_`, `AKIA`, `glpat-`, `xoxb-`, ...).
 * Each is an re2js (linear-time) pattern run on a bounded window that starts at its anchor, so
 * the cost per anchor is bounded. Shapes follow each vendor's documented formats and the
 * patterns of gitleaks and secretlint (see docs/secrets.md for the sources per rule).
 */
import { RE2JS } from 're2js';
import type { ScanContext } from './hits.js';
import { followedByMask } from './placeholder.js';
import {
  type Boundary,
  hasDigit,
  hasLetter,
  isAsciiAlnum,
  isAsciiLetter,
  isDigit,
  shannonEntropy,
  violatesBoundary,
} from './text.js';

/** Characters that would continue a token (the negative look-ahead of the token's pattern). */
type TokenClass =
  | 'word'
  | 'alnum'
  | 'alpha'
  | 'hex'
  | 'tok'
  | 'tokdot'
  | 'azure'
  | 'b64'
  | 'b64u'
  | 'url'
  | 'none';

function continuesToken(code: number, cls: TokenClass): boolean {
  switch (cls) {
    case 'word':
      return isAsciiAlnum(code) || code === 95;
    case 'alnum':
      return isAsciiAlnum(code);
    case 'alpha':
      return isAsciiLetter(code);
    case 'hex':
      return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
    case 'tok':
      return isAsciiAlnum(code) || code === 95 || code === 45;
    case 'tokdot':
      return isAsciiAlnum(code) || code === 95 || code === 45 || code === 46;
    case 'azure':
      return isAsciiAlnum(code) || code === 95 || code === 45 || code === 46 || code === 126;
    case 'b64':
      return isAsciiAlnum(code) || code === 43 || code === 47 || code === 61;
    case 'b64u':
      return isAsciiAlnum(code) || code === 43 || code === 47 || code === 61 || code === 95 || code === 45;
    case 'url':
      return (
        isAsciiAlnum(code) ||
        code === 95 ||
        code === 45 ||
        code === 46 ||
        code === 58 ||
        code === 47 ||
        code === 64
      );
    case 'none':
      return false;
  }
}

function anchored(pattern: string, flags = 0): RE2JS {
  return RE2JS.compile(`^(?:${pattern})`, flags);
}

export interface TokenSpec {
  ruleId: string;
  anchors: string[];
  /** Alternative shapes tried in order; each is matched at the anchor. */
  shapes: {
    pattern: string;
    what?: string;
    validate?: (value: string) => boolean;
    /** Where the random part starts in this shape's match, when not right after the anchor. */
    randomFrom?: (value: string) => number;
  }[];
  /** Shortest and longest token the shapes can match (the window size). */
  maxLength: number;
  minLength: number;
  /** A class holding every character of every shape, anchor included (for the cheap run check). */
  run: TokenClass;
  before: Boundary;
  after: TokenClass;
  validate?: (value: string) => boolean;
  /** Values documented as examples by the vendor, never reported. */
  builtinAllow?: string[];
  /** The token starts this many characters before its anchor (`Q~` is inside Azure secrets). */
  anchorOffset?: number;
  /** The secret starts this many characters into the match (`AccountKey=` is not secret). */
  secretFrom?: number;
  /** Where the random part of the secret starts; default: after the anchor. */
  randomFrom?: number;
}

/** Whether every character of class `inner` belongs to class `outer` (for the too-long shortcut). */
function classWithin(inner: TokenClass, outer: TokenClass): boolean {
  const order: Record<TokenClass, TokenClass[]> = {
    alpha: ['alpha', 'alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
    hex: ['hex', 'alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
    alnum: ['alnum', 'word', 'tok', 'tokdot', 'azure', 'b64', 'b64u', 'url'],
    word: ['word', 'tok', 'tokdot', 'azure', 'b64u', 'url'],
    tok: ['tok', 'tokdot', 'azure', 'b64u', 'url'],
    tokdot: ['tokdot', 'azure'],
    azure: ['azure'],
    b64: ['b64', 'b64u'],
    b64u: ['b64u'],
    url: ['url'],
    none: [],
  };
  return order[inner].includes(outer);
}

let nextHandlerSlot = 0;

/** A handler for one token spec; `anchorLength` is the length of the literal that was found. */
export type TokenHandler = (ctx: ScanContext, at: number, anchorLength: number) => void;

export function tokenHandler(spec: TokenSpec): TokenHandler {
  const shapes = spec.shapes.map((s) => ({ ...s, re: anchored(s.pattern) }));
  const allow = new Set(spec.builtinAllow ?? []);
  const tooLongRejects = classWithin(spec.run, spec.after);
  const slot = nextHandlerSlot++;
  return (ctx, anchorAt, anchorLength) => {
    const { text } = ctx;
    const at = anchorAt - (spec.anchorOffset ?? 0);
    if (at < 0) return;
    // One look per run of token characters: an anchor inside a run already examined by this
    // rule (`ghp_ghp_ghp_...`) starts no new search, which keeps dense anchors linear.
    if (at < (ctx.examinedUntil[slot] ?? 0)) return;
    if (violatesBoundary(text[at - 1], spec.before)) return;
    let runEnd = at;
    const limit = Math.min(text.length, at + spec.maxLength + 1);
    while (runEnd < limit && continuesToken(text.charCodeAt(runEnd), spec.run)) runEnd++;
    ctx.examinedUntil[slot] = runEnd;
    const run = runEnd - at;
    if (run < spec.minLength) return;
    if (run > spec.maxLength && tooLongRejects) return;
    const window = text.slice(at, runEnd);
    for (const shape of shapes) {
      const m = shape.re.exec(window);
      if (!m) continue;
      const value = m[0];
      const end = at + value.length;
      if (end < text.length && continuesToken(text.charCodeAt(end), spec.after)) continue;
      if (allow.has(value)) return;
      if (spec.validate && !spec.validate(value)) continue;
      if (shape.validate && !shape.validate(value)) continue;
      // `ghp_abc…`, `xoxp-…-####`: an example cut short or masked in the text.
      if (followedByMask(text, end)) return;
      const from = spec.secretFrom ?? 0;
      // The fixed prefix is the anchor (from its start); a token that starts before its anchor
      // (Azure's `Q~` is inside) has no fixed prefix.
      const prefix = spec.anchorOffset ? 0 : Math.max(0, anchorLength - from);
      ctx.hits.push({
        ruleId: spec.ruleId,
        start: at,
        end,
        secretStart: at + from,
        secretEnd: end,
        secret: value.slice(from),
        randomFrom: shape.randomFrom?.(value) ?? spec.randomFrom ?? prefix,
        ...(shape.what ? { what: shape.what } : {}),
      });
      return;
    }
  };
}

function base64Json(b64: string): boolean {
  try {
    const json = Buffer.from(b64.replaceAll('-', '+').replaceAll('_', '/'), 'base64').toString('utf8');
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

export const TOKEN_SPECS: TokenSpec[] = [
  {
    // AWS unique-ID prefixes (IAM User Guide, "Unique identifiers"): AKIA access key, ASIA STS
    // temporary key, ABIA STS service bearer token, ACCA context-specific credential, A3T… older
    // keys, and the identifiers of users, groups, roles and instance profiles. Random parts are
    // base32 today; [A-Z0-9] keeps older keys.
    ruleId: 'secret/aws-access-key-id',
    anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'A3T'],
    shapes: [{ pattern: '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}' }],
    maxLength: 20,
    minLength: 20,
    run: 'word',
    before: 'word',
    after: 'word',
    // gitleaks' bar: DNA strings (`…-ACCATAGG…`) have the shape but 2 bits of entropy.
    validate: (v) => shannonEntropy(v) >= 3,
    builtinAllow: ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE'],
  },
  {
    // Amazon Bedrock API keys (Bedrock User Guide, "API keys"): long-term keys are `ABSK` +
    // base64 of `BedrockAPIKey-…`; short-term keys are `bedrock-api-key-` + base64 of a presigned
    // `bedrock.amazonaws.com/?Action=CallWithBearerToken&…` URL.
    ruleId: 'secret/aws-bedrock-api-key',
    anchors: ['ABSKQmVkcm9ja0FQSUtleS', 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'],
    shapes: [
      {
        pattern: 'ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{87,247}={0,2}',
        what: 'long-term Amazon Bedrock API key',
      },
      {
        pattern: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=]*',
        what: 'short-term Amazon Bedrock API key',
      },
    ],
    maxLength: 8192,
    minLength: 44,
    run: 'b64u',
    before: 'word',
    after: 'b64',
  },
  {
    ruleId: 'secret/github-token',
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'v1.'],
    shapes: [
      {
        pattern: 'ghs_[0-9]+_eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+',
        what: 'GitHub App installation token',
        // `ghs_<installation id>_<JWT>`: the id is not random.
        randomFrom: (v) => v.indexOf('_eyJ') + 1,
      },
      { pattern: 'github_pat_[A-Za-z0-9_]{82}', what: 'GitHub fine-grained personal access token' },
      { pattern: 'gh[pousr]_[A-Za-z0-9_]{36}', what: 'GitHub token' },
      {
        // Installation tokens before April 2021: `v1.` + 40 hex.
        pattern: 'v1\\.[0-9a-f]{40}',
        what: 'GitHub App installation token (v1 format)',
        validate: (v) => hasLetter(v.slice(3)) && hasDigit(v.slice(3)) && shannonEntropy(v.slice(3)) >= 3,
      },
    ],
    maxLength: 4096,
    minLength: 40,
    run: 'tokdot',
    before: 'letter',
    after: 'word',
  },
  {
    // GitLab token prefixes (GitLab docs, "Token prefixes"), including routable tokens
    // (`glpat-<payload>.<2 chars>.<crc>`) and the session cookie.
    ruleId: 'secret/gitlab-token',
    anchors: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glrtr-',
      'glptt-',
      'glft-',
      'glimt-',
      'glagent-',
      'gloas-',
      'glcbt-',
      'glsoat-',
      'glffct-',
      'glwt-',
      'GR1348941',
    ],
    shapes: [
      {
        pattern:
          'gl(?:pat|dt|rt|rtr|ptt|ft|imt|agent|oas|cbt|soat|ffct|wt)-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}\\.?[0-9a-z]{7,9})?',
      },
      { pattern: 'GR1348941[A-Za-z0-9_-]{20,64}', what: 'GitLab runner registration token' },
    ],
    maxLength: 320,
    minLength: 25,
    run: 'tokdot',
    before: 'letter',
    after: 'tok',
    validate: (v) => shannonEntropy(v.slice(v.indexOf('-') + 1 || 9)) >= 3,
  },
  {
    ruleId: 'secret/gitlab-token',
    anchors: ['_gitlab_session='],
    shapes: [{ pattern: '_gitlab_session=[0-9a-z]{32}', what: 'GitLab session cookie' }],
    maxLength: 48,
    minLength: 48,
    run: 'b64u',
    before: 'none',
    after: 'alnum',
    secretFrom: 16,
  },
  {
    // Slack token types (api.slack.com "Token types", "Configuration tokens"); the shapes of
    // gitleaks' Slack rules first, then a broad `xox?-` form for older and unusual tokens.
    ruleId: 'secret/slack-token',
    anchors: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe-', 'xoxc-', 'xoxe.', 'xapp-'],
    shapes: [
      { pattern: '(?i)xoxe\\.xox[bp]-[0-9]-[A-Z0-9]{163,166}', what: 'Slack configuration token' },
      { pattern: '(?i)xoxe-[0-9]-[A-Z0-9]{146}', what: 'Slack configuration refresh token' },
      { pattern: 'xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34}', what: 'Slack user token' },
      { pattern: 'xoxb-[0-9]{10,13}-[0-9]{10,13}[A-Za-z0-9-]*', what: 'Slack bot token' },
      { pattern: 'xoxb-[0-9]{8,14}-[A-Za-z0-9]{18,26}', what: 'Slack bot token' },
      { pattern: '(?i)xapp-[0-9]-[A-Z0-9]+-[0-9]+-[A-Z0-9]+', what: 'Slack app-level token' },
      { pattern: 'xox[os]-[0-9]+-[0-9]+-[0-9]+-[A-Fa-f0-9]+', what: 'Slack legacy token' },
      {
        pattern: '(?:xoxe\\.)?(?:xox[bpaorsec]|xapp)-(?:[0-9]-)?(?:[A-Za-z0-9]{1,80}-)+[A-Za-z0-9]{1,80}',
        validate: (v) => v.length >= 20 && hasDigit(v),
      },
      { pattern: 'xox[ar]-(?:[0-9]-)?[A-Za-z0-9]{8,48}', what: 'Slack workspace token' },
    ],
    maxLength: 512,
    minLength: 13,
    run: 'tokdot',
    before: 'word',
    after: 'alnum',
  },
  {
    // Incoming webhooks, workflow and trigger URLs; the path after the kind is the secret.
    ruleId: 'secret/slack-webhook',
    anchors: ['https://hooks.slack.com/', 'http://hooks.slack.com/', 'hooks.slack.com/'],
    shapes: [
      {
        pattern:
          '(?:https?://)?hooks\\.slack\\.com/(?:services/T[A-Za-z0-9_]{1,40}/B[A-Za-z0-9_]{1,40}/[A-Za-z0-9_]{1,64}|workflows/T[A-Za-z0-9_]{1,40}/A[A-Za-z0-9_]{1,40}/[0-9]{1,40}/[A-Za-z0-9_]{1,64}|triggers/T[A-Za-z0-9_]{1,40}/[0-9]{1,40}/[A-Za-z0-9_]{1,64})',
      },
      { pattern: '(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{43,120}' },
    ],
    maxLength: 256,
    minLength: 45,
    run: 'url',
    before: 'none',
    after: 'alnum',
  },
  {
    ruleId: 'secret/vault-token',
    anchors: ['hvs.', 'hvb.', 'hvr.'],
    shapes: [
      { pattern: 'hvs\\.[A-Za-z0-9_-]{24,120}', what: 'Vault service token' },
      { pattern: 'hvb\\.[A-Za-z0-9_-]{24,300}', what: 'Vault batch token' },
      { pattern: 'hvr\\.[A-Za-z0-9_-]{24,120}', what: 'Vault recovery token' },
    ],
    maxLength: 304,
    minLength: 28,
    run: 'tokdot',
    before: 'letter',
    after: 'tok',
    validate: (v) => hasDigit(v) && hasLetter(v.slice(4)) && shannonEntropy(v.slice(4)) >= 3.5,
  },
  {
    ruleId: 'secret/npm-token',
    anchors: ['npm_'],
    shapes: [{ pattern: 'npm_[A-Za-z0-9]{36}' }],
    maxLength: 40,
    minLength: 40,
    run: 'word',
    before: 'letter',
    after: 'word',
  },
  {
    ruleId: 'secret/openai-api-key',
    anchors: ['sk-'],
    shapes: [
      { pattern: 'sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}' },
      { pattern: 'sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}' },
    ],
    maxLength: 400,
    minLength: 51,
    run: 'tok',
    before: 'letter',
    after: 'tok',
  },
  {
    ruleId: 'secret/anthropic-api-key',
    anchors: ['sk-'],
    shapes: [{ pattern: 'sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,200}' }],
    maxLength: 220,
    minLength: 93,
    run: 'tok',
    before: 'letter',
    after: 'tok',
    validate: (v) => v.endsWith('AA'),
  },
  {
    ruleId: 'secret/groq-api-key',
    anchors: ['gsk_'],
    shapes: [{ pattern: 'gsk_[A-Za-z0-9]{52}' }],
    maxLength: 56,
    minLength: 56,
    run: 'word',
    before: 'letter',
    after: 'alnum',
  },
  {
    ruleId: 'secret/huggingface-token',
    anchors: ['hf_'],
    shapes: [{ pattern: 'hf_[A-Za-z]{34}' }],
    maxLength: 37,
    minLength: 37,
    run: 'word',
    before: 'letter',
    after: 'alpha',
  },
  {
    ruleId: 'secret/linear-api-key',
    anchors: ['lin_api_'],
    shapes: [{ pattern: 'lin_api_[A-Za-z0-9_]{32,128}' }],
    maxLength: 136,
    minLength: 40,
    run: 'word',
    before: 'letter',
    after: 'word',
  },
  {
    ruleId: 'secret/notion-token',
    anchors: ['ntn_'],
    shapes: [{ pattern: 'ntn_[0-9]{11}[A-Za-z0-9]{35}' }],
    maxLength: 50,
    minLength: 50,
    run: 'word',
    before: 'letter',
    after: 'alnum',
  },
  {
    ruleId: 'secret/1password-service-account-token',
    anchors: ['ops_ey'],
    shapes: [{ pattern: 'ops_ey[A-Za-z0-9+/]{98,}fQ={0,2}' }],
    maxLength: 1300,
    minLength: 106,
    run: 'b64u',
    before: 'letter',
    after: 'b64',
    validate: (v) => base64Json(v.slice(4)),
  },
  {
    ruleId: 'secret/sendgrid-api-key',
    anchors: ['SG.'],
    shapes: [{ pattern: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}' }],
    maxLength: 69,
    minLength: 69,
    run: 'tokdot',
    before: 'letter',
    after: 'tok',
  },
  {
    ruleId: 'secret/shopify-token',
    anchors: ['shpss_', 'shpat_', 'shpca_', 'shppa_'],
    shapes: [{ pattern: 'shp(?:ss|at|ca|pa)_[A-Za-z0-9]{32,64}' }],
    maxLength: 70,
    minLength: 38,
    run: 'word',
    before: 'letter',
    after: 'alnum',
  },
  {
    ruleId: 'secret/grafana-token',
    anchors: ['glc_', 'glsa_'],
    shapes: [
      { pattern: 'glc_[A-Za-z0-9+/]{32,400}={0,2}', what: 'Grafana Cloud API token' },
      { pattern: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', what: 'Grafana service account token' },
    ],
    maxLength: 410,
    minLength: 36,
    run: 'b64u',
    before: 'letter',
    after: 'b64',
  },
  {
    ruleId: 'secret/vercel-token',
    anchors: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    shapes: [{ pattern: 'vc[picrka]_[A-Za-z0-9]{20,60}' }],
    maxLength: 64,
    minLength: 24,
    run: 'word',
    before: 'letter',
    after: 'alnum',
  },
  {
    ruleId: 'secret/databricks-token',
    anchors: ['dapi'],
    shapes: [{ pattern: 'dapi[A-Fa-f0-9]{32}(?:-[0-9])?' }],
    maxLength: 38,
    minLength: 36,
    run: 'tok',
    before: 'letter',
    after: 'hex',
  },
  {
    ruleId: 'secret/docker-hub-token',
    anchors: ['dckr_pat_', 'dckr_oat_'],
    shapes: [{ pattern: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27}' }],
    maxLength: 36,
    minLength: 36,
    run: 'tok',
    before: 'letter',
    after: 'tok',
  },
  {
    ruleId: 'secret/figma-token',
    anchors: ['figd_'],
    shapes: [{ pattern: 'figd_[A-Za-z0-9_-]{40,200}' }],
    maxLength: 205,
    minLength: 45,
    run: 'tok',
    before: 'letter',
    after: 'tok',
  },
  {
    ruleId: 'secret/cloudflare-api-token',
    anchors: ['cfat_', 'cfut_', 'cfk_'],
    shapes: [{ pattern: 'cf(?:at|ut|k)_[A-Za-z0-9]{40}[a-f0-9]{8}' }],
    maxLength: 53,
    minLength: 52,
    run: 'word',
    before: 'letter',
    after: 'alnum',
  },
  {
    ruleId: 'secret/stripe-secret-key',
    anchors: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
    shapes: [{ pattern: '[sr]k_(?:live|test)_[A-Za-z0-9]{24,}' }],
    maxLength: 260,
    minLength: 32,
    run: 'word',
    before: 'letter',
    after: 'alnum',
  },
  {
    ruleId: 'secret/tailscale-key',
    anchors: ['tskey-'],
    shapes: [{ pattern: 'tskey-[a-z]{2,20}-[A-Za-z0-9]{8,40}-[A-Za-z0-9]{16,64}' }],
    maxLength: 135,
    minLength: 34,
    run: 'tok',
    before: 'letter',
    after: 'alnum',
  },
  {
    ruleId: 'secret/google-cloud-key',
    anchors: ['AIza', 'GOCSPX-'],
    shapes: [
      { pattern: 'AIza[0-9A-Za-z_-]{35}', what: 'Google API key' },
      { pattern: 'GOCSPX-[0-9A-Za-z_-]{28}', what: 'Google OAuth client secret' },
    ],
    maxLength: 39,
    minLength: 35,
    run: 'tok',
    before: 'word',
    after: 'tok',
  },
  {
    ruleId: 'secret/azure-client-secret',
    anchors: ['Q~'],
    anchorOffset: 4,
    shapes: [{ pattern: '[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}' }],
    maxLength: 40,
    minLength: 37,
    run: 'azure',
    before: 'word',
    after: 'azure',
    validate: (v) => hasDigit(v.slice(6)) && shannonEntropy(v) >= 3.5,
  },
  {
    ruleId: 'secret/azure-storage-key',
    anchors: ['AccountKey='],
    shapes: [{ pattern: 'AccountKey=[A-Za-z0-9+/]{86}==' }],
    maxLength: 99,
    minLength: 99,
    run: 'b64',
    before: 'none',
    after: 'b64',
    secretFrom: 11,
  },
  {
    ruleId: 'secret/pulumi-token',
    anchors: ['pul-'],
    shapes: [{ pattern: 'pul-[a-f0-9]{40}' }],
    maxLength: 44,
    minLength: 44,
    run: 'tok',
    before: 'letter',
    after: 'alnum',
  },
  {
    // age (filippo.io/age) X25519 identities: `AGE-SECRET-KEY-1` + 58 bech32 characters.
    ruleId: 'secret/age-secret-key',
    anchors: ['AGE-SECRET-KEY-1'],
    shapes: [{ pattern: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}' }],
    maxLength: 74,
    minLength: 74,
    run: 'tok',
    before: 'word',
    after: 'alnum',
  },
  {
    // Microsoft Teams incoming webhook (Office 365 connector) URLs: the path is the credential.
    ruleId: 'secret/microsoft-teams-webhook',
    anchors: ['webhook.office.com/webhookb2/'],
    shapes: [
      {
        pattern:
          'webhook\\.office\\.com/webhookb2/[0-9A-Za-z-]{36}@[0-9A-Za-z-]{36}/IncomingWebhook/[0-9A-Za-z]{32}/[0-9A-Za-z-]{36}(?:/[A-Za-z0-9_-]{20,80})?',
      },
    ],
    maxLength: 260,
    minLength: 180,
    run: 'url',
    before: 'none',
    after: 'alnum',
  },
  {
    ruleId: 'secret/ethereum-private-key',
    anchors: ['0x'],
    shapes: [{ pattern: '0x[0-9a-fA-F]{64}' }],
    maxLength: 66,
    minLength: 66,
    run: 'alnum',
    before: 'alnum',
    after: 'alnum',
    validate: (v) => shannonEntropy(v.slice(2)) >= 3,
  },
  {
    ruleId: 'secret/jwt',
    anchors: ['eyJ'],
    shapes: [{ pattern: 'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}' }],
    maxLength: 16384,
    minLength: 40,
    run: 'tokdot',
    before: 'word',
    after: 'tok',
    validate: (v) => base64Json(v.slice(0, v.indexOf('.'))),
  },
];
