// Chart colours, dark enough to read on white and told apart without relying on red and green.
export const ACCENT = '#1d4ed8';
export const SECOND = '#b45309';
export const ZONES = { A: '#1d4ed8', B: '#7c3aed', C: '#6b7280' } as const;
export const HEAT = ['#eff6ff', '#bfdbfe', '#60a5fa', '#2563eb', '#1e3a8a'];
export const AXIS_TEXT = '#3f4650';
