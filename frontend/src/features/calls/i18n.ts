export const callsFa = {
  title: 'calls',
};

export const callsEn: typeof callsFa = {
  title: 'calls',
};
