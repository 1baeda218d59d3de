/**
 * Our own secret corpus (test/fixtures/secrets-corpus, see its README): positives and negatives
 * per family. Every positive must produce a finding and every negative none; the recall and
 * clean-negative rate per family, and any finding per rule on the negatives, are printed.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { detectSecrets } from '../../packages/scanner/secrets/index.js';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/secrets-corpus');

const CLASSES: Record<string, string> = {
  B62: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  HEX: '0123456789abcdef',
  DIG: '0123456789',
  B32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  UPN: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  LOW: 'abcdefghijklmnopqrstuvwxyz0123456789',
  B64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  U64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
};

/** mulberry32: the same strings on every run. */
function generator(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function pem(kind: string): string {
  const type = kind === 'pkcs1' ? 'rsa' : kind;
  const { privateKey } =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 1024 })
      : type === 'ec'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  const format = kind === 'pkcs1' ? 'pkcs1' : kind === 'ec' ? 'sec1' : 'pkcs8';
  return privateKey
    .export({ type: format as 'pkcs1', format: 'pem' })
    .toString()
    .trim();
}

function armour(label: string, body: Buffer): string {
  const b64 = body.toString('base64').match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...b64, `-----END ${label}-----`].join('\n');
}

function expand(template: string, random: (n: number) => number): string {
  return template.replace(/\{\{([A-Z0-9]+)(?::([a-z0-9]+))?\}\}/g, (whole, kind: string, arg?: string) => {
    if (kind === 'J') return '';
    if (kind === 'PEM') return pem(arg ?? 'rsa');
    if (kind === 'PEMJSON') return pem(arg ?? 'rsa').replaceAll('\n', '\\n');
    if (kind === 'PEMINDENT') return pem(arg ?? 'rsa').replaceAll('\n', '\n  ');
    if (kind === 'OPENSSH')
      return armour(
        'OPENSSH PRIVATE KEY',
        Buffer.concat([Buffer.from('openssh-key-v1\0'), randomBytes(380)]),
      );
    if (kind === 'PGP') {
      const block = armour(
        'PGP PRIVATE KEY BLOCK',
        Buffer.concat([Buffer.from([0x95, 0x05]), randomBytes(400)]),
      );
      const lines = block.split('\n');
      lines.splice(lines.length - 1, 0, `=${randomBytes(3).toString('base64')}`);
      return lines.join('\n');
    }
    const alphabet = CLASSES[kind];
    if (!alphabet || !arg) return whole;
    let out = '';
    for (let i = 0; i < Number(arg); i++) out += alphabet[random(alphabet.length)];
    return out;
  });
}

interface Family {
  positive: string[];
  negative: string[];
}

const families = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    name: f.replace(/\.json$/, ''),
    ...(JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Family),
  }));

const tally = new Map<string, { found: number; positives: number; clean: number; negatives: number }>();
const falsePositivesByRule = new Map<string, number>();

describe('secret corpus (ours)', () => {
  const random = generator(20261130);
  for (const family of families) {
    const t = { found: 0, positives: 0, clean: 0, negatives: 0 };
    tally.set(family.name, t);
    describe(family.name, () => {
      family.positive.forEach((template, i) => {
        const text = expand(template, random);
        it(`positive ${i + 1}: ${template.slice(0, 60)}`, () => {
          t.positives++;
          const findings = detectSecrets(text, `corpus/${family.name}.txt`);
          if (findings.length > 0) t.found++;
          expect(findings.length, text).toBeGreaterThan(0);
        });
      });
      family.negative.forEach((template, i) => {
        const text = template.replaceAll('{{J}}', '');
        it(`negative ${i + 1}: ${template.slice(0, 60)}`, () => {
          t.negatives++;
          const findings = detectSecrets(text, `corpus/${family.name}.txt`);
          for (const f of findings)
            falsePositivesByRule.set(f.ruleId, (falsePositivesByRule.get(f.ruleId) ?? 0) + 1);
          if (findings.length === 0) t.clean++;
          expect(findings.map((f) => `${f.ruleId}: ${f.snippet}`)).toEqual([]);
        });
      });
    });
  }

  afterAll(() => {
    const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
    const lines = ['secret corpus (ours): family, recall, clean negatives'];
    for (const [name, t] of tally)
      lines.push(
        `  ${name.padEnd(12)} recall ${pct(t.found, t.positives)} (${t.found}/${t.positives})  clean ${pct(t.clean, t.negatives)} (${t.clean}/${t.negatives})`,
      );
    lines.push(
      `  false positives by rule on the negatives: ${
        falsePositivesByRule.size === 0
          ? 'none'
          : [...falsePositivesByRule].map(([rule, n]) => `${rule} ${n}`).join(', ')
      }`,
    );
    console.log(lines.join('\n'));
  });
});
