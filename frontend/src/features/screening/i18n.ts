export const screeningFa = {
  title: 'screening',
};

export const screeningEn: typeof screeningFa = {
  title: 'screening',
};
