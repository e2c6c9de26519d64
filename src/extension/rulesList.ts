// The rules the engine knows, for the "open rule documentation" picker.

import { allRules } from '../core/rules';

export function listRules(): { id: string; description: string }[] {
  return allRules.map((r) => ({ id: r.meta.id, description: r.meta.description }));
}
