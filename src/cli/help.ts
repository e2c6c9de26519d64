// The text of `prompt-cost --help`.

export const HELP = `Usage: prompt-cost <command> [options]

Find the LLM calls in Python, TypeScript and JavaScript code, count their tokens, price them and project their
monthly cost.

Commands:
  scan [paths...]          Analyse files and folders (default: the current folder)
  compress [FILE:LINE]     Rewrite a prompt literal to fewer tokens (see "prompt-cost compress --help")

Scan options:
  -f, --format <name>        stylish (default), json, sarif or markdown
  -c, --config <file>        Use this .promptcost.json (default: the nearest one upward from the scanned paths)
      --calls-per-month <n>  Calls per month for calls without a path rule or annotation
      --max-monthly-cost <usd>
                             Exit 1 when the projected total exceeds this many US dollars per month
  -o, --output-file <file>   Write the report to a file instead of standard output
  -q, --quiet                Report errors and budget violations only
      --color, --no-color    Force colours on or off (default: on for a terminal, off with NO_COLOR)

Other:
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes:
  0  no error-severity finding and within budget
  1  a finding at error severity, or a budget exceeded (--max-monthly-cost, budgets or path budgets in the
     config file, or an over-budget finding)
  2  bad usage or an invalid configuration file
`;
