export const publicFa = {
  title: 'public',
};

export const publicEn: typeof publicFa = {
  title: 'public',
};
