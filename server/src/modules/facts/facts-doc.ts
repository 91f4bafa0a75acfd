/**
 * Renders docs/facts.md from the catalog, so the document cannot drift from the code (facts-doc.test.ts fails
 * when it does). Regenerate with:
 *   npx tsx -e "require('fs').writeFileSync('docs/facts.md', require('./server/src/modules/facts/facts-doc').renderFactsMarkdown())"
 */
import { FACT_CATALOG, FACT_GROUPS } from './catalog';
import type { FactDefinition, FactGroup } from './catalog-types';
import { DEFAULT_PARAMS } from './params';

const GROUP_TITLES: Record<FactGroup, string> = {
  identity: 'Identity: profile inputs and the §5.1 identifier checks',
  financial: 'Financial ratios and statement facts (domain.md §2.1–2.3)',
  trend: 'Trends (domain.md §4.2 F01–F04)',
  model: 'Structural and scoring models: Altman (§3.4), KMV (§3.3)',
  loan: 'Facilities at our bank (domain.md §1.1, §4.2 B01–B04)',
  credit_report: 'Credit report, all banks (domain.md §1.1.1)',
  collateral: 'Collateral and guarantees (§4.2 N07, N08, B05)',
  project: 'Project finance (domain.md §2.4)',
  event: 'Events (domain.md §4.2 N01–N09, §1.1.2 floors)',
  rating: 'Ratings (domain.md §3.2, §4.2 N06)',
  relationship: 'Relationship (domain.md §6)',
};

const CHOICES = `## Conventions

- Every catalog fact is in every derive() answer. A fact that cannot be computed is \`null\` and \`reasons[name]\` says why, in plain words (a zero or negative denominator, a missing input). \`notes[name]\` says how a value was obtained when there was a choice. No value is ever NaN or ±Infinity.
- Ratios are decimals (0.62, not 62). Money facts (unit CNY) are in the client's reporting currency: CNY for onshore clients.
- Flows are trailing twelve months from year-to-date statements: **TTM_q = YTD_q + FY_prev − YTD_q,prev** (TTM = YTD at the fiscal year end). When a statement is missing, YTD × 4/q is used instead (\`flowBasis\` = annualised; params.annualiseWhenNoTtm). Single quarters are YTD differences within the fiscal year. "Average" balances are (now + twelve months earlier) / 2, the closing balance when the earlier one is missing (noted; params.averageFallbackToClosing).
- Only statements that existed on the as-of date are used: period end and, when given, report date on or before it.
- dpd = calendar days from the earliest unpaid due date to the as-of date; the due date itself counts as day 1 only with params.dpdCountsDueDate. "More than 90 days" (超过90天) means dpd ≥ 91.
- A caller without a client register may send any fact directly under the same name; \`source\` only says how derive() obtains it.

## Where domain.md was ambiguous or inconsistent, and what we chose

- **§3.4 vs §2.2.** The Altman example says it uses "the same firm as §2.2" with X1 = 0.12 and X3 = 0.09, but §2.2 gives working capital 450 − 300 = 150 and EBIT 110 on assets of 1,000, i.e. X1 = 0.15 and X3 = 0.11. The stated Z = 2.30, Z′ = 1.89, Z″ = 2.69 and EMS = 5.94 follow from 0.12 / 0.09. We test the formulas with the stated X values and compute the §2.2 firm from its statements (Z = 2.41, Z′ = 1.97, Z″ = 3.02).
- **Z″ zones:** 1.10 / 2.60 (§3.4 [DISAGREE]); zone boundaries count as grey. \`altmanZone\` uses Z for listed manufacturers, Z′ for other manufacturers, Z″ otherwise (params.altmanVariant); \`altmanVariant\` records the choice.
- **Quick ratio:** both variants are stored: \`quickRatio\` deducts inventory; \`quickRatioCashAr\` = (cash + trading financial assets + notes receivable + accounts receivable) / CL. §2.2's 0.87 is cash + AR (the example has no other items).
- **EBIT** = total profit + interest expense − interest income, with interest income 0 when not reported (§2.1 allows operating profit instead). SASAC's \`roaEbit\` uses total profit + interest expense as §2.1 states it.
- **Interest-bearing debt** = ST borrowings + current portion of LTD + LT borrowings + bonds + leases; absent lines count as 0 but one must be present.
- **Negative bases:** ratios over equity, EBITDA, revenue or assets are null when the base is negative (the sign flip would read as good). Interest coverage keeps a negative EBIT (not covered).
- **Average DSCR:** both methods are stored (\`avgDscrMean\`, \`avgDscrRatio\`). LLCR/PLCR discount end-of-period at seniorRate / periodsPerYear; debt outstanding is \`project.seniorDebtOutstanding\`, else Σ remaining principal. The DSRA balance is not added to the LLCR numerator.
- **20 % rule:** §1.1.1 says "across all banks"; example 3 divides >90 dpd debt at *other* banks by total bank debt. \`otherBankOverdue90Share\` follows the example; \`allBanksOverdue90Share\` adds our own >90 dpd balances.
- **10 % rule:** a facility counts as non-performing when its category is 次级/可疑/损失 **or** it is more than 90 dpd (the §1.1.2 floor); with neither known the share is null.
- **Restructuring observation (§1.1.4):** end = max(first repayment + 12 months, first repayment + 2 periods); a payment not made by its due date restarts the period from that due date. A snapshot's observationEndDate wins over the computation.
- **KMV:** short-term debt = total current liabilities, long-term debt = the other liabilities. The Merton DD needs μ (params.assetDrift, no default); the risk-neutral and simple DDs are always reported, each under its own name (§3.3 [DISAGREE]).
- **USCC (§5.1):** the MOD 31 check, the character set, the length and the authority code are hard rules; the GB 11714 inner check, the entity category, the division code and a non-91 prefix are warnings. Entity-category lists for authorities other than 1, 5, 9 and Y are from our reading of GB 32100 and are only warnings.
- **MIIT size class (§5.2):** domain.md gives the industry and wholesale rows; the other rows are our reading of the 2011 table, flagged [UNSURE] in \`notes.sizeClassMiit\`.
- **Real-estate "three red lines":** short-term debt for \`cashToShortTermDebt\` is ST borrowings + current portion of LTD (notes payable are not included).
`;

function esc(s: string | undefined): string {
  return (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(f: FactDefinition): string {
  const en = f.enum ? ` Values: ${f.enum.map((v) => `\`${v}\``).join(', ')}.` : '';
  return `| \`${f.name}\` | ${f.type} | ${esc(f.unit)} | ${f.source} | ${esc(f.description.en)} / ${esc(f.description.zh)}${esc(en)} | ${esc(f.formula)} | ${esc(f.section)} |`;
}

export function renderFactsMarkdown(): string {
  const inputs = FACT_CATALOG.filter((f) => f.source === 'input').length;
  const out: string[] = [
    '# Fact catalog',
    '',
    '<!-- Generated from server/src/modules/facts/catalog*.ts by facts-doc.ts. Do not edit by hand. -->',
    '',
    `${FACT_CATALOG.length} facts: ${inputs} input, ${FACT_CATALOG.length - inputs} derived. Sections (§) refer to \`domain.md\` unless marked portfolio-spec. Served by \`GET /api/v1/facts\`; computed by \`derive()\` (\`POST /api/v1/facts/derive\`).`,
    '',
    CHOICES,
    '## Parameters (defaults)',
    '',
    '| Parameter | Default |',
    '|---|---|',
    ...Object.entries(DEFAULT_PARAMS).map(([k, v]) => `| \`${k}\` | \`${esc(JSON.stringify(v))}\` |`),
    '',
  ];
  for (const g of FACT_GROUPS) {
    const facts = FACT_CATALOG.filter((f) => f.group === g);
    if (!facts.length) continue;
    out.push(`## ${GROUP_TITLES[g]}`, '', '| Fact | Type | Unit | Source | Description | Formula | § |', '|---|---|---|---|---|---|---|', ...facts.map(row), '');
  }
  return out.join('\n');
}
