/**
 * IAM policy document rules (`iam/…`). JSON is parsed with jsonc-parser, which keeps the offset
 * of every value, so findings point at the offending `Action` or `Resource` element.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { FileContext } from '../context.js';

/** Cheap content test before parsing: an IAM policy names its version and has statements. */
export function looksLikeIamPolicy(text: string): boolean {
  return text.includes('Statement') && text.includes('2012-10-17');
}

export class JsonSyntaxError extends Error {}

export function parseJsonTree(text: string): JsonNode | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) throw new JsonSyntaxError(`${printParseErrorCode(first.error)} at offset ${first.offset}`);
  return root;
}

function prop(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

/** A string or list of strings, each with the node it was written in. */
function strings(node: JsonNode | undefined): Array<{ value: string; node: JsonNode }> {
  if (!node) return [];
  if (node.type === 'string') return [{ value: String(node.value), node }];
  if (node.type === 'array') {
    return (node.children ?? [])
      .filter((c) => c.type === 'string')
      .map((c) => ({ value: String(c.value), node: c }));
  }
  return [];
}

const READ_ONLY = /^(?:Get|List|Describe|Head|BatchGet|Query|Scan|Search|Lookup|View|Select)/;

function isWriteCapable(action: string): boolean {
  if (action === '*') return true;
  const name = action.split(':')[1] ?? '';
  if (name.includes('*')) {
    // `s3:Get*` stays read-only; `s3:*`, `s3:Put*`, `s3:*Object` may write.
    const prefix = name.slice(0, name.indexOf('*'));
    return !(prefix.length > 0 && READ_ONLY.test(prefix));
  }
  return !READ_ONLY.test(name);
}

export function checkIamPolicy(root: JsonNode | undefined, ctx: FileContext, origin?: string): void {
  const statementsNode = prop(root, 'Statement');
  const statements =
    statementsNode?.type === 'array'
      ? (statementsNode.children ?? [])
      : statementsNode
        ? [statementsNode]
        : [];
  const via = origin ? ` (session policy of ${origin})` : '';
  statements.forEach((statement, index) => {
    if (statement.type !== 'object') return;
    const effect = prop(statement, 'Effect');
    if (effect?.value !== 'Allow') return;
    const sid = prop(statement, 'Sid')?.value;
    const label = typeof sid === 'string' && sid ? `statement '${sid}'` : `statement ${index + 1}`;
    const line = (n: JsonNode) => ctx.position(n.offset);

    const notAction = prop(statement, 'NotAction');
    if (notAction) {
      ctx.emit({
        ruleId: 'iam/notaction-allow',
        line: line(notAction).line,
        message: `${cap(label)}${via} allows everything except its \`NotAction\` list, including actions AWS adds later. List the allowed actions under \`Action\` instead.`,
        about: `${label} NotAction`,
      });
    }

    const actions = strings(prop(statement, 'Action'));
    const resources = strings(prop(statement, 'Resource'));
    const starResource = resources.find((r) => r.value === '*');
    let everything = false;
    for (const action of actions) {
      if (action.value === '*' || action.value === '*:*') {
        everything = true;
        ctx.emit({
          ruleId: 'iam/wildcard-action',
          line: line(action.node).line,
          message: `${cap(label)}${via} allows every action of every AWS service (\`"Action": "${action.value}"\`). List the actions the agent needs, e.g. \`["s3:GetObject", "s3:PutObject"]\`.`,
          about: `${label} Action ${action.value}`,
        });
      } else if (/^[a-z0-9-]+:\*$/i.test(action.value)) {
        ctx.emit({
          ruleId: 'iam/service-wildcard',
          line: line(action.node).line,
          message: `${cap(label)}${via} allows every ${action.value.split(':')[0]} action (\`${action.value}\`), including deletes and permission changes. List the actions needed, e.g. \`${action.value.split(':')[0]}:Get*\` for reads.`,
          about: `${label} Action ${action.value}`,
        });
      }
    }
    if (!starResource || everything) return;

    const escalation = actions.filter((a) =>
      /^(?:iam:(?:PassRole|\*)|sts:(?:AssumeRole|\*)|iam:Pass\*|sts:Assume\*)$/i.test(a.value),
    );
    if (escalation.length > 0) {
      ctx.emit({
        ruleId: 'iam/passrole-wildcard',
        line: line(starResource.node).line,
        message: `${cap(label)}${via} allows ${escalation.map((a) => `\`${a.value}\``).join(', ')} on \`"Resource": "*"\`, so the holder can pass or assume any role. Name the roles: \`"Resource": "arn:aws:iam::<account>:role/<role-name>"\`.`,
        about: `${label} ${escalation.map((a) => a.value).join(',')} Resource *`,
      });
    }
    const writes = actions.filter((a) => isWriteCapable(a.value) && !escalation.includes(a));
    if (writes.length > 0) {
      const shown = writes.slice(0, 4).map((a) => `\`${a.value}\``);
      ctx.emit({
        ruleId: 'iam/wildcard-resource',
        line: line(starResource.node).line,
        message: `${cap(label)}${via} allows ${shown.join(', ')}${writes.length > 4 ? ` and ${writes.length - 4} more` : ''} on \`"Resource": "*"\`: every resource of that kind in the account. Name the resources (ARNs, e.g. \`arn:aws:s3:::my-bucket/*\`).`,
        about: `${label} Resource * ${writes.map((a) => a.value).join(',')}`,
      });
    }
  });
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
