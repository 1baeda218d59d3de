/**
 * GitLab CI rules (`gitlab/…`): configuration pulled in from elsewhere must be pinned, the
 * GitLab analogue of unpinned GitHub actions. Hardcoded secrets in variables are the secret
 * rules' job.
 */
import type { Node } from 'yaml';
import type { FileContext } from '../context.js';
import { get, isMap, items, start, str } from './yaml-nodes.js';

const SHA = /^[0-9a-f]{40}$/i;
/** A release version: 1, 1.2, 1.2.3, v1.2.3, 1.2.3-rc1. */
const VERSION = /^v?\d+(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.-]+)?$/;

const SELF_COMMIT = /^\$(?:CI_COMMIT_SHA|\{CI_COMMIT_SHA\})$/;

function pinned(ref: string): boolean {
  // `$CI_COMMIT_SHA` is the pipeline's own commit: a component project testing itself.
  return SHA.test(ref) || VERSION.test(ref) || SELF_COMMIT.test(ref);
}

export function checkGitlabCi(root: Node | null | undefined, ctx: FileContext): void {
  if (!isMap(root)) return;
  const include = get(root, 'include');
  if (!include) return;
  const entries = items(include);
  for (const entry of entries.length > 0 ? entries : [include]) checkInclude(entry, ctx);
}

function checkInclude(entry: Node, ctx: FileContext): void {
  const line = ctx.position(start(entry) ?? 0).line;
  const emit = (message: string, about: string) =>
    ctx.emit({ ruleId: 'gitlab/unpinned-include', line, message, about });

  const plain = str(entry);
  if (plain !== undefined) {
    if (/^https?:\/\//i.test(plain)) {
      emit(
        `\`include: ${plain}\` fetches configuration from a URL whose content can change under you. Use \`include: { remote: '${plain}', integrity: 'sha256-<base64 digest>' }\`, or a project include pinned to a commit SHA.`,
        `remote ${plain}`,
      );
    }
    return; // a local file
  }
  if (!isMap(entry)) return;
  const project = str(get(entry, 'project'));
  const component = str(get(entry, 'component'));
  const remote = str(get(entry, 'remote'));
  if (project) {
    const ref = str(get(entry, 'ref'));
    if (!ref) {
      emit(
        `\`include: project: ${project}\` has no \`ref:\`, so every pipeline runs whatever that project's default branch holds. Pin it: \`ref: <40-hex commit sha>\` (or a release tag).`,
        `project ${project}`,
      );
    } else if (!pinned(ref)) {
      emit(
        `\`include: project: ${project}\` uses \`ref: ${ref}\`, a branch that can change at any time. Pin it to a commit SHA (or a release tag such as \`v1.2.3\`).`,
        `project ${project} ref ${ref}`,
      );
    }
  }
  if (component) {
    const at = component.lastIndexOf('@');
    const version = at === -1 ? '' : component.slice(at + 1);
    if (!version || (!pinned(version) && !/^~latest$/.test(version))) {
      emit(
        `Component \`${component}\` is not pinned to a release: use \`@<version>\` (e.g. \`@1.2.3\`) or a commit SHA, not a branch.`,
        `component ${component}`,
      );
    } else if (version === '~latest') {
      emit(
        `Component \`${component}\` follows \`~latest\`, so a new release changes your pipeline without review. Pin a version such as \`@1.2.3\`.`,
        `component ${component}`,
      );
    }
  }
  if (remote && !str(get(entry, 'integrity'))) {
    emit(
      `\`include: remote: ${remote}\` has no \`integrity:\`, so the fetched file can change under you. Add \`integrity: 'sha256-<base64 digest>'\` (GitLab verifies it) or vendor the file.`,
      `remote ${remote}`,
    );
  }
}
