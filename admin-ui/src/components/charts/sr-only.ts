/**
 * Text for screen readers only: present in the accessibility tree, invisible on screen. Sizes are strings on
 * purpose: in `sx`, a bare `width: 1` means 100 %.
 */
export const srOnly = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  p: 0,
  m: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
