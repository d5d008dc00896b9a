/** The published severity ranges of the questionnaires' totals, shaded behind their trend lines. */
export const PHQ9_BANDS = [
  { from: 0, to: 4, label: 'Minimal' },
  { from: 5, to: 9, label: 'Mild' },
  { from: 10, to: 14, label: 'Moderate' },
  { from: 15, to: 19, label: 'Moderately severe' },
  { from: 20, to: 27, label: 'Severe' },
];

export const GAD7_BANDS = [
  { from: 0, to: 4, label: 'Minimal' },
  { from: 5, to: 9, label: 'Mild' },
  { from: 10, to: 14, label: 'Moderate' },
  { from: 15, to: 21, label: 'Severe' },
];
