import { describe, expect, it } from 'vitest';
import type { ReactElement } from 'react';
import { render as rtlRender, screen } from '@testing-library/react';
import { ThemeProvider } from '@mui/material';
import { theme } from '../../../theme';
import { SlaCountdown } from './SlaCountdown';

const now = new Date('2026-11-23T10:30:00Z');
const render = (ui: ReactElement) => {
  const r = rtlRender(<ThemeProvider theme={theme}>{ui}</ThemeProvider>);
  return { ...r, rerender: (next: ReactElement) => r.rerender(<ThemeProvider theme={theme}>{next}</ThemeProvider>) };
};

describe('the SLA countdown', () => {
  it('says "overdue" in words, in red, with the due day', () => {
    const { container } = render(<SlaCountdown dueAt="2026-11-20" active now={now} />);
    const text = screen.getByText('Overdue by 3 days');
    expect(text).toBeInTheDocument();
    expect(screen.getByText('Due 2026-11-20')).toBeInTheDocument();
    const marker = container.querySelector('[data-sla="overdue"]')!;
    // Not colour alone: an icon and the word, and the colour on top.
    expect(marker.querySelector('svg')).not.toBeNull();
    expect(getComputedStyle(text.parentElement!).color).toBe('rgb(179, 38, 30)');
  });

  it('counts the hours left on the due day and the days before it', () => {
    const { rerender } = render(<SlaCountdown dueAt="2026-11-23" active now={now} />);
    expect(screen.getByText('Due today · 14 h left')).toBeInTheDocument();
    rerender(<SlaCountdown dueAt="2026-11-24" active now={now} />);
    expect(screen.getByText('Due in 1 day')).toBeInTheDocument();
    rerender(<SlaCountdown dueAt="2026-12-07" active now={now} />);
    expect(screen.getByText('Due in 14 days')).toBeInTheDocument();
  });

  it('moves on as time passes', () => {
    const { rerender } = render(<SlaCountdown dueAt="2026-11-23" active now={now} />);
    rerender(<SlaCountdown dueAt="2026-11-23" active now={new Date('2026-11-24T00:00:01Z')} />);
    expect(screen.getByText('Overdue by 1 day')).toBeInTheDocument();
  });

  it('stops counting once the alert is closed', () => {
    const { container } = render(<SlaCountdown dueAt="2026-11-20" active={false} now={now} />);
    expect(screen.getByText('Due 2026-11-20')).toBeInTheDocument();
    expect(screen.queryByText(/Overdue/)).toBeNull();
    expect(container.querySelector('[data-sla]')).toBeNull();
  });
});
