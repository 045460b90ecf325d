export const juryFa = {
  title: 'jury',
};

export const juryEn: typeof juryFa = {
  title: 'jury',
};
