import { useMemo } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildFactIndex, readCatalog } from '../model/fact-catalog';
import { testCatalog, testPolicy } from '../test-fixtures';
import { TestTheme } from '../test-theme';
import { factFields } from './fact-fields';
import { FactForm } from './FactForm';
import { useFactForm, type FactFormState } from './useFactForm';

let form: FactFormState;

function Harness({ withCatalog = true }: { withCatalog?: boolean }) {
  const doc = testPolicy();
  const fields = useMemo(() => factFields(doc, buildFactIndex(withCatalog ? readCatalog(testCatalog) : null, doc)), [doc, withCatalog]);
  form = useFactForm(fields);
  return (
    <TestTheme>
      <FactForm form={form} />
    </TestTheme>
  );
}

describe('test-console fact form', { timeout: 30_000 }, () => {
  it('builds one typed field per fact the rule set reads, declared inputs first', () => {
    render(<Harness />);
    const labels = screen.getAllByRole('textbox').map((el) => el.getAttribute('id') && document.querySelector(`label[for="${el.id}"]`)?.textContent);
    expect(labels.slice(0, 2)).toEqual(['Debt-to-asset ratio *', 'Maximum days past due']);
    expect(screen.getByRole('combobox', { name: 'Industry section' })).toBeInTheDocument();
    expect(screen.getByText('%')).toBeInTheDocument();
  });

  it('sends only the facts given, ratios as decimals and choices by their code', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    await user.type(screen.getByRole('textbox', { name: 'Debt-to-asset ratio *' }), '72.5');
    await user.type(screen.getByRole('textbox', { name: 'Maximum days past due' }), '30');
    await user.click(screen.getByRole('combobox', { name: 'Industry section' }));
    await user.click(await screen.findByRole('option', { name: 'Manufacturing' }));
    expect(form.facts()).toEqual({ debtToAsset: 0.725, maxDpd: 30, industrySection: 'C' });

    // Clearing a field means "not given" again.
    await user.clear(screen.getByRole('textbox', { name: 'Maximum days past due' }));
    expect(form.facts()).toEqual({ debtToAsset: 0.725, industrySection: 'C' });
  });

  it('switches to JSON with the same facts, and back, refusing JSON that does not parse', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    await user.type(screen.getByRole('textbox', { name: 'Debt-to-asset ratio *' }), '80');
    await user.click(screen.getByRole('button', { name: 'JSON' }));
    const json = screen.getByRole('textbox', { name: 'Facts (JSON object)' });
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual({ debtToAsset: 0.8 });

    await user.clear(json);
    await user.type(json, '{{"debtToAsset": 0.65, "onWatchList": true');
    await user.click(screen.getByRole('button', { name: 'Form' }));
    expect(screen.getByRole('textbox', { name: 'Facts (JSON object)' })).toBeInTheDocument(); // still JSON: it does not parse
    await user.type(screen.getByRole('textbox', { name: 'Facts (JSON object)' }), '}');
    await user.click(screen.getByRole('button', { name: 'Form' }));
    expect(screen.getByRole('textbox', { name: 'Debt-to-asset ratio *' })).toHaveValue('65');
    expect(form.facts()).toEqual({ debtToAsset: 0.65, onWatchList: true });
  });

  it('still builds the form from the declared inputs when the server has no fact catalog', () => {
    render(<Harness withCatalog={false} />);
    expect(screen.getByRole('textbox', { name: 'debtToAsset *' })).toBeInTheDocument();
    expect(screen.getByText('%')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'industrySection' })).toBeInTheDocument();
  });
});
