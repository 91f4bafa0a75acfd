import type { ReactNode } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';

/** A titled card of the detail page; the title is an h2 so the page reads as an outline. */
export function Section({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2.5, minWidth: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5 }}>
        <Typography variant="h6" component="h2" id={id}>
          {title}
        </Typography>
        {actions}
      </Stack>
      <Box>{children}</Box>
    </Paper>
  );
}

/** Term/definition pairs in a responsive grid, as a real description list. */
export function Facts({ items }: { items: { term: string; value: ReactNode; mono?: boolean }[] }) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}>
      {items.map(({ term, value, mono }) => (
        <Box key={term} sx={{ minWidth: 0 }}>
          <Typography component="dt" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {term}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontFamily: mono ? 'monospace' : undefined, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
