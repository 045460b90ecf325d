export const adminFa = {
  title: 'admin',
};

export const adminEn: typeof adminFa = {
  title: 'admin',
};
