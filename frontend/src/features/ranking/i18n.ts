export const rankingFa = {
  title: 'ranking',
};

export const rankingEn: typeof rankingFa = {
  title: 'ranking',
};
