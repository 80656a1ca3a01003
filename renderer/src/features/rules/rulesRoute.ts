// Where the rule settings live, and how another screen links to one rule there (`#/rules?rule=CODE`:
// the rule's row opens, scrolled into view).
export const RULES_PATH = '/rules'
export const RULE_PARAM = 'rule'
