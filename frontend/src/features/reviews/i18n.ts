export const reviewsFa = {
  title: 'reviews',
};

export const reviewsEn: typeof reviewsFa = {
  title: 'reviews',
};
