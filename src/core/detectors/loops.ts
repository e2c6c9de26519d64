// Is a call repeated by a loop? for/while bodies, comprehensions, and callbacks of .map/.forEach/… (not the
// loop's header: `for x in client.models.list()` calls once).

import type { Node } from '../languages/parser';
import { isFunctionType } from '../analysis/facts';

const LOOPS = new Set(['for_statement', 'while_statement', 'for_in_statement', 'do_statement']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const CALLBACK_LOOPS = new Set(['map', 'forEach', 'flatMap', 'reduce', 'filter', 'some', 'every', 'starmap', 'imap', 'imap_unordered']);

export function findEnclosingLoop(node: Node): Node | null {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (LOOPS.has(p.type)) {
      const body = p.childForFieldName('body');
      const alt = p.childForFieldName('alternative');
      if ((body && body.id === child.id) || (alt && alt.id === child.id && p.type === 'while_statement')) return p;
      continue;
    }
    if (COMPREHENSIONS.has(p.type)) {
      const body = p.childForFieldName('body');
      if (body && body.id === child.id) return p;
      continue;
    }
    if (isFunctionType(p.type)) {
      // A callback handed to map/forEach runs once per element.
      const args = p.parent;
      const call = args?.parent;
      if (args && call && (args.type === 'arguments' || args.type === 'argument_list')) {
        const fn = call.childForFieldName('function');
        const name = fn?.type === 'member_expression' || fn?.type === 'attribute'
          ? (fn.childForFieldName('property') ?? fn.childForFieldName('attribute'))?.text : fn?.text;
        if (name && CALLBACK_LOOPS.has(name)) return call;
      }
      return null;
    }
  }
  return null;
}
