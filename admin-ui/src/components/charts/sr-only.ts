/** Text for screen readers only: present in the accessibility tree, invisible on screen. */
export const srOnly = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
