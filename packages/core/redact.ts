/**
 * Every form in which a secret could leak into text we print: the raw value and the encodings
 * tools commonly apply to it (base64 for basic-auth headers and k8s secrets, URL encoding for
 * query strings, JSON escaping for logs). The runner's masking only hides the raw value, so
 * front ends register each form with the runner and scrub engine text with `Redactor`.
 */
export function secretForms(value: string): string[] {
  if (value.length === 0) return [];
  const forms = new Set<string>([value]);
  const b64 = Buffer.from(value, 'utf8').toString('base64');
  forms.add(b64);
  forms.add(b64.replace(/=+$/, ''));
  forms.add(Buffer.from(value, 'utf8').toString('base64url'));
  forms.add(encodeURIComponent(value));
  forms.add(JSON.stringify(value).slice(1, -1));
  // Values with newlines (private keys) are masked line by line, as the runner does.
  for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) forms.add(line);
  return [...forms].filter((f) => f.length >= 4);
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
