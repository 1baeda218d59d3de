/**
 * Every form in which a secret could leak into text we print: the raw value and the encodings
 * tools commonly apply to it (base64 for basic-auth headers and k8s secrets, URL encoding for
 * query strings, JSON escaping for logs). The runner's masking only hides the raw value, so
 * front ends register each form with the runner and scrub engine text with `Redactor`.
 *
 * A multi-line value (a PEM key, a JSON credential file) is also masked line by line, because
 * the runner masks each log line on its own and a multi-line mask never matches: every line,
 * however short (a PEM's last body line `q5Zw7==`), except lines that carry no secret material
 * (`isNonSecretLine`). Encoded forms shorter than 4 characters are dropped: they would mask
 * common text and hide nothing a reader could use.
 */
export function secretForms(value: string): string[] {
  if (value.length === 0) return [];
  const forms = new Set<string>();
  const b64 = Buffer.from(value, 'utf8').toString('base64');
  forms.add(b64);
  forms.add(b64.replace(/=+$/, ''));
  forms.add(Buffer.from(value, 'utf8').toString('base64url'));
  forms.add(encodeURIComponent(value));
  forms.add(JSON.stringify(value).slice(1, -1));
  const out = [value, ...[...forms].filter((f) => f.length >= 4 && f !== value)];
  const lines = value.split(/\r?\n|\r/);
  if (lines.length > 1) {
    for (const line of lines) {
      const t = line.trim();
      if (!isNonSecretLine(t) && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

/** PEM armour (RFC 7468): `-----BEGIN <label>-----` / `-----END <label>-----`. */
const PEM_ARMOUR = /^-----(BEGIN|END) [\x21-\x2c\x2e-\x7e]+(?: [\x21-\x2c\x2e-\x7e]+)*-----$/;

/**
 * A line of a multi-line secret that carries no secret material and so stays visible: blank,
 * PEM armour, or only the structural punctuation of JSON/YAML/INI (`{ } [ ] ( ) , ; : " '`).
 * Masking `}` would blank every brace in the log and protect nothing. Characters that encode data
 * (letters, digits, and the base64 symbols `+ / =`) always make a line secret.
 */
export function isNonSecretLine(line: string): boolean {
  const t = line.trim();
  return t === '' || PEM_ARMOUR.test(t) || /^[{}[\](),;:"'\s]+$/.test(t);
}

export class Redactor {
  private readonly forms = new Set<string>();

  add(secret: string | undefined): void {
    if (!secret) return;
    for (const f of secretForms(secret)) this.forms.add(f);
  }

  get size(): number {
    return this.forms.size;
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a value is not half-replaced by a shorter form that it contains.
    for (const f of [...this.forms].sort((a, b) => b.length - a.length)) out = out.split(f).join('***');
    return out;
  }
}
