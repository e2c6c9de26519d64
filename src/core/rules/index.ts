// The rule registry: one module per rule, file name = rule id.
import { compressiblePrompt } from './compressible-prompt';
import { contextOverflow } from './context-overflow';
import { missingOutputCap } from './missing-output-cap';
import { overBudget } from './over-budget';
import type { Rule } from './types';
import { unknownModel } from './unknown-model';

export type { Rule, RuleContext, RuleMeta } from './types';

export const allRules: Rule[] = [missingOutputCap, unknownModel, overBudget, contextOverflow, compressiblePrompt];
